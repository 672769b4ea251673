//! Applies the anchor table to a document, generically: finds GitLab's control by climbing from
//! its Web IDE action (else, for a menu that shows none, by the control itself), keeps exactly
//! one set of Gitpod entries in it, made from a copy of GitLab's own neighbouring item (so that
//! era's CSS and keyboard handling treat ours like its own), and marks the last action used the
//! way that control shows a selection. What differs per kind of control lives in its module:
//! `menu` (entries in a group), `select` (a split button's selection), `beside` (a copy of a lone
//! button). Idempotent: a second call on an unchanged page writes nothing to the DOM (our own
//! MutationObserver would otherwise wake itself). DOM built with web-sys only; page text is only
//! ever set as text.

use crate::prelude::*;
mod beside;
mod menu;
mod select;

use super::dom::{all, attr_selector, closest, elements, first, first_in};
use crate::anchors::*;
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_target::GitpodTarget;
use crate::last_action::GITPOD;
use crate::native_item::{gitlab_item_action, ItemShape};
use crate::page_text::PageText;
use crate::settings::Settings;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlAnchorElement, HtmlElement, Node};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No known control on the page (yet).
    NoControl,
    /// GitLab shows its own Gitpod item; none added, the last action is still marked.
    Native(&'static str),
    /// Our entry is in a control.
    Entry {
        /// The anchor's name.
        anchor: &'static str,
        /// What the entry opens.
        href: String,
    },
    /// No known control: the fallback button, pointing at the URL.
    Fallback(String),
    Failed(String),
}

/// A control of the page and its parts.
pub struct Found {
    pub anchor: &'static Anchor,
    /// The menu, or for a lone button the button itself.
    pub control: Element,
    /// A menu's group the entries join, and GitLab's item they follow.
    group: Option<Element>,
    neighbour: Option<Element>,
}

/// What the entries need to know of the page and the user.
pub struct Context<'a> {
    pub page: &'a GitLabUrl,
    pub settings: &'a Settings,
    /// Where this page's host opens (`Settings::target_for`).
    pub target: &'a GitpodTarget,
    /// The action remembered for this host.
    pub last: &'a str,
    /// The in-page words in the page's language.
    pub text: &'a PageText,
}

pub fn inject(doc: &Document, cx: &Context<'_>) -> Outcome {
    let Some(found) = find_control(doc) else {
        return Outcome::NoControl;
    };
    let anchor = found.anchor;
    let result = (|| -> Result<Outcome, JsValue> {
        let origin = cx.target.origin().as_str();
        let (outcome, scope) = match (&found.group, anchor.kind) {
            (_, Kind::Beside) if beside::has_native_gitpod(&found, origin)? => {
                (Outcome::Native(anchor.name), found.control.clone())
            }
            (_, Kind::Beside) => {
                let href = beside::place(&found, cx)?;
                let scope = found
                    .control
                    .parent_element()
                    .unwrap_or_else(|| found.control.clone());
                (
                    Outcome::Entry {
                        anchor: anchor.name,
                        href,
                    },
                    scope,
                )
            }
            (Some(_), Kind::Menu(_)) if has_native_gitpod(anchor, &found.control, origin)? => {
                remove_ours(&found.control)?; // GitLab enabled its own after we added ours
                (Outcome::Native(anchor.name), found.control.clone())
            }
            (Some(group), Kind::Menu(m)) => {
                let href = menu::place(doc, &found, m, group, cx)?;
                (
                    Outcome::Entry {
                        anchor: anchor.name,
                        href,
                    },
                    found.control.clone(),
                )
            }
            (None, Kind::Menu(_)) => return Ok(Outcome::NoControl),
        };
        // Ours anywhere else (a control GitLab replaced, a fallback button): gone.
        for stray in elements(doc.query_selector_all(&attr_selector(OURS_ATTR))?) {
            if !scope.contains(Some(&stray)) {
                stray.remove();
            }
        }
        if let (Some(group), Kind::Menu(m)) = (&found.group, anchor.kind) {
            menu::mark_last(doc, &found, m, group, cx)?;
        }
        Ok(outcome)
    })();
    result.unwrap_or_else(|e| {
        Outcome::Failed([anchor.name, ": ", &super::storage::js_text(e)].concat())
    })
}

