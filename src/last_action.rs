//! The last action a user chose from GitLab's control, remembered per GitLab host. Pure.
//!
//! Actions are GitLab's own item keys (`webide`, `edit`, `pipeline_editor`, `gitpod` for its
//! native Gitpod item) plus ours (`gitpod`, `gitpod_options`); choosing GitLab's native Gitpod
//! item and ours is the same action. Stored under [`LAST_ACTION_KEY`] as `{host: action}`.

use crate::gitpod_url::LaunchMode;
use crate::loose::{serde_via_loose, FromLoose, Loose, ToLoose};
use crate::prelude::*;

pub const LAST_ACTION_KEY: &str = "last_action";
/// First visit: Gitpod.
pub const DEFAULT_ACTION: &str = "gitpod";
pub const GITPOD: &str = "gitpod";
pub const GITPOD_OPTIONS: &str = "gitpod_options";
pub const GITPOD_PREBUILD: &str = "gitpod_prebuild";
/// Hosts kept at most; the oldest insertion order is not tracked, so the map simply stops
/// growing (a user with more GitLab hosts than this keeps the first ones).
pub const MAX_HOSTS: usize = 256;

/// An action key: lowercase ASCII letters, digits and `_`, 1–40 characters. Anything else
/// (from storage or from page markup) is not an action.
pub fn valid_action(key: &str) -> bool {
    (1..=40).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn valid_host(host: &str) -> bool {
    (1..=255).contains(&host.len())
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// The action key a Gitpod launch mode is remembered as.
pub fn action_for_mode(mode: LaunchMode) -> &'static str {
    match mode {
        LaunchMode::Open => GITPOD,
        LaunchMode::WithOptions => GITPOD_OPTIONS,
        LaunchMode::Prebuild => GITPOD_PREBUILD,
    }
}

/// The launch mode the toolbar button and shortcut use for a remembered action: GitLab's own
/// actions (Web IDE, …) have no Gitpod mode and open plainly.
pub fn mode_for_action(action: &str) -> LaunchMode {
    match action {
        GITPOD_OPTIONS => LaunchMode::WithOptions,
        GITPOD_PREBUILD => LaunchMode::Prebuild,
        _ => LaunchMode::Open,
    }
}

/// GitLab's markup names its items `data-testid="<key>-menu-item"` (16.x+),
/// `data-testid="action_<key>"` (13.6–16.0 split button items) or, for the merge request's Web
/// IDE link, `open-in-web-ide-button`; all map to the same key.
pub fn action_from_testid(testid: &str) -> Option<String> {
    if testid == "open-in-web-ide-button" {
        return Some("webide".to_string());
    }
    testid
        .strip_suffix("-menu-item")
        .map(|k| k.replace('-', "_"))
        .or_else(|| testid.strip_prefix("action_").map(str::to_string))
        .filter(|k| valid_action(k))
}

/// `data-qa-selector="<key>_button"` (13.x–15.x primary and items) or `"<key>_menu_item"`
/// (15.x–16.2 items); GitLab spells the Web IDE both `web_ide` and `webide`.
pub fn action_from_qa_selector(selector: &str) -> Option<String> {
    let key = selector
        .strip_suffix("_button")
        .or_else(|| selector.strip_suffix("_menu_item"))?;
    let key = if key == "web_ide" { "webide" } else { key };
    Some(key.to_string()).filter(|k| valid_action(k))
}

/// `host → action`, kept sorted by host: a small sorted list rather than a tree map, so the
/// content script (which loads on every GitLab page) links no B-tree code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LastActions(Vec<(String, String)>);

impl LastActions {
    /// Keeps every valid `host: action` pair of whatever storage held; drops the rest.
    pub fn from_stored(raw: &StoredLastActions) -> LastActions {
        let mut last = LastActions::default();
        for (host, value) in &raw.0 {
            if let Some(action) = value.as_str() {
                last.set(host, action);
            }
        }
        last
    }

    fn find(&self, host: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(h, _)| h.as_str().cmp(host))
    }

    pub fn get(&self, host: &str) -> &str {
        match self.find(&host.to_ascii_lowercase()) {
            Ok(i) => &self.0[i].1,
            Err(_) => DEFAULT_ACTION,
        }
    }

    /// Records `action` for `host`; returns whether anything changed (and so needs saving).
    pub fn set(&mut self, host: &str, action: &str) -> bool {
        let host = host.to_ascii_lowercase();
        if !valid_host(&host) || !valid_action(action) {
            return false;
        }
        match self.find(&host) {
            Ok(i) if self.0[i].1 == action => false,
            Ok(i) => {
                self.0[i].1 = action.to_string();
                true
            }
            Err(_) if self.0.len() >= MAX_HOSTS => false,
            Err(i) => {
                self.0.insert(i, (host, action.to_string()));
                true
            }
        }
    }

    /// The pairs, sorted by host.
    pub fn entries(&self) -> &[(String, String)] {
        &self.0
    }

    /// What is stored: the `{host: action}` object.
    pub fn to_stored(&self) -> StoredLastActionsOut<'_> {
        StoredLastActionsOut(&self.0)
    }
}

/// [`LastActions`] as stored: serialises as a `{host: action}` map.
pub struct StoredLastActionsOut<'a>(&'a [(String, String)]);

impl ToLoose for StoredLastActionsOut<'_> {
    fn to_loose(&self) -> Loose {
        Loose::Object(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().into()))
                .collect(),
        )
    }
}

/// The stored shape, read leniently: any object (its pairs in stored order); values of any type.
#[derive(Debug, Default)]
pub struct StoredLastActions(pub Vec<(String, Loose)>);

/// Anything but an object is refused (and read as nothing stored).
impl FromLoose for StoredLastActions {
    fn from_loose(value: &Loose) -> Result<StoredLastActions, String> {
        match value {
            Loose::Object(pairs) => Ok(StoredLastActions(pairs.clone())),
            _ => Err("not an object".to_string()),
        }
    }
}

serde_via_loose!(read StoredLastActions);
serde_via_loose!(write StoredLastActionsOut<'_>);
