//! GitLab's own Gitpod item, in every form GitLab has rendered it: test ids and qa selectors of
//! each era, its label ("Gitpod", "GitPod", "Open in Gitpod", and since late 2025 "Ona", "Open
//! in Ona"), or a link to a Gitpod origin (the configured one, gitpod.io, app.ona.com). Where
//! one is in the control, the extension adds no entry of its own. Pure: the content script
//! reads an [`ItemShape`] off each of GitLab's items.

use crate::last_action::{action_from_qa_selector, action_from_testid, GITPOD};
use crate::prelude::*;

/// What one of GitLab's items shows, as read off the page.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ItemShape<'a> {
    /// `data-testid` of the item or of its link/button.
    pub testid: Option<&'a str>,
    /// `data-qa-selector` of the item or of its link/button (13.x–16.x).
    pub qa_selector: Option<&'a str>,
    /// The item's label: its first text.
    pub label: &'a str,
    /// Its link's href, absolute (`HTMLAnchorElement.href`).
    pub href: Option<&'a str>,
}

// GitLab's own markers (`gitpod-menu-item` 16.3+, `action_gitpod` 13.6–16.0, qa selectors
// `gitpod_menu_item` 15.x–16.2 and `gitpod_button` 13.x–15.x) name the `gitpod` action through
// `last_action`'s readers of GitLab's markup.
/// Gitpod's origins GitLab links to besides the configured one (GitLab's default instance
/// setting, and where gitpod.io sends users since Gitpod became Ona).
pub const KNOWN_GITPOD_ORIGINS: &[&str] = &["https://gitpod.io", "https://app.ona.com"];
/// The names GitLab gives the item, last word of its label.
const NAMES: &[&str] = &["gitpod", "ona"];
/// Words GitLab puts before the name ("Open in Ona").
const LEAD_WORDS: &[&str] = &["open", "in", "launch"];

/// Whether `item` is GitLab's own Gitpod item. `configured` is the user's Gitpod origin.
pub fn is_native_gitpod(item: &ItemShape<'_>, configured: &str) -> bool {
    gitlab_item_action(item, configured).as_deref() == Some(GITPOD)
}

/// The action key of one of GitLab's items (what choosing it is remembered as): by its test id
/// or qa selector where they name one, else `gitpod` where its label names Gitpod or its link
/// opens a Gitpod origin.
pub fn gitlab_item_action(item: &ItemShape<'_>, configured: &str) -> Option<String> {
    item.testid
        .and_then(action_from_testid)
        .or_else(|| item.qa_selector.and_then(action_from_qa_selector))
        .or_else(|| {
            let gitpod =
                names_gitpod(item.label) || item.href.is_some_and(|h| opens_gitpod(h, configured));
            gitpod.then(|| GITPOD.to_string())
        })
}

/// A label that names Gitpod, as a word: "Gitpod", "GitPod", "Ona", "Open in Gitpod", "Open in
/// Ona", any case and spacing. Not "Personal", "Gitpodder", "Ona's settings" or "Donate".
pub fn names_gitpod(label: &str) -> bool {
    // Bytes, not chars: the content script's wasm stays free of Unicode tables and string
    // searchers (GitLab's names are ASCII; anything else separates words).
    let mut words = label
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let Some(name) = words.next() else {
        return false;
    };
    NAMES
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
        && words.all(|w| {
            LEAD_WORDS
                .iter()
                .any(|l| w.eq_ignore_ascii_case(l.as_bytes()))
        })
}

/// A link that opens a workspace on a Gitpod origin: `<origin>/#<url>` or `<origin>#<url>`
/// (GitLab's form), with or without a query before the `#`.
pub fn opens_gitpod(href: &str, configured: &str) -> bool {
    let href = href.as_bytes();
    let has_context = href.windows(5).any(|w| w == b"#http");
    has_context
        && core::iter::once(configured)
            .chain(KNOWN_GITPOD_ORIGINS.iter().copied())
            .filter(|o| !o.is_empty())
            .any(|origin| {
                href.starts_with(origin.as_bytes())
                    && matches!(href.get(origin.len()), Some(b'/' | b'#' | b'?'))
            })
}
