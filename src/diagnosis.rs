//! What the extension did on a tab, in a user's words: the popup shows it, `cargo xtask
//! diagnose` prints it. The content script reports its outcome on its boot marker (in the
//! extension's isolated world); `extension/diagnose.js` reads it back. Pure.

use crate::anchors::ANCHORS;
use crate::gitlab_url::{GitLabUrl, Page};
use crate::loose::{serde_via_loose, Fields, FromLoose, Loose};
use crate::prelude::*;

/// What the content script did on a page: the report's `state`, named once here for the content
/// script (which writes it), `extension/boot/content.js` (which writes `blocked`) and the popup
/// and `cargo xtask diagnose` (which read it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// Our entry is in GitLab's control (`anchor` names it).
    Entry,
    /// GitLab shows its own Gitpod item: none added.
    Native,
    Fallback,
    /// No known control (yet).
    NoControl,
    Failed,
    NotGitLab,
    /// The page's CSP stopped the content script.
    Blocked,
    /// The user turned in-page entries off.
    Off,
    /// A page that can carry no entry (`entry_pages`): the boot shim loaded nothing.
    Idle,
    /// Not done yet (also anything unknown).
    Starting,
}

impl ReportState {
    /// Every state, in declaration order.
    pub const ALL: [ReportState; 10] = [
        ReportState::Entry,
        ReportState::Native,
        ReportState::Fallback,
        ReportState::NoControl,
        ReportState::Failed,
        ReportState::NotGitLab,
        ReportState::Blocked,
        ReportState::Off,
        ReportState::Idle,
        ReportState::Starting,
    ];

    /// Its name in the report (a match, not a table: the content script carries only these).
    pub fn wire(self) -> &'static str {
        match self {
            ReportState::Entry => "entry",
            ReportState::Native => "native",
            ReportState::Fallback => "fallback",
            ReportState::NoControl => "none",
            ReportState::Failed => "failed",
            ReportState::NotGitLab => "not_gitlab",
            ReportState::Blocked => "blocked",
            ReportState::Off => "off",
            ReportState::Idle => "idle",
            ReportState::Starting => "starting",
        }
    }

    /// A wire name read back (unknown: `Starting`).
    pub fn parse(wire: &str) -> ReportState {
        ReportState::ALL
            .into_iter()
            .find(|s| s.wire() == wire)
            .unwrap_or(ReportState::Starting)
    }

    /// The popup's sentence (message key).
    fn sentence(self) -> &'static str {
        match self {
            ReportState::Entry => "diag_entry",
            ReportState::Native => "diag_native",
            ReportState::Fallback => "diag_fallback",
            ReportState::NoControl => "diag_none",
            ReportState::Failed => "diag_failed",
            ReportState::NotGitLab => "diag_not_gitlab",
            ReportState::Blocked => "diag_blocked",
            ReportState::Off => "diag_off",
            ReportState::Idle => "diag_other_page",
            ReportState::Starting => "diag_starting",
        }
    }
}

/// The page kind in the report (`page`): what the URL model read, in words.
pub fn page_kind(page: &GitLabUrl) -> &'static str {
    match page.page() {
        Page::Project if page.is_code_page() => "project",
        Page::Project => OTHER_PROJECT_PAGE,
        Page::Tree(_) => "tree",
        Page::Blob(_) => "file",
        Page::Commits(_) => "commits",
        Page::Commit(_) => "commit",
        Page::MergeRequest(_) => "merge request",
        Page::Issue(_) => "issue",
    }
}

/// A project page that is not a code page (settings, pipelines, …): no entry is added there.
pub const OTHER_PROJECT_PAGE: &str = "other project page";

/// The content script's report for one tab (`extension/diagnose.js`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabReport {
    /// A [`ReportState`]'s wire name.
    pub state: String,
    /// The anchor (GitLab control) name, for `entry` and `native`.
    pub anchor: String,
    /// The page kind the URL model read (`tree`, `merge request`, …).
    pub page: String,
    /// What the entry or fallback button opens.
    pub gitpod_url: String,
}

/// Every field may be left out; one of another type spoils the report (read as none).
impl FromLoose for TabReport {
    fn from_loose(value: &Loose) -> Result<TabReport, String> {
        let f = Fields::of(value)?;
        Ok(TabReport {
            state: f.or_default("state")?,
            anchor: f.or_default("anchor")?,
            page: f.or_default("page")?,
            gitpod_url: f.or_default("gitpod_url")?,
        })
    }
}

serde_via_loose!(read TabReport);

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
    match ReportState::parse(&r.state) {
        ReportState::Entry => ("diag_entry", Some(place)),
        ReportState::NoControl if r.page == OTHER_PROJECT_PAGE => ("diag_other_page", None),
        state => (state.sentence(), None),
    }
}
