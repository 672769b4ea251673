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
/// How long a code page may show no known control before the fallback appears: GitLab mounts
/// its controls a few hundred milliseconds after load (lazily imported Vue chunks, GraphQL).
pub const FALLBACK_AFTER_MS: u32 = 2_500;
/// GitLab's own Gitpod item anywhere on the page, by its markers of every era (a page with one
/// gets no fallback; links to a Gitpod origin are checked as well).
pub const NATIVE_ANYWHERE: &str = "[data-testid=\"gitpod-menu-item\"], \
    [data-testid=\"action_gitpod\"], [data-qa-selector=\"gitpod_button\"], \
    [data-qa-selector=\"gitpod_menu_item\"]";
