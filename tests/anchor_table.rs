//! The anchor table keeps to its rules: every era named once, found through GitLab's Web IDE
//! action (or, for a menu that may show none, through the control itself), selectors built
//! from stable hooks only (no GitLab utility-class chains, which break often), and the fallback
//! waits for the page to settle, never on a fixed timer.

use gitpod_gitlab::anchors::fallback::{fallback_due, MOUNT_WAIT_MS, QUIET_MS};
use gitpod_gitlab::anchors::{mount_points, native_markers, Items, Kind, ANCHORS};
use std::collections::HashSet;

#[test]
fn anchors_are_complete_and_unique() {
    let mut names = HashSet::new();
    for a in ANCHORS {
        assert!(names.insert(a.name), "{} listed twice", a.name);
        assert!(
            !a.control.is_empty(),
            "{} needs a control to climb to",
            a.name
        );
        match a.kind {
            // A lone button is found only through the action itself.
            Kind::Beside => assert!(!a.web_ide.is_empty(), "{}", a.name),
            Kind::Menu(m) => assert!(!m.group.is_empty(), "{}: a group", a.name),
        }
    }
    assert!(names.len() >= 8, "every era and control: {names:?}");
}

#[test]
fn every_control_with_a_web_ide_action_is_found_through_it() {
    // Only an issue's actions menu has no Web IDE item.
    for a in ANCHORS {
        assert_eq!(
            a.web_ide.is_empty(),
            a.name == "work-item-actions",
            "{}: GitLab's Web IDE action markers",
            a.name
        );
    }
}

#[test]
fn selectors_use_stable_hooks_only() {
    for a in ANCHORS {
        let (group, neighbour, split): (&[&str], &[&str], Vec<&str>) = match a.kind {
            Kind::Menu(m) => {
                let split = match m.items {
                    Items::Select(s) => [s.primary, &[s.check, s.divider]].concat(),
                    Items::Navigate => vec![],
                };
                (m.group, m.neighbour, split)
            }
            Kind::Beside => (&[], &[], vec![]),
        };
        for sel in a
            .web_ide
            .iter()
            .chain(a.control)
            .chain(a.mount)
            .chain(group)
            .chain(neighbour)
            .chain(a.native_gitpod)
            .chain(&split)
        {
            // GitLab utility classes (gl-flex, gl-display-flex, gl-ml-3, …) are layout, not identity.
            assert!(
                !sel.contains(".gl-display") && !sel.contains(".gl-flex") && !sel.contains(".gl-m"),
                "{}: utility class in {sel}",
                a.name
            );
            assert!(
                !sel.contains(":nth-") && !sel.starts_with('/'),
                "{}: positional selector {sel}",
                a.name
            );
        }
        for sel in neighbour {
            // The entries go right after the neighbour: a direct child of the group.
            assert!(sel.starts_with(":scope > "), "{}: {sel}", a.name);
        }
    }
}

#[test]
fn only_the_split_button_selects() {
    // 13.5–16.0 menu items select the primary's action; every later control's items navigate.
    for a in ANCHORS {
        assert_eq!(a.split().is_some(), a.name == "split-button", "{}", a.name);
        if let Some(s) = a.split() {
            assert!(!s.primary.is_empty() && !s.check.is_empty() && !s.check_hidden.is_empty());
        }
    }
}

#[test]
fn markers_and_mount_points_come_from_the_eras() {
    let natives: Vec<&str> = native_markers().collect();
    for marker in [
        "[data-testid=\"gitpod-menu-item\"]",
        "[data-testid=\"action_gitpod\"]",
        "[data-qa-selector=\"gitpod_button\"]",
        "[data-qa-selector=\"gitpod_menu_item\"]",
    ] {
        assert!(natives.contains(&marker), "{marker}");
    }
    let mounts: Vec<&str> = mount_points().collect();
    assert!(mounts
        .iter()
        .any(|m| m.starts_with("#js-tree-web-ide-link")));
    assert!(mounts
        .iter()
        .any(|m| m.starts_with("#js-repository-blob-header-app")));
    // A mount point GitLab's own options say will show no Web IDE action is not waited for.
    assert!(mounts
        .iter()
        .filter(|m| m.contains("web-ide-link"))
        .all(|m| m.contains("show_web_ide_button")));
}

