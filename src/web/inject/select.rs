//! A split button's menu (`Items::Select`, GitLab 13.5–16.0): items only select the action, the
//! primary button performs it and shows its text, the selected item carries GitLab's check
//! mark, and GitLab divides items with a divider. While ours is the selection the primary shows
//! our text and link; GitLab's own text and href are kept on the primary and put back (text node
//! and attributes, which Vue still owns) when one of GitLab's actions is chosen again, so Vue's
//! later updates land where it expects them.

use super::{label_text, text_nodes};
use crate::anchors::*;
use crate::prelude::*;
use crate::web::dom::{attr_selector, elements, first_in, set_if_changed, set_link};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

/// The primary's attributes kept while ours is shown (`=value`, or empty where it had none).
const PRIMARY_SAVED: [(&str, &str); 3] = [
    ("href", PRIMARY_HREF_ATTR),
    ("target", "data-gitpod-ext-primary-target"),
    ("rel", "data-gitpod-ext-primary-rel"),
];

/// GitLab's own divider in the group, the one ours copy.
pub fn divider(group: &Element, split: &SplitButton) -> Result<Option<Element>, JsValue> {
    group.query_selector(&[":scope > :is(", split.divider, "):not([", OURS_ATTR, "])"].concat())
}

/// Our copy of GitLab's divider before the entry of `action`.
pub fn our_divider(control: &Element, divider: &Element, action: &str) -> Result<Element, JsValue> {
    let sep_attr = [SEPARATOR_ATTR, "=\"", action, "\""].concat();
    if let Some(existing) = control.query_selector(&["[", &sep_attr, "]"].concat())? {
        return Ok(existing);
    }
    let copy: Element = divider.clone_node_with_deep(true)?.dyn_into()?;
    super::strip_identity(&copy)?;
    copy.set_attribute(OURS_ATTR, "")?;
    copy.set_attribute(SEPARATOR_ATTR, action)?;
    Ok(copy)
}

/// A fresh copy of GitLab's item starts unselected.
pub fn uncheck_copy(item: &Element, split: &SplitButton) -> Result<(), JsValue> {
    if let Some(check) = item.query_selector(split.check)? {
        set_check(split, &check, false)?;
    }
    Ok(())
}

/// The split button shows `ours` (our selected entry) or, with `None`, GitLab's own selection.
pub fn sync(
    split: &SplitButton,
    control: &Element,
    group: &Element,
    ours: Option<&Element>,
    new_tab: bool,
) -> Result<(), JsValue> {
    let Some(primary) = first_in(control, split.primary) else {
        return Ok(());
    };
    let primary_text = text_nodes(&primary).into_iter().next();
    let checks = |of_ours: bool| -> Result<Vec<Element>, JsValue> {
        Ok(elements(group.query_selector_all(split.check)?)
            .filter(|i| {
                let in_ours = i.closest(&attr_selector(OURS_ATTR)).ok().flatten();
                in_ours.is_some() == of_ours
            })
            .collect())
    };
    match ours {
        Some(entry) => {
            if !primary.has_attribute(PRIMARY_TEXT_ATTR) {
                let text = primary_text.as_ref().and_then(Node::text_content);
                primary.set_attribute(PRIMARY_TEXT_ATTR, &text.unwrap_or_default())?;
                for (attr, saved) in PRIMARY_SAVED {
                    let kept = primary.get_attribute(attr).map(|v| ["=", &v].concat());
                    primary.set_attribute(saved, kept.as_deref().unwrap_or(""))?;
                }
            }
            let label = label_text(entry).unwrap_or_default();
            if let Some(t) = &primary_text {
                if t.text_content().as_deref() != Some(label.trim()) {
                    t.set_text_content(Some(label.trim()));
                }
            }
            set_link(
                &primary,
                &entry.get_attribute(HREF_ATTR).unwrap_or_default(),
                new_tab,
            )?;
            for icon in checks(false)? {
                if !hidden_check(split, &icon) {
                    set_check(split, &icon, false)?;
                    icon.set_attribute(HID_ATTR, "")?;
                }
            }
            for icon in checks(true)? {
                let mine = icon
                    .closest(&attr_selector(LAST_USED_ATTR))
                    .ok()
                    .flatten()
                    .is_some();
                if hidden_check(split, &icon) == mine {
                    set_check(split, &icon, mine)?;
                }
            }
        }
        None => {
            if let Some(text) = primary.get_attribute(PRIMARY_TEXT_ATTR) {
                if let Some(t) = &primary_text {
                    t.set_text_content(Some(&text));
                }
                primary.remove_attribute(PRIMARY_TEXT_ATTR)?;
                for (attr, saved) in PRIMARY_SAVED {
                    let kept = primary.get_attribute(saved).unwrap_or_default();
                    set_if_changed(&primary, attr, kept.strip_prefix('='))?;
                    primary.remove_attribute(saved)?;
                }
            }
            for icon in elements(group.query_selector_all(&attr_selector(HID_ATTR))?) {
                icon.remove_attribute(HID_ATTR)?;
                set_check(split, &icon, true)?;
            }
            for icon in checks(true)? {
                if !hidden_check(split, &icon) {
                    set_check(split, &icon, false)?;
                }
            }
        }
    }
    Ok(())
}

fn hidden_check(split: &SplitButton, icon: &Element) -> bool {
    let classes = icon.class_list();
    split.check_hidden.iter().any(|c| classes.contains(c))
}

/// Shows or hides a check icon with GitLab UI's hiding classes (each version knows its own and
/// ignores the other's).
fn set_check(split: &SplitButton, icon: &Element, visible: bool) -> Result<(), JsValue> {
    let classes = icon.class_list();
    for c in split.check_hidden {
        if visible {
            classes.remove_1(c)?;
        } else {
            classes.add_1(c)?;
        }
    }
    Ok(())
}
