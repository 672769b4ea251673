//! GitLab 16.1–18.x: the "Edit" disclosure dropdown (`web_ide_link.vue` as a
//! `GlDisclosureDropdown` with one `GlDisclosureDropdownGroup`) on project, tree and blob pages.
//! Items: Pipeline editor, Web IDE, Edit single file, Gitpod (only when the instance and the
//! user enabled it), each two lines (bold label, description). Ours follow Web IDE, whose item
//! is a button without a link in 17.x+ (`li[data-testid="webide-menu-item"] > button`).

use super::{Anchor, Items, Kind, Label, Menu};

pub const ANCHOR: Anchor = Anchor {
    name: "edit-dropdown",
    place: "place_edit_dropdown",
    web_ide: &[
        "[data-testid=\"webide-menu-item\"]",
        "[data-qa-selector=\"webide_menu_item\"]",
    ],
    control: &[
        "[data-testid=\"action-dropdown\"]",
        "[data-qa-selector=\"action_dropdown\"].gl-disclosure-dropdown",
        "#web-ide-link.gl-disclosure-dropdown",
    ],
    // Server HTML of 17.x+ (blob header, repository header) before Vue fills it.
    mount: &[
        "#js-repository-blob-header-app:empty:not([data-web-ide-button-options*='\"show_web_ide_button\":false'])",
    ],
    native_gitpod: &[
        "[data-testid=\"gitpod-menu-item\"]",
        "[data-qa-selector=\"gitpod_menu_item\"]",
        "[data-qa-selector=\"gitpod_button\"]",
    ],
    label: Label::Name,
    kind: Kind::Menu(&Menu {
        group: &[
            "ul:has(> [data-testid=\"webide-menu-item\"])",
            "ul:has(> [data-qa-selector=\"webide_menu_item\"])",
            "ul:has(> [data-testid$=\"-menu-item\"])",
            ".gl-new-dropdown-contents",
            "[role=\"menu\"]",
            "ul",
        ],
        neighbour: &[
            ":scope > [data-testid=\"webide-menu-item\"]",
            ":scope > [data-qa-selector=\"webide_menu_item\"]",
        ],
        items: Items::Navigate,
    }),
};
