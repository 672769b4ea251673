//! User settings as kept in extension storage. Pure.
//!
//! Storage can hold anything (older schemas, another version's fields, hand-edited garbage):
//! decoding never fails, keeps every field it can read and fills the rest with defaults.

use crate::gitpod_target::{GitpodTarget, TargetKind};
use crate::gitpod_url::GitpodOrigin;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The storage key holding the settings object.
pub const SETTINGS_KEY: &str = "settings";
/// 2: the Gitpod target (`target`, `target_name`); 1 had only `gitpod_origin`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Where pages open: Gitpod, Ona or a custom instance (its origin and name).
    pub target: GitpodTarget,
    pub open_in_new_tab: bool,
    /// The toolbar button opens the current GitLab page in Gitpod instead of the popup.
    pub toolbar_opens_directly: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            target: GitpodTarget::default(),
            open_in_new_tab: true,
            toolbar_opens_directly: false,
        }
    }
}

/// The stored shape, read field by field so one bad field cannot spoil the others.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredSettings {
    pub schema: Loose,
    pub target: Loose,
    pub gitpod_origin: Loose,
    pub target_name: Loose,
    pub open_in_new_tab: Loose,
    pub toolbar_opens_directly: Loose,
}

/// The stored shape as written.
#[derive(Debug, Serialize)]
pub struct StoredSettingsOut<'a> {
    pub schema: u32,
    pub target: &'a str,
    pub gitpod_origin: &'a str,
    pub target_name: &'a str,
    pub open_in_new_tab: bool,
    pub toolbar_opens_directly: bool,
}

impl Settings {
    /// The target's origin: where the connect flow and the Gitpod URLs point.
    pub fn gitpod_origin(&self) -> &GitpodOrigin {
        self.target.origin()
    }

    pub fn from_stored(raw: &StoredSettings) -> Settings {
        let defaults = Settings::default();
        // Schema 1 stored only the origin: gitpod.io and app.ona.com become their presets, any
        // other origin a custom target named "Gitpod", as its entries were labelled.
        let kind = raw.target.as_str().and_then(TargetKind::parse);
        let origin = raw
            .gitpod_origin
            .as_str()
            .and_then(|s| GitpodOrigin::parse(s).ok());
        let name = raw.target_name.as_str().unwrap_or_default();
        Settings {
            target: GitpodTarget::from_parts(kind, origin, name),
            open_in_new_tab: raw
                .open_in_new_tab
                .as_bool()
                .unwrap_or(defaults.open_in_new_tab),
            toolbar_opens_directly: raw
                .toolbar_opens_directly
                .as_bool()
                .unwrap_or(defaults.toolbar_opens_directly),
        }
    }

    pub fn to_stored(&self) -> StoredSettingsOut<'_> {
        StoredSettingsOut {
            schema: SCHEMA_VERSION,
            target: self.target.kind().as_str(),
            gitpod_origin: self.target.origin().as_str(),
            target_name: self.target.name(),
            open_in_new_tab: self.open_in_new_tab,
            toolbar_opens_directly: self.toolbar_opens_directly,
        }
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
    /// null, arrays, objects: present but unusable for a scalar setting.
    Other,
}

impl Loose {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
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
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other)
    }
}
