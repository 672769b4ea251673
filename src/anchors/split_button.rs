//! GitLab 13.5–16.0: the Web IDE split button (`web_ide_link.vue` + `actions_button.vue`,
//! GitLab UI's `GlDropdown` with `split`) in `#web-ide-link`: the primary button performs the
//! selected action; the caret menu's items only select it (check mark), as ours do.

use super::{Anchor, Choice, Label, SplitButton};

pub const ANCHOR: Anchor = Anchor {
    name: "split-button",
    place: "place_split_button",
    control: &["#web-ide-link", ".js-web-ide-link"],
    group: &[
        ".gl-dropdown-contents",
        ".gl-new-dropdown-contents",
        "ul.dropdown-menu",
        "[role=\"menu\"]",
        "ul",
    ],
    neighbour: &[
        ":scope > li:has([data-testid=\"action_webide\"])",
        ":scope > li:has([data-qa-selector=\"webide_menu_item\"])",
        ":scope > li:has(> [data-qa-selector=\"web_ide_button\"])",
        ":scope > li:has(> [data-testid=\"webide-menu-item\"])",
    ],
    native_gitpod: &[
        "[data-qa-selector=\"gitpod_button\"]",
        "[data-testid=\"action_gitpod\"]",
        "[data-qa-selector=\"gitpod_menu_item\"]",
        "[data-testid=\"gitpod-menu-item\"]",
    ],
    label: Label::Name,
    choice: Choice::Select(&SPLIT),
};

const SPLIT: SplitButton = SplitButton {
    primary: &[".split-content-button", ".btn-group > a.btn"],
    check: "[data-testid=\"dropdown-item-checkbox\"], .gl-dropdown-item-check-icon, \
            .gl-new-dropdown-item-check-icon",
    check_hidden: &["gl-visibility-hidden", "gl-invisible"],
    divider: ".gl-dropdown-divider, .gl-new-dropdown-divider",
};
