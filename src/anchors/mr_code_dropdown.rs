//! GitLab 15.x–18.x merge request page: the "Code" dropdown in the header actions
//! (`.js-issuable-actions`), server-rendered or Vue (`merge_requests/components/code_dropdown.vue`,
//! `GlDisclosureDropdown` with groups "Review changes" and "Download"). The entry joins
//! "Review changes" after "Open in Web IDE" (`data-testid="open-in-web-ide-button"` on its link,
//! `data-qa-selector="open_in_web_ide_button"` in 15.x).

use super::{Anchor, Items, Kind, Label, Menu};

pub const ANCHOR: Anchor = Anchor {
    name: "mr-code-dropdown",
    place: "place_mr_code_dropdown",
    web_ide: &[
        "[data-testid=\"open-in-web-ide-button\"]",
        "[data-qa-selector=\"open_in_web_ide_button\"]",
        ".js-issuable-actions a[href*=\"/-/ide/project/\"]",
    ],
    control: &[
        // Server-rendered (15.x–17.x): the test id marks the toggle; the menu is its sibling.
        ".dropdown:has(> [data-testid=\"mr-code-dropdown\"])",
        ".dropdown:has(> [data-qa-selector=\"mr_code_dropdown\"])",
        "[data-testid=\"mr-code-dropdown\"]",
        ".js-issuable-actions [data-testid=\"code-dropdown\"]",
    ],
    // The Vue dropdown's mount (18.x, `code_dropdown_vue_enabled`).
    mount: &[".js-mr-code-dropdown:empty"],
    native_gitpod: &["[data-testid=\"gitpod-menu-item\"]"],
    label: Label::OpenIn,
    kind: Kind::Menu(&Menu {
        group: &[
            "ul:has(> li > [data-testid=\"open-in-web-ide-button\"])",
            "ul:has(> [data-testid=\"webide-menu-item\"])",
            "ul:has(> li > .js-check-out-modal-trigger)",
            ".gl-new-dropdown-contents",
            "[role=\"menu\"]",
            "ul",
        ],
        neighbour: &[
            ":scope > li:has(> [data-testid=\"open-in-web-ide-button\"])",
            ":scope > [data-testid=\"webide-menu-item\"]",
        ],
        items: Items::Navigate,
    }),
};
