//! Applies the anchor table to a document: finds GitLab's control, keeps exactly one set of
//! Gitpod entries in it with GitLab's own markup, and pre-selects the last action used.
//! Idempotent: a second call on an unchanged page writes nothing to the DOM (our own
//! MutationObserver would otherwise wake itself). Builds DOM with web-sys only.

use crate::anchors::*;
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::{gitpod_url, LaunchMode};
use crate::last_action::{action_from_qa_selector, action_from_testid, GITPOD, GITPOD_OPTIONS};
use crate::settings::Settings;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, NodeList};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No known control on the page (yet).
    NoControl,
    /// GitLab shows its own Gitpod item; none added, the last action is still pre-selected.
    Native(&'static str),
    /// Our entry is in the named control, pointing at the URL.
    Entry(&'static str, String),
    Failed(String),
}

/// Our entries: (action key, launch mode, test id, label suffix).
const ENTRIES: [(&str, LaunchMode, &str, &str); 2] = [
    (GITPOD, LaunchMode::Open, ENTRY_TESTID, ""),
    (
        GITPOD_OPTIONS,
        LaunchMode::WithOptions,
        OPTIONS_TESTID,
        OPTIONS_SUFFIX,
    ),
];

pub fn inject(doc: &Document, page: &GitLabUrl, settings: &Settings, last: &str) -> Outcome {
    let Some((anchor, control)) = find_control(doc) else {
        return Outcome::NoControl;
    };
    let result = (|| -> Result<Outcome, JsValue> {
        let Some(list) = first_in(&control, anchor.list) else {
            return Ok(Outcome::NoControl);
        };
        if has_native_gitpod(anchor, &control, &list)? {
            remove_ours(&list)?; // GitLab enabled its own after we added ours
            preselect(anchor, &control, &list, last)?;
            return Ok(Outcome::Native(anchor.name));
        }
        let href = place_entries(doc, anchor, &list, page, settings, last)?;
        preselect(anchor, &control, &list, last)?;
        Ok(Outcome::Entry(anchor.name, href))
    })();
    result
        .unwrap_or_else(|e| Outcome::Failed([anchor.name, ": ", &super::ext::js_text(e)].concat()))
}

/// The first control of the table present on the page.
pub fn find_control(doc: &Document) -> Option<(&'static Anchor, Element)> {
    ANCHORS
        .iter()
        .find_map(|a| first(doc, a.control).map(|c| (*a, c)))
}

/// The action a click on `target` chose, if it hit an item of a known control.
pub fn action_of_click(target: &Element) -> Option<String> {
    if let Some(ours) = target.closest(&attr_selector(ACTION_ATTR)).ok().flatten() {
        return ours.get_attribute(ACTION_ATTR);
    }
    let anchor = ANCHORS.iter().find(|a| {
        a.control
            .iter()
            .any(|c| target.closest(c).ok().flatten().is_some())
    })?;
    if anchor
        .primary
        .iter()
        .any(|p| target.closest(p).ok().flatten().is_some())
    {
        return None; // the primary button repeats the remembered action
    }
    let item = target.closest("li").ok().flatten()?;
    item_action(&item)
}

/// GitLab's key for one of its items.
fn item_action(item: &Element) -> Option<String> {
    if let Some(key) = item
        .get_attribute("data-testid")
        .and_then(|t| action_from_testid(&t))
    {
        return Some(key);
    }
    let link = item.query_selector("[data-qa-selector]").ok().flatten();
    if let Some(key) = link
        .and_then(|l| l.get_attribute("data-qa-selector"))
        .and_then(|q| action_from_qa_selector(&q))
    {
        return Some(key);
    }
    is_gitpod_text(item).then(|| GITPOD.to_string())
}

fn is_gitpod_text(item: &Element) -> bool {
    item.text_content()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(NATIVE_GITPOD_TEXT))
}

