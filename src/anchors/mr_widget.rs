//! GitLab ≤ 14.1 merge request widget (`mr_widget_header.vue`): a plain "Open in Web IDE" link
//! (`a.js-web-ide`) in `.mr-source-target .branch-actions`, beside "Check out branch". Ours is
//! a copy of it, "Open in Gitpod", right after it. (14.2–15.x put a split button there, which
//! the split-button anchor finds.)

use super::{Anchor, Kind, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "mr-widget",
    place: "place_web_ide_button",
    web_ide: &[
        "a.js-web-ide",
        ".branch-actions a[href*=\"/-/ide/project/\"]",
    ],
    control: &[".branch-actions", ".mr-source-target"],
    mount: &[],
    native_gitpod: &[],
    label: Label::OpenIn,
    kind: Kind::Beside,
};
