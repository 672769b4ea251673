//! GitLab 17.x–18.x issue (work item) page: the "More actions" dropdown
//! (`[data-testid="work-item-actions-dropdown"]`). It has no Web IDE action: found by the
//! control itself. Gitpod opens the issue: default branch plus a new branch named from it.

use super::{Anchor, Items, Kind, Label, Menu};

pub const ANCHOR: Anchor = Anchor {
    name: "work-item-actions",
    place: "place_work_item_actions",
    web_ide: &[],
    control: &["[data-testid=\"work-item-actions-dropdown\"]"],
    mount: &[],
    native_gitpod: &[],
    label: Label::OpenIn,
    kind: Kind::Menu(&Menu {
        group: &[".gl-new-dropdown-contents", "[role=\"menu\"]", "ul"],
        neighbour: &[],
        items: Items::Navigate,
    }),
};
