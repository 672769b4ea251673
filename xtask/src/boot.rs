//! What the content script's boot shim (`extension/boot/content.js`) knows of the core before
//! any wasm is there: `BOOT`, one constant the build puts in front of it, read from the core so
//! the shim carries no copy of its own.

use gitpod_gitlab::diagnosis::ReportState;
use gitpod_gitlab::entry_pages::{PROJECT_PAGES, PROJECT_PAGES_WITHOUT_ENTRY};
use serde_json::json;

/// `const BOOT = {…};`: which pages can carry an entry, and the report states the shim writes.
pub fn constants() -> String {
    let boot = json!({
        "project": PROJECT_PAGES,
        "without": PROJECT_PAGES_WITHOUT_ENTRY,
        "idle": ReportState::Idle.wire(),
        "blocked": ReportState::Blocked.wire(),
    });
    format!("const BOOT = {boot};\n")
}
