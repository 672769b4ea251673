//! GitLab 13.5–16.0: the Web IDE split button (`web_ide_link.vue` + `actions_button.vue`,
//! GitLab UI's `GlDropdown` with `split`, a BootstrapVue `b-dropdown`): the primary button
//! performs the selected action; the caret menu's items only select it (check mark), as ours
//! do. Its id is `web-ide-link` from 15.x; before, and on blob headers, BootstrapVue's
//! automatic `__BVID__NN`, with the qa selector `action_dropdown` from later 14.x.

use super::{Anchor, Items, Kind, Label, Menu, SplitButton};

pub const ANCHOR: Anchor = Anchor {
    name: "split-button",
    place: "place_split_button",
    web_ide: &[
        "[data-testid=\"action_webide\"]",
        "[data-qa-selector=\"webide_menu_item\"]",
        "[data-qa-selector=\"web_ide_button\"]",
    ],
    control: &[
        ".b-dropdown:has(> .split-content-button)",
        "[data-qa-selector=\"action_dropdown\"]:has(> .split-content-button)",
        "#web-ide-link:has(> .split-content-button)",
        ".btn-group:has(> .split-content-button)",
    ],
    mount: &[
        "#js-tree-web-ide-link:empty:not([data-options*='\"show_web_ide_button\":false'])",
        "#js-blob-web-ide-link:empty:not([data-options*='\"show_web_ide_button\":false'])",
    ],
    native_gitpod: &[
        "[data-qa-selector=\"gitpod_button\"]",
        "[data-testid=\"action_gitpod\"]",
        "[data-qa-selector=\"gitpod_menu_item\"]",
        "[data-testid=\"gitpod-menu-item\"]",
    ],
    label: Label::Name,
    kind: Kind::Menu(&Menu {
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
        items: Items::Select(&SPLIT),
    }),
};

const SPLIT: SplitButton = SplitButton {
    primary: &[".split-content-button", ".btn-group > a.btn"],
    check: "[data-testid=\"dropdown-item-checkbox\"], .gl-dropdown-item-check-icon, \
            .gl-new-dropdown-item-check-icon",
    check_hidden: &["gl-visibility-hidden", "gl-invisible"],
    divider: ".gl-dropdown-divider, .gl-new-dropdown-divider",
};
