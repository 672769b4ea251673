//! The few DOM helpers every part of the content script shares: query results as elements,
//! fallback chains of selectors, attributes set only when they change (no needless mutations,
//! which our own observer would wake on), links. Selectors are concatenated, not `format!`ted:
//! `core::fmt` stays out of the content wasm.

use crate::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, NodeList};

/// The elements of a query result.
pub fn elements(list: NodeList) -> impl Iterator<Item = Element> {
    (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into().ok())
}

/// Every match of `selector` in the document (none where the selector is invalid).
pub fn all(doc: &Document, selector: &str) -> Vec<Element> {
    doc.query_selector_all(selector)
        .map(|l| elements(l).collect())
        .unwrap_or_default()
}

/// First match of a fallback chain in the document.
pub fn first(doc: &Document, chain: &[&str]) -> Option<Element> {
    chain
        .iter()
        .find_map(|sel| doc.query_selector(sel).ok().flatten())
}

/// First match of a fallback chain below `root`.
pub fn first_in(root: &Element, chain: &[&str]) -> Option<Element> {
    chain
        .iter()
        .find_map(|sel| root.query_selector(sel).ok().flatten())
}

/// The nearest ancestor (or `e` itself) matching one of a chain, in the chain's order.
pub fn closest(e: &Element, chain: &[&str]) -> Option<Element> {
    chain.iter().find_map(|sel| e.closest(sel).ok().flatten())
}

/// `[name]`.
pub fn attr_selector(name: &str) -> String {
    ["[", name, "]"].concat()
}

/// Sets (or, with `None`, removes) an attribute only when it differs.
pub fn set_if_changed(e: &Element, name: &str, value: Option<&str>) -> Result<(), JsValue> {
    match (e.get_attribute(name), value) {
        (Some(old), Some(new)) if old == new => Ok(()),
        (_, Some(new)) => e.set_attribute(name, new),
        (Some(_), None) => e.remove_attribute(name),
        (None, None) => Ok(()),
    }
}

/// A link to `href`, in a new tab or not.
pub fn set_link(link: &Element, href: &str, new_tab: bool) -> Result<(), JsValue> {
    set_if_changed(link, "href", Some(href))?;
    set_if_changed(link, "target", new_tab.then_some("_blank"))?;
    set_if_changed(link, "rel", new_tab.then_some("noopener noreferrer"))
}

/// A new element with attributes.
pub fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    Ok(e)
}
