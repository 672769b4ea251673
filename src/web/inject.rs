//! Applies the anchor table to a document: finds GitLab's control and keeps exactly one Gitpod
//! entry in it, with GitLab's own markup and classes. Builds DOM with web-sys only.

use crate::anchors::{Anchor, ItemStyle, ANCHORS, ENTRY_LABEL, ENTRY_MARKER, ENTRY_TESTID};
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::{gitpod_url, LaunchMode};
use crate::settings::Settings;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No known control on the page (yet).
    NoControl,
    /// GitLab shows its own Gitpod item; none added.
    Native(&'static str),
    /// Our entry is in the named control, pointing at the URL.
    Entry(&'static str, String),
    Failed(String),
}

pub fn inject(doc: &Document, page: &GitLabUrl, settings: &Settings) -> Outcome {
    let Some((anchor, control)) = ANCHORS.iter().find_map(|a| first(doc, a.control).map(|c| (*a, c))) else {
        return Outcome::NoControl;
    };
    if first_in(&control, anchor.native_gitpod).is_some() {
        return Outcome::Native(anchor.name);
    }
    let href = gitpod_url(&settings.gitpod_origin, page, LaunchMode::Open);
    match place_entry(doc, anchor, &control, &href, settings.open_in_new_tab) {
        Ok(()) => Outcome::Entry(anchor.name, href),
        Err(e) => Outcome::Failed(format!("{}: {}", anchor.name, super::ext::js_text(e))),
    }
}

fn place_entry(doc: &Document, anchor: &Anchor, control: &Element, href: &str, new_tab: bool) -> Result<(), JsValue> {
    let Some(list) = first_in(control, anchor.list) else { return Ok(()) };
    let marker = format!("[{ENTRY_MARKER}]");
    if let Some(existing) = list.query_selector(&marker)? {
        // Already there: only follow the URL (in-page navigation) if it changed.
        if let Some(link) = existing.query_selector("a")? {
            if link.get_attribute("href").as_deref() != Some(href) {
                link.set_attribute("href", href)?;
            }
        }
        return Ok(());
    }
    let entry = build_entry(doc, anchor.style, href, new_tab)?;
    match first_in(&list, anchor.after) {
        Some(after) => after.after_with_node_1(&entry)?,
        None => {
            list.append_child(&entry)?;
        }
    }
    Ok(())
}

fn build_entry(doc: &Document, style: ItemStyle, href: &str, new_tab: bool) -> Result<Element, JsValue> {
    match style {
        ItemStyle::Disclosure => {
            let item = el(doc, "li", &[("class", "gl-new-dropdown-item"), ("tabindex", "0")])?;
            item.set_attribute(ENTRY_MARKER, "")?;
            item.set_attribute("data-testid", ENTRY_TESTID)?;
            let link = el(doc, "a", &[("class", "gl-new-dropdown-item-content"), ("tabindex", "-1"), ("href", href)])?;
            if new_tab {
                link.set_attribute("target", "_blank")?;
                link.set_attribute("rel", "noopener noreferrer")?;
            }
            let text = el(doc, "span", &[("class", "gl-new-dropdown-item-text-wrapper")])?;
            text.set_text_content(Some(ENTRY_LABEL));
            link.append_child(&text)?;
            item.append_child(&link)?;
            Ok(item)
        }
    }
}

fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    Ok(e)
}

/// First match of a fallback chain in the document.
fn first(doc: &Document, chain: &[&str]) -> Option<Element> {
    chain.iter().find_map(|sel| doc.query_selector(sel).ok().flatten())
}

/// First match of a fallback chain below `root`.
fn first_in(root: &Element, chain: &[&str]) -> Option<Element> {
    chain.iter().find_map(|sel| root.query_selector(sel).ok().flatten())
}
