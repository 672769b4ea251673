//! A lone "Web IDE" button, no menu: GitLab ≤13.4 (`TreeActionLink`, `a.qa-web-ide-button`, and
//! the HAML tree controls' Web IDE link) and the single-action state of 13.5–16.0
//! (`actions_button.vue` renders one `GlButton` with `data-qa-selector="web_ide_button"` when
//! Web IDE is the only action, e.g. without the Gitpod integration). Ours is a copy of that
//! button right beside it. Never a split button's primary, never an item of a menu.

use super::{Anchor, Kind, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "web-ide-button",
    place: "place_web_ide_button",
    // Its own markers only: a plain link to the `/-/ide/project/` route beside a menu that
    // mounts later (17.x+ tree headers) is not this era's lone button.
    web_ide: &[
        "a[data-qa-selector=\"web_ide_button\"]:not(.split-content-button)",
        "a.qa-web-ide-button",
    ],
    control: &[
        "#web-ide-link",
        "#js-tree-web-ide-link",
        ".tree-controls",
        "[data-testid=\"tree-controls-container\"]",
        ".nav-block",
    ],
    mount: &[],
    native_gitpod: &["[data-qa-selector=\"gitpod_button\"]"],
    label: Label::Name,
    kind: Kind::Beside,
};
