//! The declarative table of GitLab controls the Gitpod entry joins: one module per GitLab era
//! or control. Each declares its era's markers of GitLab's **Web IDE action** (the most stable
//! thing on the page: GitLab has rendered one in every era since 10.x), how to climb from that
//! action to the control it belongs to, the control's mount points while GitLab still has to
//! fill them, GitLab's own Gitpod item there, and what kind of control it is (a menu whose
//! items navigate or select, or a lone button ours stands beside). Pure data; `web::inject`
//! applies it, generically. Adding an era = one module + one line in `ANCHORS` + one page.
//!
//! Selectors are short and stable (`data-testid`, `data-qa-selector`, `js-*`, GitLab's own
//! routes such as `/-/ide/`), each a fallback chain tried in order; control ids are hints for
//! climbing, not requirements. GitLab's utility-class chains change every few months.

pub use crate::page_text::Label;

mod code_dropdown;
mod edit_dropdown;
pub mod fallback;
mod file_actions;
mod mr_code_dropdown;
mod mr_widget;
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
    /// GitLab's Web IDE action in this control, by its markers of the era, most stable first.
    /// The control is found by climbing from it; ours are never taken for it.
    pub web_ide: &'static [&'static str],
    /// The control, as an ancestor of the Web IDE action (`closest`). A menu that may show no
    /// Web IDE action (an empty project's Code dropdown, an issue's actions) is also looked up
    /// by these in the document.
    pub control: &'static [&'static str],
    /// GitLab's mount points of this control while still empty: the control may yet appear.
    pub mount: &'static [&'static str],
    /// Within the control: GitLab's own Gitpod item. Where it exists no entry is added.
    pub native_gitpod: &'static [&'static str],
    /// Our entry's label, in the wording of the control's other items ("Gitpod" or "Open in
    /// Gitpod", with the target's name).
    pub label: Label,
    pub kind: Kind,
}

/// What kind of control it is, and so how ours join it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A menu: our entries join the group of GitLab's Web IDE item, right after it, made from
    /// a copy of it.
    Menu(&'static Menu),
    /// A lone Web IDE button or link, no menu: ours is a copy of it right after it, performing
    /// the remembered Gitpod action ("Gitpod", or "Gitpod with options…" when used last).
    Beside,
}

/// A menu's parts, for when its Web IDE item is not there to climb from.
#[derive(Debug, PartialEq, Eq)]
pub struct Menu {
    /// Within the control: the group (list of items) the entries join, the one GitLab uses for
    /// IDE actions ("Open with", "Review changes", the Edit group).
    pub group: &'static [&'static str],
    /// Within the group (`:scope > …`): GitLab's item the entries follow.
    pub neighbour: &'static [&'static str],
    pub items: Items,
}

/// How a menu's items act, and how it shows which action was used last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// Items are links (16.x–18.x dropdowns): ours opens Gitpod. The last action used carries
    /// a small "Last used" badge after its label.
    Navigate,
    /// The split button (13.5–16.0): items only *select* the action, the primary button
    /// performs it; the selected item shows GitLab's check mark.
    Select(&'static SplitButton),
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

impl Anchor {
    /// The split button's parts, where this control's items select.
    pub fn split(&self) -> Option<&'static SplitButton> {
        match self.kind {
            Kind::Menu(Menu {
                items: Items::Select(split),
                ..
            }) => Some(split),
            _ => None,
        }
    }
}

/// Every known control, in order of preference: the first whose Web IDE action is on the
/// page gets the entries (a 17.x project page with both the Edit and the Code dropdown gets
/// them in Edit); a lone Web IDE button only where no menu of GitLab's has one.
pub const ANCHORS: &[&Anchor] = &[
    &edit_dropdown::ANCHOR,
    &split_button::ANCHOR,
    &mr_code_dropdown::ANCHOR,
    &code_dropdown::ANCHOR,
    &work_item_actions::ANCHOR,
    &file_actions::ANCHOR,
    &mr_widget::ANCHOR,
    &web_ide_button::ANCHOR,
];

/// GitLab's own Gitpod item, by every era's markers (for the fallback, which knows no control).
pub fn native_markers() -> impl Iterator<Item = &'static str> {
    ANCHORS.iter().flat_map(|a| a.native_gitpod.iter().copied())
}

/// Every era's mount points of a control still to come.
pub fn mount_points() -> impl Iterator<Item = &'static str> {
    ANCHORS.iter().flat_map(|a| a.mount.iter().copied())
}

/// On each element of ours (and nothing of GitLab's), so it is found again and never added twice.
pub const OURS_ATTR: &str = "data-gitpod-ext";
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
/// On the item of the last action used (ours or GitLab's), so it can be moved.
pub const LAST_USED_ATTR: &str = "data-gitpod-ext-last";
/// On the "Last used" badge we add inside that item.
pub const LAST_USED_BADGE_ATTR: &str = "data-gitpod-ext-mark";
/// On a split button's primary: GitLab's own text and href, kept while ours is shown.
pub const PRIMARY_TEXT_ATTR: &str = "data-gitpod-ext-primary-text";
pub const PRIMARY_HREF_ATTR: &str = "data-gitpod-ext-primary-href";
/// On GitLab's check icon: hidden by us while our action is the selected one.
pub const HID_ATTR: &str = "data-gitpod-ext-hid";
// The entries' words (labels, descriptions, the "Last used" mark) are per language:
// `page_text`, from `extension/_locales`.
/// Attributes a copy of GitLab's item drops: what identifies GitLab's item (tests, tracking:
/// GitLab's `data-track-*` and `data-event-*`; a server-rendered button's form and fork
/// wiring) and any state of ours it carried.
pub const COPY_STRIPS: &[&str] = &[
    "id",
    "name",
    "data-testid",
    "data-qa-selector",
    "data-track-action",
    "data-track-event",
    "data-track-label",
    "data-track-property",
    "data-track-experiment",
    "data-event-tracking",
    "data-event-label",
    "data-event-property",
    "data-action",
    "data-fork-path",
    "data-original-title",
    "aria-current",
    OURS_ATTR,
    ACTION_ATTR,
    LAST_USED_ATTR,
    HID_ATTR,
    SEPARATOR_ATTR,
];
/// Parts of GitLab's item a copy leaves out: keyboard-shortcut hints ("." opens the Web IDE).
pub const COPY_DROPS: &str = "kbd";
