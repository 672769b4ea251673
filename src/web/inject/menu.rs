//! A menu of GitLab's (`Kind::Menu`): our two entries in the group of GitLab's Web IDE item,
//! right after it, each a copy of that item; the last action's item marked as that menu shows a
//! selection (a "Last used" badge where items navigate, GitLab's check mark where they select).

use super::select;
use super::{action_selector, copy_of, retag, text_nodes, Context, Found};
use crate::anchors::*;
use crate::gitpod_url::LaunchMode;
use crate::last_action::{action_for_mode, GITPOD};
use crate::prelude::*;
use crate::web::dom::{attr_selector, el, elements, set_if_changed, set_link};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, NodeList};

/// Our entries: (launch mode, test id); each one's action key is its mode's
/// (`last_action::action_for_mode`).
const ENTRIES: [(LaunchMode, &str); 2] = [
    (LaunchMode::Open, ENTRY_TESTID),
    (LaunchMode::WithOptions, OPTIONS_TESTID),
];

/// Ensures both entries exist with current URLs, in place: right after GitLab's neighbour item
/// (else after the group's last item). Returns the Gitpod URL.
pub fn place(
    doc: &Document,
    found: &Found,
    menu: &Menu,
    group: &Element,
    cx: &Context<'_>,
) -> Result<String, JsValue> {
    let (anchor, control, settings) = (found.anchor, &found.control, cx.settings);
    let neighbour = found
        .neighbour
        .clone()
        .filter(|n| n.parent_element().as_ref() == Some(group));
    let mut previous = neighbour.clone().or_else(|| last_gitlab_item(group));
    // The item whose markup ours copy: the neighbour, else any plain item of the group (a link
    // or button of its own, not a row of buttons like "Visual Studio Code: SSH | HTTPS").
    let template = neighbour.clone().or_else(|| {
        let plain = [":scope > li:not([", OURS_ATTR, "]):has(> a, > button)"].concat();
        group.query_selector(&plain).ok().flatten()
    });
    let divider = match menu.items {
        Items::Select(split) => select::divider(group, split)?,
        Items::Navigate => None,
    };
    let mut main_href = String::new();
    for (mode, testid) in ENTRIES {
        let (action, with_options) = (action_for_mode(mode), mode == LaunchMode::WithOptions);
        let href = cx.target.url(cx.page, mode);
        let entry = match control.query_selector(&action_selector(action))? {
            Some(existing) => existing,
            None => {
                let label = cx.text.label(anchor.label, cx.target.name(), with_options);
                let description = if with_options {
                    cx.text.options_description()
                } else {
                    cx.text.description()
                };
                let item = match template.as_ref() {
                    Some(template) => copy_item(doc, menu, template, &label, description)?,
                    None => None,
                };
                let item = match item {
                    Some(item) => item,
                    None => build_item(doc, &label)?,
                };
                item.set_attribute(OURS_ATTR, "")?;
                item.set_attribute(ACTION_ATTR, action)?;
                item.set_attribute("data-testid", testid)?;
                item
            }
        };
        match menu.items {
            Items::Navigate => {
                if let Some(link) = entry.query_selector("a")? {
                    set_link(&link, &href, settings.flags.open_in_new_tab)?;
                }
            }
            // Items only select: the primary button takes this URL when ours is selected.
            Items::Select(_) => set_if_changed(&entry, HREF_ATTR, Some(&href))?,
        }
        // Where GitLab divides its items (split button), each of ours follows a divider too.
        if let Some(divider) = &divider {
            let sep = select::our_divider(control, divider, action)?;
            place_after(group, &previous, &sep)?;
            previous = Some(sep);
        }
        place_after(group, &previous, &entry)?;
        if action == GITPOD {
            main_href = href;
        }
        previous = Some(entry);
    }
    Ok(main_href)
}

/// Moves `e` right after `previous` (first in `group` without one), unless it is there already.
fn place_after(group: &Element, previous: &Option<Element>, e: &Element) -> Result<(), JsValue> {
    let in_group = e.parent_element().is_some_and(|p| p == *group);
    if in_group && e.previous_element_sibling() == *previous {
        return Ok(());
    }
    match previous {
        Some(p) => p.after_with_node_1(e),
        None => group.prepend_with_node_1(e),
    }
}

/// GitLab's own items of `group` (its direct `li` children that are not ours).
fn gitlab_items(group: &Element) -> Option<NodeList> {
    group
        .query_selector_all(&[":scope > li:not(", &attr_selector(OURS_ATTR), ")"].concat())
        .ok()
}

fn last_gitlab_item(group: &Element) -> Option<Element> {
    let items = gitlab_items(group)?;
    items.item(items.length().checked_sub(1)?)?.dyn_into().ok()
}