#[test]
fn the_fallback_waits_for_the_page_to_settle() {
    // Before `load`: never.
    assert_eq!(fallback_due(None, 0.0, false), None);
    // A quiet page: shortly after load.
    assert_eq!(
        fallback_due(Some(1000.0), 0.0, false),
        Some(1000.0 + QUIET_MS)
    );
    // Changes after load push it back, up to the limit.
    assert_eq!(
        fallback_due(Some(1000.0), 1100.0, false),
        Some(1100.0 + QUIET_MS)
    );
    assert_eq!(
        fallback_due(Some(1000.0), 5000.0, false),
        Some(1000.0 + MOUNT_WAIT_MS),
        "a page that keeps changing gets it too"
    );
    // A mount point still empty: the full wait for GitLab to fill it, and no longer.
    assert_eq!(
        fallback_due(Some(1000.0), 0.0, true),
        Some(1000.0 + MOUNT_WAIT_MS)
    );
    // Every page that settles gets it within a second of `load`.
    const { assert!(MOUNT_WAIT_MS < 1000.0 && QUIET_MS < MOUNT_WAIT_MS) };
}

/// A diagnosis as the popup shows it in English (`extension/_locales/en`).
fn in_english((key, place): (&str, Option<&str>)) -> String {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("extension/_locales/en/messages.json"),
    )
    .unwrap();
    let messages: serde_json::Value = serde_json::from_str(&text).unwrap();
    let message = |k: &str| {
        messages[k]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("no message {k}"))
            .to_string()
    };
    let sentence = message(key);
    match place {
        Some(p) => sentence.replace("$1", &message(p)),
        None => sentence,
    }
}

#[test]
fn the_popup_says_where_the_entry_is() {
    use gitpod_gitlab::diagnosis::{describe, TabReport};
    let report = |state: &str, anchor: &str, page: &str| TabReport {
        state: state.into(),
        anchor: anchor.into(),
        page: page.into(),
        gitpod_url: String::new(),
    };
    for a in ANCHORS {
        let place = in_english((a.place, None));
        assert!(
            place.starts_with("in ") || place.starts_with("beside "),
            "{}",
            a.name
        );
        assert_eq!(
            in_english(describe(Some(&report("entry", a.name, "tree")))),
            format!("Gitpod is {place}.")
        );
    }
    let said = |state: &str, anchor: &str, page: &str| {
        in_english(describe(Some(&report(state, anchor, page))))
    };
    assert_eq!(
        said("entry", "edit-dropdown", "file"),
        "Gitpod is in GitLab's Edit menu."
    );
    assert_eq!(
        said("native", "code-dropdown", "project"),
        "GitLab's own Gitpod item is there (we added none)."
    );
    assert!(said("fallback", "", "commit").starts_with("Fallback button"));
    assert!(said("none", "", "other project page").contains("this kind of page"));
    assert!(said("none", "", "tree").contains("has not appeared"));
    assert!(in_english(describe(None)).contains("reload the page"));
    // Whatever an old or hostile marker says, a sentence comes out.
    assert!(!said("<script>", "nope", "").is_empty());
}

#[test]
fn report_states_have_one_wire_name_each() {
    use gitpod_gitlab::diagnosis::ReportState;
    for wire in [
        "entry",
        "native",
        "fallback",
        "none",
        "failed",
        "not_gitlab",
        "blocked",
        "off",
        "idle",
        "starting",
    ] {
        assert_eq!(ReportState::parse(wire).wire(), wire);
    }
    // Unknown (a newer content script, garbage): still starting.
    assert_eq!(ReportState::parse("exploded"), ReportState::Starting);
    // The boot script writes the core's names (the build embeds them as `BOOT`), no literal.
    let boot = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/boot/content.js"
    ))
    .unwrap();
    for state in ["BOOT.blocked", "BOOT.idle"] {
        assert!(boot.contains(&format!("marker.state = {state}")), "{state}");
    }
    assert!(
        !boot.contains("marker.state = \""),
        "a literal state in the boot script"
    );
}

#[test]
fn report_state_wire_names_match_the_table() {
    use gitpod_gitlab::diagnosis::ReportState::*;
    let all = [
        Entry, Native, Fallback, NoControl, Failed, NotGitLab, Blocked, Off, Idle, Starting,
    ];
    assert_eq!(all, gitpod_gitlab::diagnosis::ReportState::ALL);
    for state in all {
        assert_eq!(
            gitpod_gitlab::diagnosis::ReportState::parse(state.wire()),
            state,
            "{state:?}"
        );
    }
}
