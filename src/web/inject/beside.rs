//! A lone Web IDE button or link (`Kind::Beside`: GitLab ≤13.4, the single-action state of
//! 13.5–16.0, the server-rendered file actions of 11.x–14.x, the merge request widget of
//! ≤14.1): ours is a copy of it right after it, always a link (a server-rendered fork toggler
//! is a `<button>` GitLab's script turns into a fork suggestion; the copy leaves those hooks
//! behind), performing the remembered Gitpod action.

use super::{copy_of, item_action, retag, text_nodes, Context, Found};
use crate::anchors::*;
use crate::gitpod_url::LaunchMode;
use crate::last_action::{action_for_mode, GITPOD};
use crate::prelude::*;
use crate::web::dom::{elements, first_in, set_if_changed, set_link};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Places or updates our copy; returns its URL.
pub fn place(found: &Found, cx: &Context<'_>) -> Result<String, JsValue> {
    let (anchor, button, settings) = (found.anchor, &found.control, cx.settings);
    // One button: "with options" where that was the last action, else plain.
    let mode = if cx.last == action_for_mode(LaunchMode::WithOptions) {
        LaunchMode::WithOptions
    } else {
        LaunchMode::Open
    };
    let (action, with_options) = (action_for_mode(mode), mode == LaunchMode::WithOptions);
    let href = cx.target.url(cx.page, mode);
    let ours = button
        .next_element_sibling()
        .filter(|e| e.has_attribute(OURS_ATTR));
    let copy = match ours {
        Some(copy) => copy,
        None => {
            let mut copy = copy_of(button)?;
            if !copy.tag_name().eq_ignore_ascii_case("a") {
                let doc = button.owner_document().ok_or("no document")?;
                copy = retag(&doc, &copy, "a")?;
            }
            // GitLab spaces the buttons of a bar with margins on the buttons or their wrappers.
            copy.class_list().add_2("gl-ml-3", "ml-2")?;
            copy.set_attribute(OURS_ATTR, "")?;
            copy.set_attribute("data-testid", ENTRY_TESTID)?;
            button.after_with_node_1(&copy)?;
            copy
        }
    };
    let label = cx.text.label(anchor.label, cx.target.name(), with_options);
    if let Some(node) = text_nodes(&copy).first() {
        if node.text_content().as_deref().map(str::trim) != Some(label.as_str()) {
            node.set_text_content(Some(&label));
        }
    }
    set_if_changed(&copy, ACTION_ATTR, Some(action))?;
    set_link(&copy, &href, settings.flags.open_in_new_tab)?;
    Ok(href)
}

/// GitLab's own Gitpod button in the same bar: by the era's markers, or a sibling the pure
/// recogniser reads as one.
pub fn has_native_gitpod(found: &Found, origin: &str) -> Result<bool, JsValue> {
    let Some(bar) = found.control.parent_element() else {
        return Ok(false);
    };
    if first_in(&bar, found.anchor.native_gitpod).is_some() {
        return Ok(true);
    }
    let siblings = bar.query_selector_all(":scope > a, :scope > button")?;
    Ok(elements(siblings)
        .filter(|e: &Element| !e.has_attribute(OURS_ATTR))
        .any(|e| item_action(&e, origin).as_deref() == Some(GITPOD)))
}
