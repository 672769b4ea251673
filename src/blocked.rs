//! The worker's note that the content script could not start in a tab (the page's CSP forbids
//! WebAssembly): kept in session storage under the tab's key, shown by the popup for that tab
//! and the page it was about only. Pure: the key and the shape, for both sides.

use crate::loose::{serde_via_loose, Fields, FromLoose, Loose, ToLoose};
use crate::prelude::*;

/// Session-storage key prefix of the notes, one per tab.
pub const BLOCKED_PREFIX: &str = "blocked:";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockedNote {
    /// The page the content script could not start on.
    pub url: String,
    pub reason: String,
}

impl FromLoose for BlockedNote {
    fn from_loose(value: &Loose) -> Result<BlockedNote, String> {
        let f = Fields::of(value)?;
        Ok(BlockedNote {
            url: f.text("url")?,
            reason: f.text("reason")?,
        })
    }
}

impl ToLoose for BlockedNote {
    fn to_loose(&self) -> Loose {
        Loose::object([
            ("url", self.url.as_str().into()),
            ("reason", self.reason.as_str().into()),
        ])
    }
}

serde_via_loose!(read BlockedNote);
serde_via_loose!(write BlockedNote);

/// The key of `tab`'s note.
pub fn blocked_key(tab: i32) -> String {
    [BLOCKED_PREFIX, &tab.to_string()].concat()
}

/// The tab a stored key is the note of (`None`: not a note's key).
pub fn tab_of_key(key: &str) -> Option<i32> {
    key.strip_prefix(BLOCKED_PREFIX)?.parse().ok()
}

impl BlockedNote {
    /// The reason, if the note is about `url` (the tab may have moved on since).
    pub fn reason_for(&self, url: &str) -> Option<&str> {
        (self.url == url).then_some(self.reason.as_str())
    }
}
