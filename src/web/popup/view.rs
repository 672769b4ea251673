//! DOM building for the popup: elements with text and attributes, never markup strings.

use gloo_utils::document;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Appends `<tag attr…>text</tag>` to `parent`.
pub fn add(
    parent: &Element,
    tag: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Result<Element, JsValue> {
    let e = document().create_element(tag)?;
    for (name, value) in attrs {
        e.set_attribute(name, value)?;
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    parent.append_child(&e)?;
    Ok(e)
}

/// Appends text to `parent` (for sentences mixing text and links).
pub fn text(parent: &Element, text: &str) -> Result<(), JsValue> {
    parent.append_child(&document().create_text_node(text))?;
    Ok(())
}

/// A link that opens in a new tab.
pub fn link(parent: &Element, id: &str, href: &str, label: &str) -> Result<Element, JsValue> {
    add(
        parent,
        "a",
        &[
            ("id", id),
            ("href", href),
            ("target", "_blank"),
            ("rel", "noopener"),
        ],
        label,
    )
}

/// The element with `id`, typed.
pub fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

pub fn set_text(id: &str, text: &str) {
    if let Some(e) = by_id::<Element>(id) {
        e.set_text_content(Some(text));
    }
}

/// Appends a translated sentence (`key`, `args`; the argument `i18n::LINK_SLOT` marks where
/// the link goes) with a link in it, and returns the link.
pub fn sentence(
    parent: &Element,
    key: &str,
    args: &[&str],
    link_id: &str,
    href: &str,
    link_label: &str,
) -> Result<Element, JsValue> {
    let text = super::super::i18n::t(key, args);
    let (before, after) = text
        .split_once(super::super::i18n::LINK_SLOT)
        .unwrap_or((text.as_str(), ""));
    self::text(parent, before)?;
    let a = link(parent, link_id, href, link_label)?;
    self::text(parent, after)?;
    Ok(a)
}
