//! Opening GitLab pages in Gitpod from the worker: the popup's buttons, the toolbar button in
//! direct mode, the keyboard shortcut and the link context menu. These run under the
//! extension's own CSP, so they work even where a page's CSP keeps the content script out.

use super::super::i18n::t;
use super::{bindings, ext};
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::LaunchMode;
use crate::hosts::is_gitlab_page;
use crate::last_action::{action_for_mode, mode_for_action, LAST_ACTION_KEY};
use crate::loose;
use crate::loose::Loose;
use crate::settings::Settings;
use ext::{tab_id, tab_url};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_extensions_sys::chrome;

/// The shortcut's name in the manifest's `commands`.
pub const OPEN_COMMAND: &str = "open-in-gitpod";

/// Opens `page_url` in Gitpod: in place of `tab` when the user turned new tabs off, else in a
/// new tab next to it. The mode becomes the host's last action.
pub async fn open_page(page_url: &str, mode: LaunchMode, tab: Option<i32>) -> Result<(), String> {
    let settings = ext::load_settings().await;
    let page = GitLabUrl::parse(page_url).map_err(|e| e.to_string())?;
    let target = settings.target_for(page.host()).url(&page, mode);
    match tab.filter(|_| !settings.flags.open_in_new_tab) {
        Some(id) => chrome()
            .tabs()
            .update(Some(id), &ext::to_obj(&loose!({ "url": target })))
            .await
            .map(|_| ())
            .map_err(ext::js_text)?,
        None => create_next_to(tab, &target).await?,
    }
    remember(page.host(), action_for_mode(mode)).await;
    Ok(())
}

/// "Open link in Gitpod": always a new tab, in the link's host's last mode.
pub async fn open_link(link: &str, from_tab: Option<i32>) -> Result<(), String> {
    if !is_gitlab_page(link, &ext::load_hosts().await) {
        return Err("not a link to an enabled GitLab".into());
    }
    let settings = ext::load_settings().await;
    let page = GitLabUrl::parse(link).map_err(|e| e.to_string())?;
    let mode = remembered_mode(&page).await;
    let target = settings.target_for(page.host());
    create_next_to(from_tab, &target.url(&page, mode)).await
}

async fn create_next_to(tab: Option<i32>, url: &str) -> Result<(), String> {
    let mut props = vec![("url", loose!(url)), ("active", loose!(true))];
    if let Some(id) = tab {
        if let Ok(t) = chrome().tabs().get(id).await {
            if let Some(index) = ext::field(&t, "index").and_then(|i| i.as_f64()) {
                props.push(("index", loose!(index + 1.0)));
            }
            props.push(("openerTabId", loose!(id)));
        }
    }
    chrome()
        .tabs()
        .create(&ext::to_obj(&Loose::object(props)))
        .await
        .map(|_| ())
        .map_err(ext::js_text)
}

/// The launch mode of the page's host's last action (toolbar, shortcut, link menu).
async fn remembered_mode(page: &GitLabUrl) -> LaunchMode {
    mode_for_action(ext::load_last_actions().await.get(page.host()))
}

async fn remember(host: &str, action: &str) {
    let mut last = ext::load_last_actions().await;
    if last.set(host, action) {
        let _ = ext::save(LAST_ACTION_KEY, &last.to_stored()).await;
    }
}

/// Toolbar button in direct mode (no popup set): open the page with the host's last action.
pub fn on_toolbar_click(tab: JsValue) {
    spawn_local(act_on_tab(tab));
}

/// The keyboard shortcut: the same as the toolbar button in direct mode, whatever the mode.
pub fn on_command(command: JsValue, tab: JsValue) {
    if command.as_string().as_deref() != Some(OPEN_COMMAND) {
        return;
    }
    spawn_local(async move {
        let tab = match tab_id(&tab) {
            Some(_) => tab,
            None => ext::active_tab().await.unwrap_or(JsValue::UNDEFINED),
        };
        act_on_tab(tab).await;
    });
}

async fn act_on_tab(tab: JsValue) {
    let (Some(id), Some(url)) = (tab_id(&tab), tab_url(&tab)) else {
        return;
    };
    if is_gitlab_page(&url, &ext::load_hosts().await) {
        if let Ok(page) = GitLabUrl::parse(&url) {
            if open_page(&url, remembered_mode(&page).await, Some(id))
                .await
                .is_ok()
            {
                return;
            }
        }
    }
    // Nothing to open here: show the popup for this tab, which says why (and offers to
    // enable a self-hosted GitLab).
    let popup = loose!({ "tabId": id, "popup": "popup.html" });
    let _ = ext::settle(bindings::set_action_popup(&ext::to_obj(&popup))).await;
    let _ = chrome().action().open_popup(&JsValue::UNDEFINED).await;
}

/// The toolbar button shows the popup, or (setting) acts directly on click.
pub async fn apply_toolbar_mode(settings: &Settings) {
    let popup = if settings.flags.toolbar_opens_directly {
        ""
    } else {
        "popup.html"
    };
    let _ = ext::settle(bindings::set_action_popup(&ext::to_obj(
        &loose!({ "popup": popup }),
    )))
    .await;
    // "Open in Ona" where that is where pages open.
    let title = t("action_open", &[settings.target.name()]);
    let _ = ext::settle(bindings::set_action_title(&ext::to_obj(
        &loose!({ "title": title }),
    )))
    .await;
}
