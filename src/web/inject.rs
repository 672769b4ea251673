//! Applies the anchor table to a document: finds GitLab's control, keeps exactly one set of
//! Gitpod entries in the group GitLab uses for IDE actions, made from a copy of GitLab's own
//! neighbouring item (so that era's CSS and keyboard handling treat ours like its own), and marks
//! the last action used the way that era shows a selection. Idempotent: a second call on an
//! unchanged page writes nothing to the DOM (our own MutationObserver would otherwise wake
//! itself). Builds DOM with web-sys only; page text is only ever set as text.

use crate::anchors::*;
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::LaunchMode;
use crate::last_action::{GITPOD, GITPOD_OPTIONS};
use crate::native_item::{gitlab_item_action, ItemShape};
use crate::page_text::PageText;
use crate::settings::Settings;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlAnchorElement, HtmlElement, Node, NodeList};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No known control on the page (yet).
    NoControl,
    /// GitLab shows its own Gitpod item; none added, the last action is still marked.
    Native(&'static str),
    /// Our entry is in the named control, pointing at the URL.
    Entry(&'static str, String),
    /// No known control: the fallback button, pointing at the URL.
    Fallback(String),
    Failed(String),
}

/// Our entries: (action key, launch mode, test id, "with options").
const ENTRIES: [(&str, LaunchMode, &str, bool); 2] = [
    (GITPOD, LaunchMode::Open, ENTRY_TESTID, false),
    (
        GITPOD_OPTIONS,
        LaunchMode::WithOptions,
        OPTIONS_TESTID,
        true,
    ),
];

/// `text`: the in-page words in the page's language.
pub fn inject(
    doc: &Document,
    page: &GitLabUrl,
    settings: &Settings,
    last: &str,
    text: &PageText,
) -> Outcome {
    let Some((anchor, control, group)) = find_control(doc) else {
        return Outcome::NoControl;
    };
    let result = (|| -> Result<Outcome, JsValue> {
        let origin = settings.gitpod_origin().as_str();
        let (outcome, scope) = match &group {
            None => {
                let href = place_beside(anchor, &control, page, settings, last, text)?;
                let scope = control.parent_element().unwrap_or_else(|| control.clone());
                (Outcome::Entry(anchor.name, href), scope)
            }
            Some(_) if has_native_gitpod(anchor, &control, origin)? => {
                remove_ours(&control)?; // GitLab enabled its own after we added ours
                (Outcome::Native(anchor.name), control.clone())
            }
            Some(group) => {
                let href = place_entries(doc, anchor, &control, group, page, settings, text)?;
                (Outcome::Entry(anchor.name, href), control.clone())
            }
        };
        // Ours anywhere else (a control GitLab replaced, a fallback button): gone.
        for stray in elements(doc.query_selector_all(&attr_selector(ENTRY_MARKER))?) {
            if !scope.contains(Some(&stray)) {
                stray.remove();
            }
        }
        if let Some(group) = &group {
            mark_last(doc, anchor, &control, group, last, settings, text)?;
        }
        Ok(outcome)
    })();
    result
        .unwrap_or_else(|e| Outcome::Failed([anchor.name, ": ", &super::ext::js_text(e)].concat()))
}

/// The first control of the table present on the page, with the group its entries join (none
/// for a control ours stand beside). A control whose group is not there (yet) is passed over.
pub fn find_control(doc: &Document) -> Option<(&'static Anchor, Element, Option<Element>)> {
    ANCHORS.iter().find_map(|a| {
        let control = first(doc, a.control)?;
        if a.choice == Choice::Beside {
            return Some((*a, control, None));
        }
        let group = first_in(&control, a.group)?;
        Some((*a, control, Some(group)))
    })
}

/// Beside a lone Web IDE button: a copy of it performing the remembered Gitpod action.
fn place_beside(
    anchor: &Anchor,
    control: &Element,
    page: &GitLabUrl,
    settings: &Settings,
    last: &str,
    text: &PageText,
) -> Result<String, JsValue> {
    let (action, mode, with_options) = if last == GITPOD_OPTIONS {
        (GITPOD_OPTIONS, LaunchMode::WithOptions, true)
    } else {
        (GITPOD, LaunchMode::Open, false)
    };
    let href = settings.target.url(page, mode);
    let ours = control
        .next_element_sibling()
        .filter(|e| e.has_attribute(ENTRY_MARKER));
    let button = match ours {
        Some(button) => button,
        None => {
            let button = copy_of(control)?;
            // GitLab spaces the buttons of a bar with margins on the buttons' wrappers.
            button.class_list().add_2("gl-ml-3", "ml-2")?;
            button.set_attribute(ENTRY_MARKER, "")?;
            button.set_attribute("data-testid", ENTRY_TESTID)?;
            control.after_with_node_1(&button)?;
            button
        }
    };
    let label = text.label(anchor.label, settings.target.name(), with_options);
    if let Some(node) = text_nodes(&button).first() {
        if node.text_content().as_deref() != Some(&label) {
            node.set_text_content(Some(&label));
        }
    }
    set_if_changed(&button, ACTION_ATTR, Some(action))?;
    set_link(&button, &href, settings.open_in_new_tab)?;
    Ok(href)
}

/// The known control `target` is in.
fn control_of(target: &Element) -> Option<(&'static Anchor, Element)> {
    ANCHORS.iter().find_map(|a| {
        a.control
            .iter()
            .find_map(|c| target.closest(c).ok().flatten())
            .map(|c| (*a, c))
    })
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
    if let Choice::Select(split) = anchor.choice {
        if split
            .primary
            .iter()
            .any(|p| target.closest(p).ok().flatten().is_some())
        {
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
    let href = item
        .query_selector("a[href]")
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
        .map(|a| a.href());
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
        control.query_selector_all(&["li:not(", &attr_selector(ENTRY_MARKER), ")"].concat())?;
    Ok(elements(items).any(|li| item_action(&li, origin).as_deref() == Some(GITPOD)))
}

fn remove_ours(control: &Element) -> Result<(), JsValue> {
    let ours = control.query_selector_all(&attr_selector(ENTRY_MARKER))?;
    elements(ours).for_each(|e| e.remove());
    Ok(())
}

/// Ensures both entries exist with current URLs, in place: right after GitLab's neighbour item
/// (else after the group's last item). Returns the Gitpod URL.
fn place_entries(
    doc: &Document,
    anchor: &Anchor,
    control: &Element,
    group: &Element,
    page: &GitLabUrl,
    settings: &Settings,
    text: &PageText,
) -> Result<String, JsValue> {
    let neighbour = first_in(group, anchor.neighbour);
    let mut previous = neighbour.clone().or_else(|| last_gitlab_item(group));
    // The item whose markup ours copy: the neighbour, else any plain item of the group (a link
    // or button of its own, not a row of buttons like "Visual Studio Code: SSH | HTTPS").
    let template = neighbour.clone().or_else(|| {
        let plain = [":scope > li:not([", ENTRY_MARKER, "]):has(> a, > button)"].concat();
        group.query_selector(&plain).ok().flatten()
    });
    let divider = match anchor.choice {
        Choice::Select(split) => group.query_selector(
            &[
                ":scope > :is(",
                split.divider,
                "):not([",
                ENTRY_MARKER,
                "])",
            ]
            .concat(),
        )?,
        Choice::Navigate | Choice::Beside => None,
    };
    let mut main_href = String::new();
    for (action, mode, testid, with_options) in ENTRIES {
        let href = settings.target.url(page, mode);
        let entry = match control.query_selector(&action_selector(action))? {
            Some(existing) => existing,
            None => {
                let label = text.label(anchor.label, settings.target.name(), with_options);
                let description = if with_options {
                    text.options_description()
                } else {
                    text.description()
                };
                let item = match template.as_ref() {
                    Some(template) => copy_item(doc, anchor, template, &label, description)?,
                    None => None,
                };
                let item = match item {
                    Some(item) => item,
                    None => build_item(doc, &label)?,
                };
                item.set_attribute(ENTRY_MARKER, "")?;
                item.set_attribute(ACTION_ATTR, action)?;
                item.set_attribute("data-testid", testid)?;
                item
            }
        };
        set_target(anchor, &entry, &href, settings.open_in_new_tab)?;
        // Where GitLab divides its items (split button), each of ours follows a divider too.
        if let Some(divider) = &divider {
            let sep_attr = [SEPARATOR_ATTR, "=\"", action, "\""].concat();
            let sep = match control.query_selector(&["[", &sep_attr, "]"].concat())? {
                Some(existing) => existing,
                None => {
                    let copy: Element = divider.clone_node_with_deep(true)?.dyn_into()?;
                    strip_identity(&copy)?;
                    copy.set_attribute(ENTRY_MARKER, "")?;
                    copy.set_attribute(SEPARATOR_ATTR, action)?;
                    copy
                }
            };
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
        .query_selector_all(&[":scope > li:not(", &attr_selector(ENTRY_MARKER), ")"].concat())
        .ok()
}

fn last_gitlab_item(group: &Element) -> Option<Element> {
    let items = gitlab_items(group)?;
    items.item(items.length().checked_sub(1)?)?.dyn_into().ok()
}

/// Our item as a copy of GitLab's `template` item: same elements and classes, its first text
/// replaced by our label and its second (the description line, where it has one) by ours; what
/// identifies GitLab's item (ids, test ids, tracking) and shortcut hints left out. `None` where
/// the template has no text to replace.
fn copy_item(
    doc: &Document,
    anchor: &Anchor,
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
    // The element that acts: a link where items navigate, a button where they only select.
    if let Some(acting) = item.query_selector("a, button")? {
        let want = match anchor.choice {
            Choice::Select(_) => "button",
            Choice::Navigate | Choice::Beside => "a",
        };
        if !acting.tag_name().eq_ignore_ascii_case(want) {
            retag(doc, &acting, want)?;
        }
    }
    if let Choice::Select(split) = anchor.choice {
        if let Some(check) = item.query_selector(split.check)? {
            set_check(split, &check, false)?;
        }
    }
    Ok(Some(item))
}

/// A copy of GitLab's `template` element without what identifies it (ids, test ids, tracking,
/// any state of ours), its active look, or its shortcut hints.
fn copy_of(template: &Element) -> Result<Element, JsValue> {
    let copy: Element = template.clone_node_with_deep(true)?.dyn_into()?;
    let drops = [COPY_DROPS, ",[", MARK_ATTR, "]"].concat();
    elements(copy.query_selector_all(&drops)?).for_each(|e| e.remove());
    let inner = elements(copy.query_selector_all("*")?).collect::<Vec<_>>();
    for e in std::iter::once(&copy).chain(&inner) {
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
/// it (class, tab index, role) and its children.
fn retag(doc: &Document, e: &Element, tag: &str) -> Result<(), JsValue> {
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
    e.replace_with_with_node_1(&new)
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

/// Where the entry leads: its link's href (and tab), or, where items only select, the URL the
/// primary button takes when ours is selected.
fn set_target(anchor: &Anchor, entry: &Element, href: &str, new_tab: bool) -> Result<(), JsValue> {
    match anchor.choice {
        Choice::Navigate | Choice::Beside => match entry.query_selector("a")? {
            Some(link) => set_link(&link, href, new_tab),
            None => Ok(()),
        },
        Choice::Select(_) => set_if_changed(entry, HREF_ATTR, Some(href)),
    }
}

pub fn set_link(link: &Element, href: &str, new_tab: bool) -> Result<(), JsValue> {
    set_if_changed(link, "href", Some(href))?;
    set_if_changed(link, "target", new_tab.then_some("_blank"))?;
    set_if_changed(link, "rel", new_tab.then_some("noopener noreferrer"))
}

/// Sets (or, with `None`, removes) an attribute only when it differs: no needless mutations.
fn set_if_changed(e: &Element, name: &str, value: Option<&str>) -> Result<(), JsValue> {
    match (e.get_attribute(name), value) {
        (Some(old), Some(new)) if old == new => Ok(()),
        (_, Some(new)) => e.set_attribute(name, new),
        (Some(_), None) => e.remove_attribute(name),
        (None, None) => Ok(()),
    }
}

/// Marks the remembered action's item: a "Last used" text after its label (a visible badge in
/// dropdowns; beside a split button's check mark, for screen readers only), and in a split
/// button GitLab's check mark and primary button follow it.
fn mark_last(
    doc: &Document,
    anchor: &Anchor,
    control: &Element,
    group: &Element,
    last: &str,
    settings: &Settings,
    text: &PageText,
) -> Result<(), JsValue> {
    let chosen = find_item(group, last, settings.gitpod_origin().as_str());
    let marked = control.query_selector(&attr_selector(LAST_MARKER))?;
    if marked != chosen {
        if let Some(old) = &marked {
            old.remove_attribute(LAST_MARKER)?;
            elements(old.query_selector_all(&attr_selector(MARK_ATTR))?).for_each(|m| m.remove());
        }
        if let Some(item) = &chosen {
            item.set_attribute(LAST_MARKER, "")?;
        }
    }
    if let Some(item) = &chosen {
        // Also after GitLab re-rendered the item's inside.
        if item.query_selector(&attr_selector(MARK_ATTR))?.is_none() {
            add_mark(doc, anchor, item, text)?;
        }
    }
    if let Choice::Select(split) = anchor.choice {
        let ours = chosen.filter(|c| c.has_attribute(ENTRY_MARKER));
        sync_split(
            split,
            control,
            group,
            ours.as_ref(),
            settings.open_in_new_tab,
        )?;
    }
    Ok(())
}

fn add_mark(
    doc: &Document,
    anchor: &Anchor,
    item: &Element,
    text: &PageText,
) -> Result<(), JsValue> {
    let Some(label) = text_nodes(item).first().and_then(Node::parent_element) else {
        return Ok(());
    };
    let mark = doc.create_element("span")?;
    mark.set_attribute(MARK_ATTR, "")?;
    match anchor.choice {
        Choice::Navigate | Choice::Beside => {
            // GitLab UI's neutral badge, a space after the label (a gap no CSS can take away).
            let badge = el(
                doc,
                "span",
                &[("class", "gl-badge badge badge-pill badge-neutral")],
            )?;
            badge.set_text_content(Some(text.last_used()));
            mark.append_with_str_1(" ")?;
            mark.append_child(&badge)?;
        }
        Choice::Select(_) => {
            // The check mark shows it; screen readers read this (visually hidden in every era).
            mark.set_attribute("class", "gl-sr-only sr-only")?;
            mark.append_with_str_1(" ")?;
            mark.append_with_str_1(text.last_used_sr())?;
        }
    }
    label.append_child(&mark)?;
    Ok(())
}

/// The split button shows our selected action: the primary's text and href become ours and
/// GitLab's check mark moves to our item. GitLab's own text and href are kept on the primary
/// and put back (text node and attributes, which Vue still owns) when one of GitLab's actions
/// is chosen again, so Vue's later updates land where it expects them.
fn sync_split(
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
                let in_ours = i.closest(&attr_selector(ENTRY_MARKER)).ok().flatten();
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
                    .closest(&attr_selector(LAST_MARKER))
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

/// The primary's attributes kept while ours is shown (`=value`, or empty where it had none).
const PRIMARY_SAVED: [(&str, &str); 3] = [
    ("href", PRIMARY_HREF_ATTR),
    ("target", "data-gitpod-ext-primary-target"),
    ("rel", "data-gitpod-ext-primary-rel"),
];

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

/// The item of `group` that performs `action`.
fn find_item(group: &Element, action: &str, origin: &str) -> Option<Element> {
    if let Some(ours) = group
        .query_selector(&action_selector(action))
        .ok()
        .flatten()
    {
        return Some(ours);
    }
    elements(gitlab_items(group)?).find(|li| item_action(li, origin).as_deref() == Some(action))
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
                        .is_some_and(|e| e.has_attribute(MARK_ATTR));
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
