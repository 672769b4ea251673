//! User settings as kept in extension storage. Pure.
//!
//! Storage can hold anything (older schemas, another version's fields, hand-edited garbage):
//! decoding never fails, keeps every field it can read and fills the rest with defaults.

use crate::gitpod_target::{GitpodTarget, Presets, TargetKind};
use crate::gitpod_url::GitpodOrigin;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The storage key holding the settings object.
pub const SETTINGS_KEY: &str = "settings";
/// 3: per-GitLab-host targets (`host_targets`), a Classic target's launch presets (`editor`,
/// `workspace_class`), `in_page_entries`; 2: the Gitpod target (`target`, `target_name`);
/// 1 had only `gitpod_origin`. Older schemas read as 3 with defaults for what they lack.
pub const SCHEMA_VERSION: u32 = 3;
/// The most GitLab hosts with a target of their own that are kept.
pub const MAX_HOST_TARGETS: usize = 50;

/// Every on/off setting, declared once: its stored name and default, and the settings form's
/// checkbox id and label (a message key). Storage, messages, the form and both readers are
/// made from this list; adding a switch is adding a line here (and its label's words).
macro_rules! flags {
    ($( $(#[$doc:meta])* $name:ident = $default:expr, $id:literal, $label:literal; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct Flags { $( $(#[$doc])* pub $name: bool, )* }

        impl Default for Flags {
            fn default() -> Self {
                Flags { $( $name: $default, )* }
            }
        }

        /// Each switch's stored name (what storage and both readers know).
        pub const FLAGS: &[&str] = &[ $( stringify!($name), )* ];
        /// Each switch in the settings form: (stored name, checkbox id, label message key).
        /// Apart from `FLAGS`: the content script reads storage but shows no form.
        pub const FLAG_FIELDS: &[(&str, &str, &str)] = &[ $( (stringify!($name), $id, $label), )* ];

        impl Flags {
            pub fn get(&self, name: &str) -> Option<bool> {
                match name {
                    $( stringify!($name) => Some(self.$name), )*
                    _ => None,
                }
            }
            pub fn set(&mut self, name: &str, on: bool) {
                match name {
                    $( stringify!($name) => self.$name = on, )*
                    _ => {}
                }
            }
        }
    };
}

flags! {
    open_in_new_tab = true, "open-in-new-tab", "settings_new_tab";
    /// The toolbar button opens the current GitLab page in Gitpod instead of the popup.
    toolbar_opens_directly = false, "toolbar-direct", "settings_toolbar_direct";
    /// Entries inside GitLab's pages; off leaves GitLab pages untouched (the popup, toolbar,
    /// shortcut and context menu keep working).
    in_page_entries = true, "in-page-entries", "settings_in_page";
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Where pages open: Gitpod, Ona or a custom instance (its origin and name).
    pub target: GitpodTarget,
    /// GitLab hosts (`gitlab.example.com:8443`) that open somewhere else, sorted by host.
    pub host_targets: Vec<(String, GitpodTarget)>,
    pub flags: Flags,
}

/// The stored object as found, any shape: read field by field, so one bad field cannot spoil
/// the others. Both readers make it the same way: serde on the worker and popup, the content
/// script's serde-free `js_values`; neither names a field.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct StoredSettings(pub Loose);

/// The fields of one stored target, at the top level and in each `host_targets` entry
/// (`{ "<GitLab host>": { target, gitpod_origin, … } }`).
pub const TARGET_FIELDS: [&str; 5] = [
    "target",
    "gitpod_origin",
    "target_name",
    "editor",
    "workspace_class",
];

/// The stored shape as written: `schema`, the default target's fields at the top level (as
/// schemas 1 and 2 kept them), `host_targets`, then every flag.
pub struct StoredSettingsOut<'a>(&'a Settings);

impl Serialize for StoredSettingsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let s = self.0;
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("schema", &SCHEMA_VERSION)?;
        let top = StoredTargetOut::of(&s.target);
        for (field, value) in TARGET_FIELDS.iter().zip(top.values()) {
            map.serialize_entry(field, value)?;
        }
        let hosts: BTreeMap<&str, StoredTargetOut<'_>> = s
            .host_targets
            .iter()
            .map(|(h, t)| (h.as_str(), StoredTargetOut::of(t)))
            .collect();
        map.serialize_entry("host_targets", &hosts)?;
        for name in FLAGS {
            map.serialize_entry(name, &s.flags.get(name))?;
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
pub struct StoredTargetOut<'a> {
    pub target: &'a str,
    pub gitpod_origin: &'a str,
    pub target_name: &'a str,
    pub editor: &'a str,
    pub workspace_class: &'a str,
}

impl<'a> StoredTargetOut<'a> {
    fn of(t: &'a GitpodTarget) -> Self {
        StoredTargetOut {
            target: t.kind().as_str(),
            gitpod_origin: t.origin().as_str(),
            target_name: t.name(),
            editor: t.presets().editor.as_deref().unwrap_or(""),
            workspace_class: t.presets().workspace_class.as_deref().unwrap_or(""),
        }
    }

    /// In [`TARGET_FIELDS`]' order.
    fn values(&self) -> [&'a str; 5] {
        [
            self.target,
            self.gitpod_origin,
            self.target_name,
            self.editor,
            self.workspace_class,
        ]
    }
}

/// A stored target from its fields (`fields`: the top level or one `host_targets` entry).
/// Schema 1 stored only the origin: gitpod.io and app.ona.com become their presets, any other
/// origin a custom target named "Gitpod", as its entries were labelled.
fn target_from(fields: &Loose) -> GitpodTarget {
    let text = |field: &str| fields.get(field).and_then(Loose::as_str);
    let kind = text("target").and_then(TargetKind::parse);
    let origin = text("gitpod_origin").and_then(|s| GitpodOrigin::parse(s).ok());
    // A stored preset that is not an id (hand-edited) is dropped, not sent to Gitpod.
    let preset = |field: &str| {
        text(field)
            .and_then(|s| crate::gitpod_target::preset(s).ok())
            .flatten()
    };
    GitpodTarget::from_parts(kind, origin, text("target_name").unwrap_or_default()).with_presets(
        Presets {
            editor: preset("editor"),
            workspace_class: preset("workspace_class"),
        },
    )
}

impl Settings {
    /// The default target's origin.
    pub fn gitpod_origin(&self) -> &GitpodOrigin {
        self.target.origin()
    }

    /// Where pages of the GitLab `host` (`GitLabUrl::host`, with its port) open.
    pub fn target_for(&self, host: &str) -> &GitpodTarget {
        self.host_targets
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(host))
            .map_or(&self.target, |(_, t)| t)
    }

    pub fn from_stored(raw: &StoredSettings) -> Settings {
        let raw = &raw.0;
        // In stored order (written sorted); no sort here: this runs in the content script too.
        let mut host_targets: Vec<(String, GitpodTarget)> = Vec::new();
        if let Some(Loose::Object(entries)) = raw.get("host_targets") {
            for (host, value) in entries {
                let host = host.to_ascii_lowercase();
                let fresh = !host_targets.iter().any(|(h, _)| *h == host);
                if fresh && !host.is_empty() && matches!(value, Loose::Object(_)) {
                    host_targets.push((host, target_from(value)));
                }
                if host_targets.len() == MAX_HOST_TARGETS {
                    break;
                }
            }
        }
        let mut flags = Flags::default();
        for name in FLAGS {
            if let Some(on) = raw.get(name).and_then(Loose::as_bool) {
                flags.set(name, on);
            }
        }
        Settings {
            target: target_from(raw),
            host_targets,
            flags,
        }
    }

    pub fn to_stored(&self) -> StoredSettingsOut<'_> {
        StoredSettingsOut(self)
    }
}

