//! A lone "Web IDE" button, no menu: GitLab ≤13.4 (`TreeActionLink`, `a.qa-web-ide-button`) and
//! the single-action state of 13.5–16.0 (`actions_button.vue` renders one `GlButton` with
//! `data-qa-selector="web_ide_button"` when Web IDE is the only action, e.g. without the Gitpod
//! integration). Ours is a copy of that button right beside it.

use super::{Anchor, Choice, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "web-ide-button",
    place: "place_web_ide_button",
    control: &[
        "a[data-qa-selector=\"web_ide_button\"]:not(.btn-group *, [role=\"menu\"] *)",
        "a.qa-web-ide-button:not(.btn-group *, [role=\"menu\"] *)",
    ],
    group: &[],
    neighbour: &[],
    native_gitpod: &[],
    label: Label::Name,
    choice: Choice::Beside,
};
