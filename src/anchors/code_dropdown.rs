//! GitLab 17.x–18.x repository "Code" dropdown (`compact_code_dropdown.vue`), also on empty
//! projects (`#js-project-show-empty-page #js-code-dropdown`). The entry joins the "Open with"
//! group (Web IDE, GitPod, Visual Studio Code, IntelliJ IDEA, Xcode), found by its Web IDE link
//! (GitLab's `/-/ide/project/` route; the group has no test id); GitLab's own "GitPod" item has
//! no test id either, so it is recognised by its text.

use super::{Anchor, Choice, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "code-dropdown",
    place: "place_code_dropdown",
    control: &["[data-testid=\"code-dropdown\"]", "#js-code-dropdown"],
    group: &[
        "ul:has(> li > a[href*=\"/-/ide/project/\"])",
        "ul:has(> [data-testid=\"webide-menu-item\"])",
        "ul:has(> [data-testid=\"ide-group-item\"])",
        ".gl-new-dropdown-contents",
        "ul",
    ],
    neighbour: &[
        ":scope > li:has(> a[href*=\"/-/ide/project/\"])",
        ":scope > [data-testid=\"webide-menu-item\"]",
    ],
    native_gitpod: &["[data-testid=\"gitpod-menu-item\"]"],
    label: Label::Name,
    choice: Choice::Navigate,
};
