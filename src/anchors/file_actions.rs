//! GitLab 11.x–14.x file view, server-rendered (HAML `blob/_header`): "Edit" and "Web IDE" in
//! the file header's `.file-actions`, as links (`a.ide-edit-button`), or, where the user must
//! fork first, as fork-toggler buttons (`button.ide-edit-button.js-edit-blob-link-fork-toggler`)
//! that open GitLab's fork suggestion. Ours is a copy of the Web IDE button as a link right
//! beside it; Gitpod opens the page's own URL (no fork needed to read it).

use super::{Anchor, Kind, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "file-actions",
    place: "place_web_ide_button",
    web_ide: &[
        ".file-actions .ide-edit-button",
        ".file-actions a[href*=\"/-/ide/project/\"]",
    ],
    control: &[".file-actions"],
    mount: &[],
    native_gitpod: &["[data-qa-selector=\"gitpod_button\"]"],
    label: Label::Name,
    kind: Kind::Beside,
};
