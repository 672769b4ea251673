//! The fallback: where one GitLab-styled "Gitpod" button goes on a project code page (overview,
//! tree, file, commit, merge request, issue) when none of GitLab's known controls appears, so a
//! user is never left without Gitpod when GitLab changes its markup again.
//!
//! The spots, first present wins: GitLab's action bars by their test ids and `js-*` hooks (the
//! repository header's controls, the file header's, a merge request's or issue's header
//! actions), else the top of `#content-body`. That id names GitLab's main content element in
//! every version since before 13.0 (its layouts render `main#content-body`, its own CSS and
//! scripts address it, and the extension's GitLab recogniser checks it), so it outlives the
//! layout changes that break the controls themselves.

/// (selector, whether the button goes at the end of it rather than at its start).
pub const SPOTS: &[(&str, bool)] = &[
    ("[data-testid=\"tree-controls-container\"]", true),
    (".tree-controls", true),
    ("[data-testid=\"blob-controls\"]", true),
    (".file-actions", true),
    (".js-issuable-actions", true),
    (".detail-page-header-actions", true),
    ("#content-body", false),
];
/// GitLab UI's default button (`GlButton`), the same classes from 13.x to 18.x; the margin
/// classes of both utility generations space it from its neighbours.
pub const BUTTON_CLASSES: &str = "btn btn-default btn-md gl-button gl-ml-3 ml-2";
/// Inside the button, as `GlButton` renders its text.
pub const TEXT_CLASSES: &str = "gl-button-text";
/// Marks the fallback button (besides the entry marker).
pub const FALLBACK_ATTR: &str = "data-gitpod-ext-fallback";
pub const FALLBACK_TESTID: &str = "gitpod-ext-fallback";
/// After `load`, how long the content area must stay unchanged before the fallback appears:
/// GitLab mounts its controls in bursts (lazily imported Vue chunks, then GraphQL).
pub const QUIET_MS: f64 = 400.0;
/// The longest wait after `load` for GitLab to fill a control's mount point (`Anchor::mount`):
/// a page whose mount points stay empty this long gets the fallback, which moves into GitLab's
/// control if that still mounts (never later than a second after `load`).
pub const MOUNT_WAIT_MS: f64 = 800.0;

/// When the fallback is due (in the clock of the arguments). `since` is when the page last
/// started to show no known control: its `load` (`None` while it is still loading), or later
/// the moment its control went away or its URL changed (GitLab re-rendering its header on
/// in-page navigation takes a moment: no flicker of the fallback meanwhile). Due once the
/// content area has been quiet for `QUIET_MS` and no known mount point is still empty, at the
/// latest `MOUNT_WAIT_MS` after `since`.
pub fn fallback_due(since: Option<f64>, last_change: f64, pending_mount: bool) -> Option<f64> {
    let since = since?;
    let latest = since + MOUNT_WAIT_MS;
    if pending_mount {
        return Some(latest);
    }
    Some((since.max(last_change) + QUIET_MS).min(latest))
}

/// GitLab's own action bars and controls, where its own Gitpod item can be. A link to Gitpod
/// elsewhere (a README's "Open in Gitpod" badge, a comment) is content, not GitLab's item.
pub fn control_regions() -> impl Iterator<Item = &'static str> {
    SPOTS
        .iter()
        .filter(|(_, bar)| *bar)
        .map(|(sel, _)| *sel)
        .chain(
            super::ANCHORS
                .iter()
                .flat_map(|a| a.control.iter().copied()),
        )
}
