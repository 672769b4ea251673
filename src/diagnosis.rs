//! What the extension did on a tab, in a user's words: the popup shows it, `cargo xtask
//! diagnose` prints it. The content script reports its outcome on its boot marker (in the
//! extension's isolated world); `extension/diagnose.js` reads it back. Pure.

use crate::anchors::ANCHORS;
use serde::Deserialize;

/// The content script's report for one tab (`extension/diagnose.js`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct TabReport {
    /// `entry`, `native`, `fallback`, `none`, `failed`, `not_gitlab`, `blocked` (the page's
    /// CSP stopped the content script), `off` (the user turned in-page entries off), or
    /// `starting` (not done yet).
    pub state: String,
    /// The anchor (GitLab control) name, for `entry` and `native`.
    pub anchor: String,
    /// The page kind the URL model read (`tree`, `merge request`, …).
    pub page: String,
    /// What the entry or fallback button opens.
    pub gitpod_url: String,
}

/// One sentence for the popup, as message keys (`extension/_locales`): the sentence, and for
/// `diag_entry` the place it names. `report` is `None` where the content script never ran on
/// the page (it was open before the extension was installed or enabled there).
pub fn describe(report: Option<&TabReport>) -> (&'static str, Option<&'static str>) {
    let Some(r) = report else {
        return ("diag_not_running", None);
    };
    let place = ANCHORS
        .iter()
        .find(|a| a.name == r.anchor)
        .map_or("place_menu", |a| a.place);
    let key = match r.state.as_str() {
        "entry" => return ("diag_entry", Some(place)),
        "native" => "diag_native",
        "fallback" => "diag_fallback",
        "none" if r.page == "other project page" => "diag_other_page",
        "none" => "diag_none",
        "failed" => "diag_failed",
        "not_gitlab" => "diag_not_gitlab",
        "blocked" => "diag_blocked",
        "off" => "diag_off",
        _ => "diag_starting",
    };
    (key, None)
}
