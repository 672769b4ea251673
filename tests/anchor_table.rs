//! The anchor table keeps to its rules: every era named once, every chain non-empty, and
//! selectors built from stable hooks only (no GitLab utility-class chains, which break often).

use gitpod_gitlab::anchors::{Choice, ANCHORS};
use std::collections::HashSet;

#[test]
fn anchors_are_complete_and_unique() {
    let mut names = HashSet::new();
    for a in ANCHORS {
        assert!(names.insert(a.name), "{} listed twice", a.name);
        assert!(
            !a.control.is_empty() && (a.group.is_empty() == (a.choice == Choice::Beside)),
            "{} needs a control, and a group unless it stands beside the control",
            a.name
        );
    }
    assert!(
        names.len() >= 5,
        "split button, Edit, MR Code, Code, work item actions, lone Web IDE button"
    );
}

#[test]
fn selectors_use_stable_hooks_only() {
    for a in ANCHORS {
        let split: &[&str] = match a.choice {
            Choice::Select(s) => &[s.primary, &[s.check]].concat(),
            Choice::Navigate | Choice::Beside => &[],
        };
        for sel in a
            .control
            .iter()
            .chain(a.group)
            .chain(a.neighbour)
            .chain(a.native_gitpod)
            .chain(split)
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
    }
}

#[test]
fn neighbours_are_items_of_the_group_itself() {
    // The entries go right after the neighbour, so it must be a direct child of the group.
    for a in ANCHORS {
        for sel in a.neighbour {
            assert!(sel.starts_with(":scope > "), "{}: {sel}", a.name);
        }
    }
}

#[test]
fn only_the_split_button_selects() {
    // 13.5–16.0 menu items select the primary's action; every later control's items navigate.
    for a in ANCHORS {
        let selects = matches!(a.choice, Choice::Select(_));
        assert_eq!(selects, a.name == "split-button", "{}", a.name);
        if let Choice::Select(s) = a.choice {
            assert!(!s.primary.is_empty() && !s.check.is_empty() && !s.check_hidden.is_empty());
        }
    }
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
