//! The anchor table keeps to its rules: every era named once, every chain non-empty, and
//! selectors built from stable hooks only (no GitLab utility-class chains, which break often).

use gitpod_gitlab::anchors::ANCHORS;
use std::collections::HashSet;

#[test]
fn anchors_are_complete_and_unique() {
    let mut names = HashSet::new();
    for a in ANCHORS {
        assert!(names.insert(a.name), "{} listed twice", a.name);
        assert!(
            !a.control.is_empty() && !a.list.is_empty(),
            "{} needs a control and a list",
            a.name
        );
        assert!(!a.label.is_empty());
    }
    assert!(
        names.len() >= 5,
        "split button, Edit, MR Code, Code, work item actions"
    );
}

#[test]
fn selectors_use_stable_hooks_only() {
    for a in ANCHORS {
        for sel in a
            .control
            .iter()
            .chain(a.list)
            .chain(a.after)
            .chain(a.native_gitpod)
            .chain(a.primary)
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
