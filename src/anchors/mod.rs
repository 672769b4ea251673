//! The declarative table of GitLab controls the Gitpod entry joins: one module per GitLab era
//! or control, each saying how to find the control, where the entry goes and what it looks like.
//! Pure data; `web::inject` applies it. Adding an era = one module + one fixture + one test.
//!
//! Selectors are short and stable (`data-testid`, `data-qa-selector`, ids, `js-*`, roles),
//! each a fallback chain tried in order; GitLab's utility-class chains change every few months.

mod code_dropdown;
mod edit_dropdown;
mod mr_code_dropdown;
mod split_button;
mod work_item_actions;

/// One GitLab control the entry can join.
#[derive(Debug)]
pub struct Anchor {
    /// Names the era/control in logs and tests.
    pub name: &'static str,
    /// The control itself, first match in the document wins.
    pub control: &'static [&'static str],
    /// Within the control: the list the entry joins.
    pub list: &'static [&'static str],
    /// Within the list: the item the entry goes after (else it is appended).
    pub after: &'static [&'static str],
    /// Within the control: GitLab's own Gitpod item. Where it exists no entry is added.
    pub native_gitpod: &'static [&'static str],
    /// Within the control: a primary button showing the selected action (split buttons).
    pub primary: &'static [&'static str],
    /// Our entry's label, in the wording of the control's other items.
    pub label: &'static str,
    pub style: ItemStyle,
}

/// The markup GitLab uses for the control's items, so the entry is styled by GitLab's own CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStyle {
    /// `GlDisclosureDropdown` (16.x–18.x): `li.gl-new-dropdown-item[tabindex=0] >
    /// a.gl-new-dropdown-item-content[tabindex=-1] > span.gl-new-dropdown-item-text-wrapper`.
    Disclosure,
    /// `GlDropdown` split button (13.5–16.x): `li[role=presentation] > a.dropdown-item[role=menuitem]
    /// > div.gl-new-dropdown-item-text-wrapper > p.gl-new-dropdown-item-text-primary`.
    SplitMenu,
}

/// Every known control, in order of preference: the first one present on a page gets the entry.
/// A page with both the Edit and the Code dropdown (17.x project pages) gets it in Edit.
pub const ANCHORS: &[&Anchor] = &[
    &edit_dropdown::ANCHOR,
    &split_button::ANCHOR,
    &mr_code_dropdown::ANCHOR,
    &code_dropdown::ANCHOR,
    &work_item_actions::ANCHOR,
];

/// Marks our entry (and nothing of GitLab's), so it is found again and never added twice.
pub const ENTRY_MARKER: &str = "data-gitpod-ext";
/// `data-testid` of our entry, beside GitLab's `<key>-menu-item` ids but never equal to one.
pub const ENTRY_TESTID: &str = "gitpod-ext-menu-item";
/// `data-testid` of our "with options" entry (`?autostart=false`).
pub const OPTIONS_TESTID: &str = "gitpod-ext-options-menu-item";
/// Holds the action key of each of our entries.
pub const ACTION_ATTR: &str = "data-gitpod-ext-action";
/// Marks the item we pre-selected as the last action used, so the mark can be moved.
pub const LAST_MARKER: &str = "data-gitpod-ext-last";
/// GitLab's own Gitpod item where it has no stable attribute (17.x+ Code dropdown: "GitPod").
pub const NATIVE_GITPOD_TEXT: &str = "gitpod";
/// Appended to the control's label for the "with options" entry.
pub const OPTIONS_SUFFIX: &str = " with options…";
