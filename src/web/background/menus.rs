//! Context menus: "Open link in Gitpod" on links to GitLab pages, and "Enable on this site" on
//! the toolbar button. Chrome keeps menus across worker restarts, not across updates, so they
//! are created again at install and browser start.

use super::super::i18n::t;
use super::{bindings, ext, open, self_hosted};
use crate::hosts::{link_menu_items, match_pattern, site_origin};
use crate::loose;
use ext::{tab_id, tab_url};
use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_extensions_sys::chrome;

pub const OPEN_LINK: &str = "open-link-in-gitpod";
pub const ENABLE_SITE: &str = "enable-on-this-site";
/// On the toolbar button, in every mode: the options page.
pub const OPEN_SETTINGS: &str = "open-settings";

pub async fn create() {
    let menus = chrome().context_menus();
    menus.remove_all(Some(&check_last_error()));
    let hosts = ext::load_hosts().await;
    let settings = ext::load_settings().await;
    // One item per target GitLab hosts open in; each link matches exactly one of them.
    for item in link_menu_items(OPEN_LINK, &settings, &hosts) {
        let link = loose!({
            "id": (item.id),
            "title": (t("menu_open_link", &[&item.name])),
            "contexts": ["link"],
            "targetUrlPatterns": (item.patterns),
        });
        menus.create(&ext::to_obj(&link), Some(&check_last_error()));
    }
    let site = loose!({
        "id": ENABLE_SITE,
        "title": (t("menu_enable_site", &[])),
        "contexts": ["action"],
    });
    menus.create(&ext::to_obj(&site), Some(&check_last_error()));
    let settings = loose!({
        "id": OPEN_SETTINGS,
        "title": (t("menu_settings", &[])),
        "contexts": ["action"],
    });
    menus.create(&ext::to_obj(&settings), Some(&check_last_error()));
}

pub fn on_clicked(info: JsValue, tab: JsValue) {
    let item = ext::field(&info, "menuItemId").and_then(|v| v.as_string());
    match item.as_deref() {
        Some(id) if id == OPEN_LINK || id.starts_with(&[OPEN_LINK, ":"].concat()) => {
            if let Some(link) = ext::field(&info, "linkUrl").and_then(|v| v.as_string()) {
                spawn_local(async move {
                    if let Err(e) = open::open_link(&link, tab_id(&tab)).await {
                        web_sys::console::info_1(&["Gitpod for GitLab: ", &e].concat().into());
                    }
                });
            }
        }
        Some(ENABLE_SITE) => enable_site(&tab),
        Some(OPEN_SETTINGS) => {
            let _ = bindings::open_options_page();
        }
        _ => {}
    }
}

/// Asks for the site's permission at once, inside the click (Firefox only honours a request
/// made synchronously in the user's gesture), then enables it.
fn enable_site(tab: &JsValue) {
    let Some(origin) = tab_url(tab).and_then(|u| site_origin(&u).ok()) else {
        return; // gitlab.com (always on) or not a web page
    };
    let perms = loose!({ "origins": [(match_pattern(&origin))] });
    let request = bindings::permissions_request(&ext::to_obj(&perms));
    let tab = tab_id(tab);
    spawn_local(async move {
        if ext::settle_yes(request).await && self_hosted::enable(&origin, tab).await.is_ok() {
            create().await; // the link item on the new host's links
        }
    });
}

/// A callback that reads `runtime.lastError`, so an expected failure (an id that already
/// exists after a restart) is not reported as unchecked.
fn check_last_error() -> Function {
    Closure::once_into_js(|| {
        let _ = chrome().runtime().last_error();
    })
    .unchecked_into()
}
