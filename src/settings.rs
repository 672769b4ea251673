//! User settings as kept in extension storage. Pure.
//!
//! Storage can hold anything (older schemas, another version's fields, hand-edited garbage):
//! decoding never fails, keeps every field it can read and fills the rest with defaults.

use crate::gitpod_target::{GitpodTarget, Presets, TargetKind};
use crate::gitpod_url::GitpodOrigin;
pub use crate::loose::Loose;
use crate::loose::{serde_via_loose, Fields, FromLoose, ToLoose};
use crate::prelude::*;

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
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Every switch, by its stored name; one left out keeps its default, any other field is refused.
impl FromLoose for Flags {
    fn from_loose(value: &Loose) -> Result<Flags, String> {
        let fields = Fields::strict(value, FLAGS)?;
        let mut flags = Flags::default();
        for name in FLAGS {
            if let Some(on) = fields.optional::<bool>(name)? {
                flags.set(name, on);
            }
        }
        Ok(flags)
    }
}

impl ToLoose for Flags {
    fn to_loose(&self) -> Loose {
        Loose::object(FLAGS.iter().map(|name| (*name, self.get(name).into())))
    }
}

serde_via_loose!(read Flags);
serde_via_loose!(write Flags);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Where pages open: Gitpod, Ona or a custom instance (its origin and name).
    pub target: GitpodTarget,
    /// GitLab hosts (`gitlab.example.com:8443`) that open somewhere else, sorted by host.
    pub host_targets: Vec<(String, GitpodTarget)>,
    pub flags: Flags,
}

/// The stored object as found, any shape: read field by field, so one bad field cannot spoil
/// the others. Every context makes it the same way (`js_values`, no serde); no reader names a
/// field.
#[derive(Debug, Default)]
pub struct StoredSettings(pub Loose);

impl FromLoose for StoredSettings {
    fn from_loose(value: &Loose) -> Result<StoredSettings, String> {
        Ok(StoredSettings(value.clone()))
    }
}

serde_via_loose!(read StoredSettings);

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

impl ToLoose for StoredSettingsOut<'_> {
    fn to_loose(&self) -> Loose {
        let s = self.0;
        let mut entries = vec![("schema".to_string(), Loose::Number(SCHEMA_VERSION.into()))];
        entries.extend(target_entries(&s.target));
        // Sorted by host, each once (the first kept).
        let mut hosts: Vec<&(String, GitpodTarget)> = s.host_targets.iter().collect();
        hosts.sort_by(|a, b| a.0.cmp(&b.0));
        hosts.dedup_by(|a, b| a.0 == b.0);
        let hosts = hosts
            .into_iter()
            .map(|(h, t)| (h.clone(), Loose::Object(target_entries(t).collect())));
        entries.push(("host_targets".to_string(), Loose::Object(hosts.collect())));
        entries.extend(FLAGS.iter().map(|n| (n.to_string(), s.flags.get(n).into())));
        Loose::Object(entries)
    }
}

serde_via_loose!(write StoredSettingsOut<'_>);

/// One target's stored fields, in [`TARGET_FIELDS`]' order.
fn target_entries(t: &GitpodTarget) -> impl Iterator<Item = (String, Loose)> + '_ {
    let out = StoredTargetOut::of(t);
    TARGET_FIELDS
        .iter()
        .zip(out.values())
        .map(|(field, value)| (field.to_string(), value.into()))
}

#[derive(Debug)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostTargetForm {
    pub host: String,
    pub target: TargetForm,
}

/// Every field may be left out; `target` may be `null`; no other field is accepted.
impl FromLoose for TargetForm {
    fn from_loose(value: &Loose) -> Result<TargetForm, String> {
        let f = Fields::strict(value, &TARGET_FIELDS)?;
        Ok(TargetForm {
            target: f.optional("target")?,
            gitpod_origin: f.or_default("gitpod_origin")?,
            target_name: f.or_default("target_name")?,
            editor: f.or_default("editor")?,
            workspace_class: f.or_default("workspace_class")?,
        })
    }
}

impl ToLoose for TargetForm {
    fn to_loose(&self) -> Loose {
        Loose::object([
            ("target", self.target.clone().into()),
            ("gitpod_origin", self.gitpod_origin.as_str().into()),
            ("target_name", self.target_name.as_str().into()),
            ("editor", self.editor.as_str().into()),
            ("workspace_class", self.workspace_class.as_str().into()),
        ])
    }
}

impl FromLoose for HostTargetForm {
    fn from_loose(value: &Loose) -> Result<HostTargetForm, String> {
        let f = Fields::strict(value, &["host", "target"])?;
        Ok(HostTargetForm {
            host: f.text("host")?,
            target: f.required("target")?,
        })
    }
}

impl ToLoose for HostTargetForm {
    fn to_loose(&self) -> Loose {
        Loose::object([
            ("host", self.host.as_str().into()),
            ("target", self.target.to_loose()),
        ])
    }
}

serde_via_loose!(read TargetForm, HostTargetForm);
serde_via_loose!(write TargetForm, HostTargetForm);

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
