//! GitLab 17.x–18.x repository "Code" dropdown (`compact_code_dropdown.vue`), also on empty
//! projects (`#js-project-show-empty-page #js-code-dropdown`). The entry joins the "Open with"
//! group (Web IDE, GitPod, Visual Studio Code, IntelliJ IDEA, Xcode), found by its Web IDE link
//! (GitLab's `/-/ide/project/` route; the group has no test id); GitLab's own "GitPod" item has
//! no test id either, so it is recognised by its text.

use super::{Anchor, Items, Kind, Label, Menu};

pub const ANCHOR: Anchor = Anchor {
    name: "code-dropdown",
    place: "place_code_dropdown",
    web_ide: &[
        "[data-testid=\"code-dropdown\"] [data-testid=\"webide-menu-item\"]",
        "[data-testid=\"code-dropdown\"] a[href*=\"/-/ide/project/\"]",
        "#js-code-dropdown a[href*=\"/-/ide/project/\"]",
    ],
    control: &["[data-testid=\"code-dropdown\"]", "#js-code-dropdown"],
    // The Code dropdown's own mount and the tree header's holder it mounts into.
    mount: &["#js-code-dropdown:empty", ".project-code-holder:empty"],
    native_gitpod: &["[data-testid=\"gitpod-menu-item\"]"],
    label: Label::Name,
    kind: Kind::Menu(&Menu {
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
        items: Items::Navigate,
    }),
};
