//! The extension's words in the browser's language (`chrome.i18n`, `extension/_locales`), for
//! the popup, the options page and the worker. (The content script follows the GitLab page's
//! language instead: `page_text`.)

use super::bindings::get_message;
use js_sys::Array;
use wasm_bindgen::JsValue;

/// The message `key` with `$1`, `$2`… replaced by `args`; the key itself if it is missing (a
/// test keeps every locale complete).
pub fn t(key: &str, args: &[&str]) -> String {
    let subs = if args.is_empty() {
        JsValue::UNDEFINED
    } else {
        args.iter()
            .map(|a| JsValue::from_str(a))
            .collect::<Array>()
            .into()
    };
    let message = get_message(key, &subs);
    if message.is_empty() {
        key.to_string()
    } else {
        message
    }
}

/// Marks where a link goes in a sentence (`view::sentence`).
pub const LINK_SLOT: &str = "\u{1}";
