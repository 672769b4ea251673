//! GitLab 16.x–18.x: the "Edit" disclosure dropdown (`web_ide_link.vue` as a
//! `GlDisclosureDropdown`) on project, tree and blob pages. Items: Web IDE, Edit single file,
//! Gitpod (only when the instance and the user enabled it), Pipeline editor.

use super::{Anchor, ItemStyle};

pub const ANCHOR: Anchor = Anchor {
    name: "edit-dropdown",
    control: &["[data-testid=\"action-dropdown\"]"],
    list: &[".gl-new-dropdown-contents", "[role=\"menu\"]", "ul"],
    after: &["[data-testid=\"webide-menu-item\"]"],
    native_gitpod: &[
        "[data-testid=\"gitpod-menu-item\"]",
        "[data-qa-selector=\"gitpod_button\"]",
    ],
    primary: &[],
    label: "Gitpod",
    style: ItemStyle::Disclosure,
};
