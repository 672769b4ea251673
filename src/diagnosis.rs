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
    /// CSP stopped the content script), or `starting` (not done yet).
    pub state: String,
    /// The anchor (GitLab control) name, for `entry` and `native`.
    pub anchor: String,
    /// The page kind the URL model read (`tree`, `merge request`, …).
    pub page: String,
    /// What the entry or fallback button opens.
    pub gitpod_url: String,
}

/// One sentence for the popup. `report` is `None` where the content script never ran on the
/// page (it was open before the extension was installed or enabled there).
pub fn describe(report: Option<&TabReport>) -> String {
    let Some(r) = report else {
        return "The extension is not running in this tab yet: reload the page.".into();
    };
    let place = ANCHORS
        .iter()
        .find(|a| a.name == r.anchor)
        .map_or("in GitLab's menu", |a| a.place);
    match r.state.as_str() {
        "entry" => ["Gitpod is ", place, "."].concat(),
        "native" => "GitLab's own Gitpod item is there (we added none).".into(),
        "fallback" => "Fallback button on this page (GitLab's control not recognised).".into(),
        "none" if r.page == "other project page" => {
            "No Gitpod entry on this kind of page: open the project from here.".into()
        }
        "none" => "GitLab's control has not appeared on this page (yet).".into(),
        "failed" => "The Gitpod entry could not be placed: the page's console says why.".into(),
        "not_gitlab" => "Not a GitLab page: the extension leaves it alone.".into(),
        "blocked" => "This page's security policy blocks the extension's code.".into(),
        _ => "The extension is starting on this page.".into(),
    }
}
