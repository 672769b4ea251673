//! GitLab 17.x–18.x issue (work item) page: the "More actions" dropdown
//! (`[data-testid="work-item-actions-dropdown"]`). Gitpod opens the issue: default branch plus
//! a new branch named from the issue.

use super::{Anchor, Choice};

pub const ANCHOR: Anchor = Anchor {
    name: "work-item-actions",
    place: "in the issue's \"More actions\" menu",
    control: &["[data-testid=\"work-item-actions-dropdown\"]"],
    group: &[".gl-new-dropdown-contents", "[role=\"menu\"]", "ul"],
    neighbour: &[],
    native_gitpod: &[],
    label: "Open in Gitpod",
    choice: Choice::Navigate,
};
