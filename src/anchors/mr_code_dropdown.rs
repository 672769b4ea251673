//! GitLab 16.x–18.x merge request page: the "Code" dropdown in the header actions
//! (`.js-issuable-actions`): Open in Web IDE, Open in Gitpod (when enabled), Check out branch,
//! Patches, Plain diff.

use super::{Anchor, ItemStyle};

pub const ANCHOR: Anchor = Anchor {
    name: "mr-code-dropdown",
    control: &[
        "[data-testid=\"mr-code-dropdown\"]",
        ".js-issuable-actions [data-testid=\"code-dropdown\"]",
    ],
    list: &[".gl-new-dropdown-contents", "[role=\"menu\"]", "ul"],
    after: &["[data-testid=\"webide-menu-item\"]"],
    native_gitpod: &["[data-testid=\"gitpod-menu-item\"]"],
    primary: &[],
    label: "Open in Gitpod",
    style: ItemStyle::Disclosure,
};