/// The page's control: the first anchor of the table whose Web IDE action is on the page, the
/// control climbed to from it; else the first menu found by its own markers with its group (a
/// control whose group is not there yet is passed over).
pub fn find_control(doc: &Document) -> Option<Found> {
    ANCHORS
        .iter()
        .find_map(|a| {
            a.web_ide
                .iter()
                .flat_map(|marker| all(doc, marker))
                .find_map(|action| climb(a, action))
        })
        .or_else(|| {
            ANCHORS.iter().find_map(|a| {
                let Kind::Menu(m) = a.kind else { return None };
                let control = first(doc, a.control)?;
                let group = first_in(&control, m.group)?;
                let neighbour = first_in(&group, m.neighbour);
                Some(Found {
                    anchor: a,
                    control,
                    group: Some(group),
                    neighbour,
                })
            })
        })
}

/// From GitLab's Web IDE action to the control it belongs to, if it belongs to one of `anchor`'s
/// kind: a menu's item (its group is the list the item is in), or a lone button in its bar.
fn climb(anchor: &'static Anchor, action: Element) -> Option<Found> {
    if ours(&action) {
        return None;
    }
    let control = closest(&action, anchor.control)?;
    match anchor.kind {
        Kind::Beside => {
            // A lone button: not an item of a menu of GitLab's.
            let in_menu = action
                .closest("[role=\"menu\"], .dropdown-menu, .gl-new-dropdown-panel")
                .ok()
                .flatten()
                .is_some();
            (!in_menu).then_some(Found {
                anchor,
                control: action,
                group: None,
                neighbour: None,
            })
        }
        Kind::Menu(_) => {
            let item = action.closest("li").ok().flatten()?;
            let group = item.parent_element()?;
            control.contains(Some(&group)).then_some(Found {
                anchor,
                control,
                group: Some(group),
                neighbour: Some(item),
            })
        }
    }
}

/// One of our own elements (never taken for GitLab's).
fn ours(e: &Element) -> bool {
    e.closest(&attr_selector(OURS_ATTR))
        .ok()
        .flatten()
        .is_some()
}

/// The known control `target` is in.
fn control_of(target: &Element) -> Option<(&'static Anchor, Element)> {
    ANCHORS
        .iter()
        .find_map(|a| closest(target, a.control).map(|c| (*a, c)))
}

/// What a click on `target` means for the last-action memory.
#[derive(Debug, PartialEq, Eq)]
pub enum Click {
    /// An item of a known control (ours or GitLab's) that performs or selects this action.
    Chose(String),
    /// A split button's primary, which performs the selected action.
    Primary,
}

pub fn click_of(target: &Element, origin: &str) -> Option<Click> {
    if let Some(ours) = target.closest(&attr_selector(ACTION_ATTR)).ok().flatten() {
        return ours.get_attribute(ACTION_ATTR).map(Click::Chose);
    }
    let (anchor, _) = control_of(target)?;
    if let Some(split) = anchor.split() {
        if closest(target, split.primary).is_some() {
            return Some(Click::Primary);
        }
    }
    let item = target.closest("li").ok().flatten()?;
    item_action(&item, origin).map(Click::Chose)
}

/// After one of our entries was used: close its menu as GitLab closes it after its own items,
/// focus back on the toggle, unless GitLab has already done so.
pub fn close_menu_of(entry: &Element) {
    let Some((_, control)) = control_of(entry) else {
        return;
    };
    let open = control
        .query_selector("[aria-expanded=\"true\"]")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok());
    if let Some(toggle) = open {
        toggle.click();
        let _ = toggle.focus();
    }
}

/// Our entry's element that acts (the link, or the button of a split button's item).
pub fn action_element(entry: &Element) -> Option<HtmlElement> {
    let acting = match entry.matches("a, button") {
        Ok(true) => Some(entry.clone()), // a button of ours beside GitLab's
        _ => entry.query_selector("a, button").ok().flatten(),
    };
    acting.and_then(|a| a.dyn_into().ok())
}

/// GitLab's key for one of its items, as the pure core reads the item (see `native_item`).
fn item_action(item: &Element, origin: &str) -> Option<String> {
    let attr = |name: &str| {
        item.get_attribute(name).or_else(|| {
            let inner = item.query_selector(&attr_selector(name)).ok().flatten();
            inner.and_then(|e| e.get_attribute(name))
        })
    };
    let (testid, qa) = (attr("data-testid"), attr("data-qa-selector"));
    let link = match item.dyn_ref::<HtmlAnchorElement>() {
        Some(a) => Some(a.clone()),
        None => item
            .query_selector("a[href]")
            .ok()
            .flatten()
            .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok()),
    };
    let href = link.map(|a| a.href());
    let label = label_text(item).unwrap_or_default();
    let shape = ItemShape {
        testid: testid.as_deref(),
        qa_selector: qa.as_deref(),
        label: &label,
        href: href.as_deref(),
    };
    gitlab_item_action(&shape, origin)
}

