//! GitLab 16.1–18.x: the "Edit" disclosure dropdown (`web_ide_link.vue` as a
//! `GlDisclosureDropdown` with one `GlDisclosureDropdownGroup`) on project, tree and blob pages.
//! Items: Pipeline editor, Web IDE, Edit single file, Gitpod (only when the instance and the
//! user enabled it), each two lines (bold label, description). Ours follow Web IDE.

use super::{Anchor, Choice, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "edit-dropdown",
    place: "place_edit_dropdown",
    control: &["[data-testid=\"action-dropdown\"]"],
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
    native_gitpod: &[
        "[data-testid=\"gitpod-menu-item\"]",
        "[data-qa-selector=\"gitpod_menu_item\"]",
        "[data-qa-selector=\"gitpod_button\"]",
    ],
    label: Label::Name,
    choice: Choice::Navigate,
};
