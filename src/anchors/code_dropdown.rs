//! GitLab 17.x–18.x repository "Code" dropdown (`compact_code_dropdown.vue`), also on empty
//! projects (`#js-project-show-empty-page #js-code-dropdown`). The entry joins the "Open with"
//! group (Web IDE, GitPod, Visual Studio Code, IntelliJ IDEA, Xcode); GitLab's own "GitPod"
//! item has no test id, so it is recognised by its text.

use super::{Anchor, ItemStyle};

pub const ANCHOR: Anchor = Anchor {
    name: "code-dropdown",
    control: &["[data-testid=\"code-dropdown\"]", "#js-code-dropdown"],
    list: &[
        "ul:has(> [data-testid=\"webide-menu-item\"])",
        "ul:has(> [data-testid=\"ide-group-item\"])",
        ".gl-new-dropdown-contents",
        "ul",
    ],
    after: &["[data-testid=\"webide-menu-item\"]"],
    native_gitpod: &["[data-testid=\"gitpod-menu-item\"]"],
    primary: &[],
    label: "Gitpod",
    style: ItemStyle::Disclosure,
};