fn has_native_gitpod(anchor: &Anchor, control: &Element, list: &Element) -> Result<bool, JsValue> {
    if first_in(control, anchor.native_gitpod).is_some() {
        return Ok(true);
    }
    let items =
        list.query_selector_all(&["li:not(", &attr_selector(ENTRY_MARKER), ")"].concat())?;
    Ok(elements(items).any(|li| is_gitpod_text(&li)))
}

fn remove_ours(list: &Element) -> Result<(), JsValue> {
    let ours = list.query_selector_all(&attr_selector(ENTRY_MARKER))?;
    elements(ours).for_each(|e| e.remove());
    Ok(())
}

/// Ensures both entries exist with current URLs, in place: first when the last action is
/// ours, else right after GitLab's Web IDE item (else at the end). Returns the Gitpod URL.
fn place_entries(
    doc: &Document,
    anchor: &Anchor,
    list: &Element,
    page: &GitLabUrl,
    settings: &Settings,
    last: &str,
) -> Result<String, JsValue> {
    let ours_first = last == GITPOD || last == GITPOD_OPTIONS;
    let mut previous: Option<Element> = None;
    let mut main_href = String::new();
    for (action, mode, testid, suffix) in ENTRIES {
        let href = gitpod_url(&settings.gitpod_origin, page, mode);
        let entry = match list.query_selector(&action_selector(action))? {
            Some(existing) => {
                update_link(&existing, &href, settings.open_in_new_tab)?;
                existing
            }
            None => build_entry(
                doc,
                anchor,
                action,
                testid,
                suffix,
                &href,
                settings.open_in_new_tab,
            )?,
        };
        // Where it belongs: after our previous entry, else first / after Web IDE / at the end.
        let want_prev = match &previous {
            Some(p) => Some(p.clone()),
            None if ours_first => None,
            None => first_in(list, anchor.after).or_else(|| last_native_item(list)),
        };
        let current_prev = entry.previous_element_sibling();
        let in_list = entry.parent_element().is_some_and(|p| p == *list);
        if !in_list || current_prev != want_prev {
            match &want_prev {
                Some(p) => p.after_with_node_1(&entry)?,
                None => list.prepend_with_node_1(&entry)?,
            }
        }
        if action == GITPOD {
            main_href = href;
        }
        previous = Some(entry);
    }
    Ok(main_href)
}

fn last_native_item(list: &Element) -> Option<Element> {
    let items = list
        .query_selector_all(&[":scope > li:not(", &attr_selector(ENTRY_MARKER), ")"].concat())
        .ok()?;
    items.item(items.length().checked_sub(1)?)?.dyn_into().ok()
}

fn update_link(entry: &Element, href: &str, new_tab: bool) -> Result<(), JsValue> {
    let Some(link) = entry.query_selector("a")? else {
        return Ok(());
    };
    if link.get_attribute("href").as_deref() != Some(href) {
        link.set_attribute("href", href)?;
    }
    let target = link.get_attribute("target");
    if new_tab && target.is_none() {
        link.set_attribute("target", "_blank")?;
        link.set_attribute("rel", "noopener noreferrer")?;
    } else if !new_tab && target.is_some() {
        link.remove_attribute("target")?;
    }
    Ok(())
}

