//! Which pages the boot shim loads the content script on (`entry_pages`): never skips a page
//! GitLab rendered with a control (every fixture with an expected URL), skips what cannot carry
//! one.

use gitpod_gitlab::entry_pages::{can_carry_entry, PROJECT_PAGES_WITHOUT_ENTRY};
use proptest::prelude::*;
use std::path::Path;

#[test]
fn code_pages_carry_entries() {
    for page in [
        "projects:show",
        "projects:tree:show",
        "projects:blob:show",
        "projects:blame:show",
        "projects:commit:show",
        "projects:commits:show",
        "projects:merge_requests:show",
        "projects:merge_requests:diffs",
        "projects:issues:show",
        "projects:work_items:show",
        "projects:some_future_page:show",
    ] {
        assert!(can_carry_entry(Some(page)), "{page}");
    }
    // Not said: the content script looks itself (a saved page, an unusual instance).
    assert!(can_carry_entry(None));
    assert!(can_carry_entry(Some("")));
}

#[test]
fn lists_dashboards_ci_and_settings_carry_none() {
    for page in [
        "dashboard:projects:index",
        "root:index",
        "groups:show",
        "groups:work_items:show",
        "admin:dashboard:index",
        "explore:projects:index",
        "search:show",
        "user_settings:profiles:show",
        "projects:pipelines:index",
        "projects:pipelines:show",
        "projects:jobs:show",
        "projects:settings:ci_cd:show",
        "projects:issues:index",
        "projects:merge_requests:index",
        "projects:edit",
        "projects:new",
    ] {
        assert!(!can_carry_entry(Some(page)), "{page}");
    }
    // A section's name matches on `:` boundaries only.
    assert!(can_carry_entry(Some("projects:tagsfoo:show")));
    assert!(can_carry_entry(Some("projects:issues:indexed")));
}

/// Every fixture page (ours, GitLab-rendered, and the team's where present) whose expected
/// outcome is an entry or a fallback is one the boot shim loads on.
#[test]
fn every_fixture_with_an_entry_is_loaded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sets = [
        root.join("tests/fixtures/gitlab"),
        root.join("tests/fixtures/gitlab-real"),
        root.join("../shared/fixtures/gitlab"),
    ];
    let mut checked = 0;
    for dir in sets.iter().filter(|d| d.join("expected.json").exists()) {
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        for case in expected.as_array().unwrap() {
            if case["gitpod_url"].as_str().unwrap_or("").is_empty() {
                continue;
            }
            let file = case["file"].as_str().unwrap();
            let html = std::fs::read_to_string(dir.join(file)).unwrap();
            let page = data_page(&html);
            assert!(
                can_carry_entry(page.as_deref()),
                "{file}: data-page {page:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} fixtures checked");
}

/// `<body … data-page="…">`.
fn data_page(html: &str) -> Option<String> {
    let body = &html[html.find("<body")?..];
    let tag = &body[..body.find('>')?];
    let at = tag.find("data-page=\"")? + "data-page=\"".len();
    Some(tag[at..][..tag[at..].find('"')?].to_string())
}

proptest! {
    /// Whatever follows a listed section, the page is skipped; whatever is not a project page,
    /// too; nothing panics on garbage.
    #[test]
    fn listed_sections_and_their_actions_are_skipped(
        i in 0..PROJECT_PAGES_WITHOUT_ENTRY.len(),
        action in "(:[a-z_]{1,12}){0,3}",
        garbage in "\\PC{0,40}",
    ) {
        let page = format!("projects:{}{action}", PROJECT_PAGES_WITHOUT_ENTRY[i]);
        prop_assert!(!can_carry_entry(Some(&page)));
        if !garbage.is_empty() && !garbage.starts_with("projects:") {
            prop_assert!(!can_carry_entry(Some(&garbage)));
        }
    }
}
