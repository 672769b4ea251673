//! The in-page words (the entry's labels, descriptions and "Last used" mark) of every locale in
//! `extension/_locales`, as a table compiled into the crate: the content script follows the
//! GitLab page's language, which `chrome.i18n` (the browser's language only) cannot do.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// The keys the page uses, in `page_text::PageText`'s order.
const PAGE_KEYS: [&str; 7] = [
    "page_with_options",
    "page_open_in",
    "page_open_in_with_options",
    "page_description",
    "page_options_description",
    "page_last_used",
    "page_last_used_sr",
];

fn main() {
    let dir = Path::new("extension/_locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut locales: Vec<String> = fs::read_dir(dir)
        .expect("extension/_locales")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    // English first: the fallback.
    locales.sort_by_key(|l| (l != "en", l.clone()));
    let mut out =
        String::from("/// (locale, the page's words in `PAGE_KEYS` order); English first.\n");
    out.push_str("pub const PAGE_LOCALES: &[(&str, [&str; 7])] = &[\n");
    for locale in &locales {
        let path = dir.join(locale).join("messages.json");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let _ = write!(out, "    ({locale:?}, [");
        for key in PAGE_KEYS {
            let message = json[key]["message"]
                .as_str()
                .unwrap_or_else(|| panic!("{}: no message {key}", path.display()));
            let _ = write!(out, "{message:?}, ");
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("page_locales.rs");
    fs::write(target, out).expect("page_locales.rs");
}
