//! GitLab 17.x–18.x issue (work item) page: the "More actions" dropdown
//! (`[data-testid="work-item-actions-dropdown"]`). Gitpod opens the issue: default branch plus
//! a new branch named from the issue.

use super::{Anchor, Choice, Label};

pub const ANCHOR: Anchor = Anchor {
    name: "work-item-actions",
    place: "place_work_item_actions",
    control: &["[data-testid=\"work-item-actions-dropdown\"]"],
    group: &[".gl-new-dropdown-contents", "[role=\"menu\"]", "ul"],
    neighbour: &[],
    native_gitpod: &[],
    label: Label::OpenIn,
    choice: Choice::Navigate,
};