fn build_entry(
    doc: &Document,
    anchor: &Anchor,
    action: &str,
    testid: &str,
    suffix: &str,
    href: &str,
    new_tab: bool,
) -> Result<Element, JsValue> {
    let label = [anchor.label, suffix].concat();
    let (item, link, text) = match anchor.style {
        ItemStyle::Disclosure => (
            el(
                doc,
                "li",
                &[("class", "gl-new-dropdown-item"), ("tabindex", "0")],
            )?,
            el(
                doc,
                "a",
                &[
                    ("class", "gl-new-dropdown-item-content"),
                    ("tabindex", "-1"),
                ],
            )?,
            el(
                doc,
                "span",
                &[("class", "gl-new-dropdown-item-text-wrapper")],
            )?,
        ),
        ItemStyle::SplitMenu => {
            let text = el(doc, "p", &[("class", "gl-new-dropdown-item-text-primary")])?;
            let wrapper = el(
                doc,
                "div",
                &[("class", "gl-new-dropdown-item-text-wrapper")],
            )?;
            wrapper.append_child(&text)?;
            let link = el(
                doc,
                "a",
                &[("class", "dropdown-item"), ("role", "menuitem")],
            )?;
            link.append_child(&wrapper)?;
            (
                el(
                    doc,
                    "li",
                    &[("class", "gl-new-dropdown-item"), ("role", "presentation")],
                )?,
                link,
                text,
            )
        }
    };
    item.set_attribute(ENTRY_MARKER, "")?;
    item.set_attribute(ACTION_ATTR, action)?;
    item.set_attribute("data-testid", testid)?;
    text.set_text_content(Some(&label));
    if anchor.style == ItemStyle::Disclosure {
        link.append_child(&text)?;
    }
    item.append_child(&link)?;
    update_link(&item, href, new_tab)?;
    Ok(item)
}

/// Marks the remembered action: the split button's primary shows it; in a dropdown the
/// item carries `aria-current` and GitLab's bold text class (ours are also moved first).
fn preselect(
    anchor: &Anchor,
    control: &Element,
    list: &Element,
    last: &str,
) -> Result<(), JsValue> {
    let chosen = find_item(list, last);
    let marked = control.query_selector(&attr_selector(LAST_MARKER))?;
    if marked.is_some() && marked == chosen {
        return Ok(());
    }
    if let Some(old) = marked {
        old.remove_attribute(LAST_MARKER)?;
        old.remove_attribute("aria-current")?;
        old.class_list().remove_1("gl-font-bold")?;
    }
    let Some(item) = chosen else { return Ok(()) };
    item.set_attribute(LAST_MARKER, "")?;
    item.set_attribute("aria-current", "true")?;
    item.class_list().add_1("gl-font-bold")?;
    if let (Some(primary), Some(link)) =
        (first_in(control, anchor.primary), item.query_selector("a")?)
    {
        // Split button: the primary button becomes the remembered action, marked active as
        // GitLab marks its own selection.
        let active = list.query_selector_all("a.is-active")?;
        for a in elements(active) {
            a.class_list().remove_1("is-active")?;
        }
        link.class_list().add_1("is-active")?;
        primary.set_text_content(Some(link.text_content().unwrap_or_default().trim()));
        for attr in ["href", "target", "rel"] {
            match link.get_attribute(attr) {
                Some(v) => primary.set_attribute(attr, &v)?,
                None => primary.remove_attribute(attr)?,
            }
        }
    }
    Ok(())
}

/// The item of `list` that performs `action`.
fn find_item(list: &Element, action: &str) -> Option<Element> {
    if let Some(ours) = list.query_selector(&action_selector(action)).ok().flatten() {
        return Some(ours);
    }
    let items = list.query_selector_all("li").ok()?;
    elements(items).find(|li| item_action(li).as_deref() == Some(action))
}

fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    Ok(e)
}

/// The elements of a query result.
pub fn elements(list: NodeList) -> impl Iterator<Item = Element> {
    (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into().ok())
}

/// First match of a fallback chain in the document.
fn first(doc: &Document, chain: &[&str]) -> Option<Element> {
    chain
        .iter()
        .find_map(|sel| doc.query_selector(sel).ok().flatten())
}

/// First match of a fallback chain below `root`.
fn first_in(root: &Element, chain: &[&str]) -> Option<Element> {
    chain
        .iter()
        .find_map(|sel| root.query_selector(sel).ok().flatten())
}

/// `[name]`. Selectors are concatenated, not `format!`ted: `core::fmt` stays out of this wasm.
pub fn attr_selector(name: &str) -> String {
    ["[", name, "]"].concat()
}

/// Our entry for `action` (action keys are `[a-z0-9_]`, safe inside quotes).
fn action_selector(action: &str) -> String {
    ["[", ACTION_ATTR, "=\"", action, "\"]"].concat()
}
