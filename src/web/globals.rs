//! The content script's globals, imported as the names they are: a content script always has
//! `window` and `document` (gloo's `utils` and `web_sys::window` look them up through
//! `globalThis` and need std).

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Window};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: Window;
    #[wasm_bindgen(thread_local_v2, js_name = document)]
    static DOCUMENT: Document;
}

pub fn window() -> Window {
    WINDOW.with(Clone::clone)
}

pub fn document() -> Document {
    DOCUMENT.with(Clone::clone)
}

/// `<body>` (where GitLab states the page and project), else the root element.
pub fn body() -> Option<Element> {
    let doc = document();
    doc.body()
        .map(Into::into)
        .or_else(|| doc.document_element())
}