/// Our item as a copy of GitLab's `template` item: same elements and classes, its first text
/// replaced by our label and its second (the description line, where it has one) by ours; what
/// identifies GitLab's item (ids, test ids, tracking) and shortcut hints left out. The element
/// that acts is a link where items navigate (GitLab's 17.x+ Web IDE item is a button that opens
/// the IDE by script), a button where they only select. `None` where the template has no text.
fn copy_item(
    doc: &Document,
    menu: &Menu,
    template: &Element,
    label: &str,
    description: &str,
) -> Result<Option<Element>, JsValue> {
    let item = copy_of(template)?;
    let texts = text_nodes(&item);
    let Some(first) = texts.first() else {
        return Ok(None);
    };
    first.set_text_content(Some(label));
    if let Some(second) = texts.get(1) {
        second.set_text_content(Some(description));
    }
    for rest in texts.iter().skip(2) {
        rest.set_text_content(Some(""));
    }
    if let Some(acting) = item.query_selector("a, button")? {
        let want = match menu.items {
            Items::Select(_) => "button",
            Items::Navigate => "a",
        };
        if !acting.tag_name().eq_ignore_ascii_case(want) {
            retag(doc, &acting, want)?;
        }
    }
    if let Items::Select(split) = menu.items {
        select::uncheck_copy(&item, split)?;
    }
    Ok(Some(item))
}

/// GitLab UI's disclosure item (16.x–18.x), built from scratch where the group has no GitLab
/// item to copy: `li.gl-new-dropdown-item[tabindex=0] > a.gl-new-dropdown-item-content
/// [tabindex=-1] > span.gl-new-dropdown-item-text-wrapper`.
fn build_item(doc: &Document, label: &str) -> Result<Element, JsValue> {
    let item = el(
        doc,
        "li",
        &[("class", "gl-new-dropdown-item"), ("tabindex", "0")],
    )?;
    let link = el(
        doc,
        "a",
        &[
            ("class", "gl-new-dropdown-item-content"),
            ("tabindex", "-1"),
        ],
    )?;
    let text = el(
        doc,
        "span",
        &[("class", "gl-new-dropdown-item-text-wrapper")],
    )?;
    text.set_text_content(Some(label));
    link.append_child(&text)?;
    item.append_child(&link)?;
    Ok(item)
}

/// Marks the remembered action's item: a "Last used" text after its label (a visible badge in
/// dropdowns; beside a split button's check mark, for screen readers only), and in a split
/// button GitLab's check mark and primary button follow it.
pub fn mark_last(
    doc: &Document,
    found: &Found,
    menu: &Menu,
    group: &Element,
    cx: &Context<'_>,
) -> Result<(), JsValue> {
    let chosen = find_item(group, cx.last, cx.target.origin().as_str());
    let marked = found
        .control
        .query_selector(&attr_selector(LAST_USED_ATTR))?;
    if marked != chosen {
        if let Some(old) = &marked {
            old.remove_attribute(LAST_USED_ATTR)?;
            elements(old.query_selector_all(&attr_selector(LAST_USED_BADGE_ATTR))?)
                .for_each(|m| m.remove());
        }
        if let Some(item) = &chosen {
            item.set_attribute(LAST_USED_ATTR, "")?;
        }
    }
    if let Some(item) = &chosen {
        // Also after GitLab re-rendered the item's inside.
        if item
            .query_selector(&attr_selector(LAST_USED_BADGE_ATTR))?
            .is_none()
        {
            add_badge(doc, menu, item, cx)?;
        }
    }
    if let Items::Select(split) = menu.items {
        let ours = chosen.filter(|c| c.has_attribute(OURS_ATTR));
        select::sync(
            split,
            &found.control,
            group,
            ours.as_ref(),
            cx.settings.flags.open_in_new_tab,
        )?;
    }
    Ok(())
}

fn add_badge(doc: &Document, menu: &Menu, item: &Element, cx: &Context<'_>) -> Result<(), JsValue> {
    let Some(label) = text_nodes(item).first().and_then(Node::parent_element) else {
        return Ok(());
    };
    let mark = doc.create_element("span")?;
    mark.set_attribute(LAST_USED_BADGE_ATTR, "")?;
    match menu.items {
        Items::Navigate => {
            // GitLab UI's neutral badge, a space after the label (a gap no CSS can take away).
            let badge = el(
                doc,
                "span",
                &[("class", "gl-badge badge badge-pill badge-neutral")],
            )?;
            badge.set_text_content(Some(cx.text.last_used()));
            mark.append_with_str_1(" ")?;
            mark.append_child(&badge)?;
        }
        Items::Select(_) => {
            // The check mark shows it; screen readers read this (visually hidden in every era).
            mark.set_attribute("class", "gl-sr-only sr-only")?;
            mark.append_with_str_1(" ")?;
            mark.append_with_str_1(cx.text.last_used_sr())?;
        }
    }
    label.append_child(&mark)?;
    Ok(())
}

/// The item of `group` that performs `action`.
fn find_item(group: &Element, action: &str, origin: &str) -> Option<Element> {
    if let Some(ours) = group
        .query_selector(&action_selector(action))
        .ok()
        .flatten()
    {
        return Some(ours);
    }
    elements(gitlab_items(group)?)
        .find(|li| super::item_action(li, origin).as_deref() == Some(action))
}
