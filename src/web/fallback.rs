//! The fallback button (see `anchors::fallback` for where it goes and why): one GitLab-styled
//! "Gitpod" button on a project code page whose control the anchor table does not know. Never
//! where GitLab shows its own Gitpod item, never twice, never on other pages; it follows the URL
//! like the entries, and goes as soon as a known control appears (`inject` removes it then).

use crate::anchors::fallback::*;
use crate::anchors::{native_markers, ACTION_ATTR, OURS_ATTR};
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_target::GitpodTarget;
use crate::gitpod_url::LaunchMode;
use crate::last_action::GITPOD;
use crate::native_item::opens_gitpod;
use crate::prelude::*;
use crate::settings::Settings;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlAnchorElement};

use super::dom::{attr_selector, elements, set_link};

/// Places or updates the button; `None` (and no button) where the page gets none.
pub fn place(
    doc: &Document,
    page: &GitLabUrl,
    settings: &Settings,
    target: &GitpodTarget,
) -> Result<Option<String>, JsValue> {
    let existing = doc.query_selector(&attr_selector(FALLBACK_ATTR))?;
    let origin = target.origin().as_str();
    if !page.is_code_page() || native_anywhere(doc, origin)? {
        if let Some(button) = existing {
            button.remove();
        }
        return Ok(None);
    }
    let Some((spot, at_end)) = SPOTS
        .iter()
        .find_map(|(sel, end)| doc.query_selector(sel).ok().flatten().map(|s| (s, *end)))
    else {
        return Ok(None);
    };
    let button = match existing {
        Some(button) => button,
        None => build(doc, target.name())?,
    };
    let placed = button.parent_element().is_some_and(|p| p == spot)
        && if at_end {
            button.next_element_sibling().is_none()
        } else {
            button.previous_element_sibling().is_none()
        };
    if !placed {
        if at_end {
            spot.append_with_node_1(&button)?;
        } else {
            spot.prepend_with_node_1(&button)?;
        }
    }
    let href = target.url(page, LaunchMode::Open);
    set_link(&button, &href, settings.flags.open_in_new_tab)?;
    Ok(Some(href))
}

fn build(doc: &Document, name: &str) -> Result<Element, JsValue> {
    let button = doc.create_element("a")?;
    for (k, v) in [
        ("class", BUTTON_CLASSES),
        (OURS_ATTR, ""),
        (FALLBACK_ATTR, ""),
        (ACTION_ATTR, GITPOD),
        ("data-testid", FALLBACK_TESTID),
    ] {
        button.set_attribute(k, v)?;
    }
    let text = doc.create_element("span")?;
    text.set_attribute("class", TEXT_CLASSES)?;
    text.set_text_content(Some(name));
    button.append_child(&text)?;
    Ok(button)
}

/// GitLab's own Gitpod item in any of GitLab's controls and action bars: its markers of every
/// era, or a link there to a Gitpod origin. Links in rendered content (a README's "Open in
/// Gitpod" badge) are not GitLab's item and never count.
fn native_anywhere(doc: &Document, origin: &str) -> Result<bool, JsValue> {
    let markers: Vec<&str> = native_markers().collect();
    let markers = markers.join(",");
    let links = ["a[href*=\"#http\"]:not([", OURS_ATTR, "])"].concat();
    for region in control_regions() {
        for bar in elements(doc.query_selector_all(region)?) {
            if bar.query_selector(&markers)?.is_some() {
                return Ok(true);
            }
            let gitpod = elements(bar.query_selector_all(&links)?).any(|a| {
                a.dyn_ref::<HtmlAnchorElement>()
                    .is_some_and(|a| opens_gitpod(&a.href(), origin))
            });
            if gitpod {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
