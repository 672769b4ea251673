//! The declarative table of GitLab controls the Gitpod entry joins: one module per GitLab era
//! or control, each saying how to find the control, where the entry goes and what it looks like.
//! Pure data; `web::inject` applies it. Adding an era = one module + one fixture + one test.
//!
//! Selectors are short and stable (`data-testid`, `data-qa-selector`, ids, `js-*`, roles),
//! each a fallback chain tried in order; GitLab's utility-class chains change every few months.

mod edit_dropdown;

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
    pub style: ItemStyle,
}

/// The markup GitLab uses for the control's items, so the entry is styled by GitLab's own CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStyle {
    /// `GlDisclosureDropdown` (16.x–18.x): `li.gl-new-dropdown-item[tabindex=0] >
    /// a.gl-new-dropdown-item-content[tabindex=-1] > span.gl-new-dropdown-item-text-wrapper`.
    Disclosure,
}

/// Every known control, in order of preference: the first one present on a page gets the entry.
pub const ANCHORS: &[&Anchor] = &[&edit_dropdown::ANCHOR];

/// Marks our entry (and nothing of GitLab's), so it is found again and never added twice.
pub const ENTRY_MARKER: &str = "data-gitpod-ext";
/// `data-testid` of our entry, beside GitLab's `<key>-menu-item` ids but never equal to one.
pub const ENTRY_TESTID: &str = "gitpod-ext-menu-item";
pub const ENTRY_LABEL: &str = "Gitpod";
