//! Which GitLab pages can carry a Gitpod entry or the fallback button, decided by the content
//! script's boot shim before any wasm is fetched (`extension/boot/content.js`; the build embeds
//! these lists there as `BOOT`): a dashboard, a pipeline list or the settings cost a tab nothing
//! beyond that check. Pure.
//!
//! GitLab names every page in `<body data-page>`: its controller path and action joined by `:`
//! (`projects:blob:show`, `dashboard:projects:index`), the same since GitLab 8. Only a project's
//! pages show GitLab's code controls; of those, the sections below never do and are no code page
//! for the fallback either (`GitLabUrl::is_code_page`). Anything else unknown (no `data-page`, a
//! project section not named here) loads the script: a page loaded for nothing costs some
//! kilobytes, a page wrongly skipped costs a user the entry.

/// The `data-page` prefix of a project's pages.
pub const PROJECT_PAGES: &str = "projects:";

/// Sections of a project (after [`PROJECT_PAGES`]; a name matches itself and what follows it
/// after a `:`) that show no code control: lists, CI/CD, settings and the like.
pub const PROJECT_PAGES_WITHOUT_ENTRY: &[&str] = &[
    "issues:index",
    "merge_requests:index",
    "work_items:index",
    "pipelines",
    "pipeline_schedules",
    "jobs",
    "artifacts",
    "environments",
    "deployments",
    "releases",
    "tags",
    "branches",
    "graphs",
    "network",
    "compare",
    "milestones",
    "labels",
    "boards",
    "wikis",
    "snippets",
    "project_members",
    "settings",
    "edit",
    "new",
    "forks",
    "activity",
    "packages",
    "registry",
    "cycle_analytics",
    "value_stream_analytics",
    "feature_flags",
    "incidents",
    "error_tracking",
    "clusters",
    "terraform",
    "security",
    "usage_quotas",
];

/// Whether a page with this `data-page` can carry an entry (see the module's doc).
pub fn can_carry_entry(data_page: Option<&str>) -> bool {
    let Some(page) = data_page.filter(|p| !p.is_empty()) else {
        return true; // not said: let the content script look
    };
    let Some(section) = page.strip_prefix(PROJECT_PAGES) else {
        return false; // dashboards, groups, admin, profile, search, explore, …
    };
    !PROJECT_PAGES_WITHOUT_ENTRY.iter().any(|s| {
        section
            .strip_prefix(s)
            .is_some_and(|after| after.is_empty() || after.starts_with(':'))
    })
}
