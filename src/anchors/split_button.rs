//! GitLab 13.5–16.x: the Web IDE split button (`web_ide_link.vue` as `ActionsButton`) in
//! `#web-ide-link`: a primary button showing the selected action and a caret menu of all.

use super::{Anchor, ItemStyle};

pub const ANCHOR: Anchor = Anchor {
    name: "split-button",
    control: &["#web-ide-link", ".js-web-ide-link"],
    list: &["ul.dropdown-menu", "[role=\"menu\"]", "ul"],
    after: &[
        "li:has(> [data-qa-selector=\"web_ide_button\"])",
        "li:has(> [data-testid=\"webide-menu-item\"])",
    ],
    native_gitpod: &[
        "[data-qa-selector=\"gitpod_button\"]",
        "[data-testid=\"gitpod-menu-item\"]",
    ],
    primary: &[".split-content-button", ".btn-group > a.btn"],
    label: "Gitpod",
    style: ItemStyle::SplitMenu,
};