/// One target as the settings form sends it (the popup checked it; the worker checks again).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TargetForm {
    /// "gitpod", "ona" or "custom"; absent: decided by the origin (as stored by schema 1).
    pub target: Option<String>,
    pub gitpod_origin: String,
    /// A custom target's name (its entries' label).
    pub target_name: String,
    /// A Classic instance's launch presets; blank: none.
    pub editor: String,
    pub workspace_class: String,
}

/// A GitLab host's own target, as the settings form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostTargetForm {
    pub host: String,
    pub target: TargetForm,
}

impl TargetForm {
    pub fn to_target(&self) -> Result<GitpodTarget, crate::gitpod_target::TargetError> {
        GitpodTarget::from_form(
            self.target.as_deref(),
            &self.gitpod_origin,
            &self.target_name,
            &self.editor,
            &self.workspace_class,
        )
    }

    /// Every free-text field (for the request's length check).
    pub fn texts(&self) -> [&str; 5] {
        [
            self.target.as_deref().unwrap_or(""),
            &self.gitpod_origin,
            &self.target_name,
            &self.editor,
            &self.workspace_class,
        ]
    }
}

impl Settings {
    /// The settings a form sent, validated: every target, every host name (`gitlab.com`,
    /// `gitlab.example.com:8443`), at most [`MAX_HOST_TARGETS`] hosts, each once.
    pub fn from_form(
        target: &TargetForm,
        hosts: &[HostTargetForm],
        flags: Flags,
    ) -> Result<Settings, String> {
        if hosts.len() > MAX_HOST_TARGETS {
            return Err(format!("at most {MAX_HOST_TARGETS} GitLab hosts"));
        }
        let mut host_targets = Vec::with_capacity(hosts.len());
        for h in hosts {
            let host = crate::connect::gitlab_host(&h.host)
                .ok_or_else(|| format!("{}: not a GitLab host name", h.host))?;
            let target = h.target.to_target().map_err(|e| format!("{host}: {e}"))?;
            host_targets.push((host, target));
        }
        host_targets.sort_by(|a, b| a.0.cmp(&b.0));
        if host_targets.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err("a GitLab host is listed twice".into());
        }
        Ok(Settings {
            target: target.to_target().map_err(|e| e.to_string())?,
            host_targets,
            flags,
        })
    }
}

/// A stored value of any type: the decoder takes what it finds and the reader decides.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Loose {
    #[default]
    Missing,
    Bool(bool),
    Number(f64),
    Text(String),
    /// An object's entries (`host_targets`), in stored order.
    Object(Vec<(String, Loose)>),
    /// null, arrays, objects nested too deep: present but unusable.
    Other,
}

impl Loose {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }
    /// An object's field.
    pub fn get(&self, key: &str) -> Option<&Loose> {
        match self {
            Loose::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Loose::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other)
    }
    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            let value = map.next_value::<Loose>()?;
            if let Key(Some(key)) = key {
                entries.push((key, value));
            }
        }
        Ok(Loose::Object(entries))
    }
}

/// An object's key: text, or anything else (kept out).
struct Key(Option<String>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Loose::deserialize(d)? {
            Loose::Text(s) => Key(Some(s)),
            _ => Key(None),
        })
    }
}