/// GitLab's own Gitpod item in the control: by the era's markers, or any of its items that the
/// pure recogniser reads as one (test ids, label, a link to a Gitpod origin).
fn has_native_gitpod(anchor: &Anchor, control: &Element, origin: &str) -> Result<bool, JsValue> {
    if first_in(control, anchor.native_gitpod).is_some() {
        return Ok(true);
    }
    let items =
        control.query_selector_all(&["li:not(", &attr_selector(OURS_ATTR), ")"].concat())?;
    Ok(elements(items).any(|li| item_action(&li, origin).as_deref() == Some(GITPOD)))
}

fn remove_ours(control: &Element) -> Result<(), JsValue> {
    let ours = control.query_selector_all(&attr_selector(OURS_ATTR))?;
    elements(ours).for_each(|e| e.remove());
    Ok(())
}

/// A copy of GitLab's `template` element without what identifies it (ids, test ids, tracking,
/// any state of ours), its active look, its script hooks, or its shortcut hints.
fn copy_of(template: &Element) -> Result<Element, JsValue> {
    let copy: Element = template.clone_node_with_deep(true)?.dyn_into()?;
    let drops = [COPY_DROPS, ",[", LAST_USED_BADGE_ATTR, "]"].concat();
    elements(copy.query_selector_all(&drops)?).for_each(|e| e.remove());
    let inner = elements(copy.query_selector_all("*")?).collect::<Vec<_>>();
    for e in core::iter::once(&copy).chain(&inner) {
        strip_identity(e)?;
        let classes = e.class_list();
        classes.remove_2("is-active", "active")?;
        // GitLab's script hooks (`js-*`, and the old `qa-*` test hooks) name GitLab's element:
        // its delegated handlers must not take the copy for the original.
        let hooks: Vec<String> = (0..classes.length())
            .filter_map(|i| classes.item(i))
            .filter(|c| c.starts_with("js-") || c.starts_with("qa-"))
            .collect();
        for hook in hooks {
            classes.remove_1(&hook)?;
        }
    }
    Ok(copy)
}

/// Drops what names GitLab's item (and any state of ours) from a copy of it.
fn strip_identity(e: &Element) -> Result<(), JsValue> {
    for name in COPY_STRIPS {
        e.remove_attribute(name)?;
    }
    Ok(())
}

/// Replaces `e` by an element named `tag` with what GitLab's CSS and keyboard handling read off
/// it (class, tab index, role) and its children; returns the new element.
fn retag(doc: &Document, e: &Element, tag: &str) -> Result<Element, JsValue> {
    let new = doc.create_element(tag)?;
    for name in ["class", "tabindex", "role"] {
        if let Some(v) = e.get_attribute(name) {
            new.set_attribute(name, &v)?;
        }
    }
    if tag == "button" {
        new.set_attribute("type", "button")?;
    }
    while let Some(child) = e.first_child() {
        new.append_child(&child)?;
    }
    if e.parent_node().is_some() {
        e.replace_with_with_node_1(&new)?;
    }
    Ok(new)
}

/// An item's label: its first text that is not our mark.
fn label_text(item: &Element) -> Option<String> {
    text_nodes(item).first().and_then(Node::text_content)
}

/// The non-blank text nodes below `root`, in document order, leaving out our marks.
fn text_nodes(root: &Element) -> Vec<Node> {
    fn walk(node: &Node, out: &mut Vec<Node>) {
        let children = node.child_nodes();
        for i in 0..children.length() {
            let Some(child) = children.item(i) else {
                continue;
            };
            match child.node_type() {
                Node::TEXT_NODE if child.text_content().is_some_and(|t| !t.trim().is_empty()) => {
                    out.push(child);
                }
                Node::ELEMENT_NODE => {
                    let mark = child
                        .dyn_ref::<Element>()
                        .is_some_and(|e| e.has_attribute(LAST_USED_BADGE_ATTR));
                    if !mark {
                        walk(&child, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

/// Our entry for `action` (action keys are `[a-z0-9_]`, safe inside quotes).
fn action_selector(action: &str) -> String {
    ["[", ACTION_ATTR, "=\"", action, "\"]"].concat()
}
