//! The declarative table of GitLab controls the Gitpod entry joins: one module per GitLab era
//! or control, each saying how to find the control, which of its groups the entry joins, which
//! GitLab item it sits beside (and copies its markup from), and how that era shows the selected
//! action. Pure data; `web::inject` applies it. Adding an era = one module + one page + one test.
//!
//! Selectors are short and stable (`data-testid`, `data-qa-selector`, ids, `js-*`, roles, GitLab's
//! own routes such as `/-/ide/`), each a fallback chain tried in order; GitLab's utility-class
//! chains change every few months.

pub use crate::page_text::Label;

mod code_dropdown;
mod edit_dropdown;
pub mod fallback;
mod mr_code_dropdown;
mod split_button;
mod web_ide_button;
mod work_item_actions;

/// One GitLab control the entry can join.
#[derive(Debug)]
pub struct Anchor {
    /// Names the era/control in logs, tests and diagnoses.
    pub name: &'static str,
    /// Where the entry then is, in a user's words: the key of the message ("in GitLab's Edit
    /// menu") the popup shows (`extension/_locales`).
    pub place: &'static str,
    /// The control itself, first match in the document wins.
    pub control: &'static [&'static str],
    /// Within the control: the group (list of items) the entries join, the one GitLab uses for
    /// IDE actions ("Open with", "Review changes", the Edit group).
    pub group: &'static [&'static str],
    /// Within the group (`:scope > …`): GitLab's item the entries follow, usually Web IDE. Its
    /// markup is copied for ours (else that of another plain item of the group; else GitLab
    /// UI's disclosure item is built), so GitLab's CSS and keyboard handling treat both alike.
    pub neighbour: &'static [&'static str],
    /// Within the control: GitLab's own Gitpod item. Where it exists no entry is added.
    pub native_gitpod: &'static [&'static str],
    /// Our entry's label, in the wording of the control's other items ("Gitpod" or "Open in
    /// Gitpod", with the target's name).
    pub label: Label,
    /// What choosing an item does in this control.
    pub choice: Choice,
}

/// How a control's items act, and how it shows which action was used last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Items are links (16.x–18.x dropdowns): ours opens Gitpod. The last action used carries a
    /// small "Last used" badge after its label.
    Navigate,
    /// The split button (13.5–16.0): menu items only *select* the action, the primary button
    /// performs it; the selected item shows GitLab's check mark.
    Select(&'static SplitButton),
    /// A lone button with no menu (≤13.4's "Web IDE" link; 13.5–16.0 when Web IDE is the only
    /// action): ours is a copy of it right beside it, performing the remembered Gitpod action
    /// ("Gitpod", or "Gitpod with options…" when that was used last). No group, no neighbour.
    Beside,
}

/// The split button's parts (GitLab UI's `GlDropdown` with `split`).
#[derive(Debug, PartialEq, Eq)]
pub struct SplitButton {
    /// The primary button, whose text and href are the selected action's.
    pub primary: &'static [&'static str],
    /// In an item: the check icon GitLab shows on the selected one (one selector list: an
    /// item has one icon, whichever of these names it has).
    pub check: &'static str,
    /// The classes GitLab UI hides an unselected item's check icon with (by version).
    pub check_hidden: &'static [&'static str],
    /// The divider GitLab puts between the menu's items (one selector list); each of ours
    /// follows a copy of it.
    pub divider: &'static str,
}

/// Every known control, in order of preference: the first one present on a page (with its
/// group) gets the entries. A page with both the Edit and the Code dropdown (17.x project pages)
/// gets them in Edit; a lone Web IDE button only where no menu of GitLab's is there.
pub const ANCHORS: &[&Anchor] = &[
    &edit_dropdown::ANCHOR,
    &split_button::ANCHOR,
    &mr_code_dropdown::ANCHOR,
    &code_dropdown::ANCHOR,
    &work_item_actions::ANCHOR,
    &web_ide_button::ANCHOR,
];

/// Marks our entry (and nothing of GitLab's), so it is found again and never added twice.
pub const ENTRY_MARKER: &str = "data-gitpod-ext";
/// `data-testid` of our entry, beside GitLab's `<key>-menu-item` ids but never equal to one.
pub const ENTRY_TESTID: &str = "gitpod-ext-menu-item";
/// `data-testid` of our "with options" entry (`?autostart=false`).
pub const OPTIONS_TESTID: &str = "gitpod-ext-options-menu-item";
/// Holds the action key of each of our entries.
pub const ACTION_ATTR: &str = "data-gitpod-ext-action";
/// Marks our copy of GitLab's divider before the entry of the action it holds.
pub const SEPARATOR_ATTR: &str = "data-gitpod-ext-divider";
/// Holds the Gitpod URL of an entry whose item only selects (split button).
pub const HREF_ATTR: &str = "data-gitpod-ext-href";
/// Marks the item we marked as the last action used, so the mark can be moved.
pub const LAST_MARKER: &str = "data-gitpod-ext-last";
/// Marks the "Last used" text we add inside that item.
pub const MARK_ATTR: &str = "data-gitpod-ext-mark";
/// On a split button's primary: GitLab's own text and href, kept while ours is shown.
pub const PRIMARY_TEXT_ATTR: &str = "data-gitpod-ext-primary-text";
pub const PRIMARY_HREF_ATTR: &str = "data-gitpod-ext-primary-href";
/// On GitLab's check icon: hidden by us while our action is the selected one.
pub const HID_ATTR: &str = "data-gitpod-ext-hid";
// The entries' words (labels, descriptions, the "Last used" mark) are per language:
// `page_text`, from `extension/_locales`.
/// Attributes a copy of GitLab's item drops: what identifies GitLab's item (tests, tracking:
/// GitLab's `data-track-*` and `data-event-*`) and any state of ours it carried.
pub const COPY_STRIPS: &[&str] = &[
    "id",
    "data-testid",
    "data-qa-selector",
    "data-track-action",
    "data-track-label",
    "data-track-property",
    "data-track-experiment",
    "data-event-tracking",
    "data-event-label",
    "data-event-property",
    "aria-current",
    ENTRY_MARKER,
    ACTION_ATTR,
    LAST_MARKER,
    HID_ATTR,
    SEPARATOR_ATTR,
];
/// Parts of GitLab's item a copy leaves out: keyboard-shortcut hints ("." opens the Web IDE).
pub const COPY_DROPS: &str = "kbd";
