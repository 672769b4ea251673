//! Typed requests from our content scripts and popup. Anything else (another extension, a web
//! page, a malformed or oversized message, a privileged request from a content script) gets an
//! error reply and is not acted on.

use super::super::i18n::t;
use super::{bindings, connect_flow, ext, menus, open, self_hosted};
use crate::blocked::{blocked_key, tab_of_key, BlockedNote};
use crate::loose::{FromLoose, ToLoose};
use crate::messages::{Reply, Request};
use crate::settings::{Settings, SETTINGS_KEY};
use crate::VERSION;
use ext::{tab_id, tab_url};
use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_extensions_sys::chrome;

/// Keeps the channel open (returns true) and replies once the request is done.
pub fn on_message(msg: JsValue, sender: JsValue, respond: Function) -> bool {
    spawn_local(async move {
        let reply = answer(msg, &sender).await;
        let _ = respond.call1(&JsValue::NULL, &ext::to_js(&reply.to_loose()));
    });
    true
}

async fn answer(msg: JsValue, sender: &JsValue) -> Reply {
    if !from_this_extension(sender) {
        return Reply::error("unknown sender");
    }
    let request = match Request::from_loose(&ext::to_loose(&msg)) {
        Ok(r) => r,
        Err(_) => return Reply::error("malformed request"),
    };
    if let Err(e) = request.validate() {
        return Reply::error(e);
    }
    let privileged = !matches!(
        request,
        Request::Ping {} | Request::ContentBlocked { .. } | Request::ContentWasm {}
    );
    if privileged && !from_extension_page(sender) {
        return Reply::error("not allowed from a web page");
    }
    let done = |r: Result<(), String>| r.map_or_else(Reply::error, |_| Reply::Done);
    match request {
        Request::Ping {} => Reply::Pong {
            version: VERSION.to_string(),
        },
        Request::ContentBlocked { reason } => {
            let tab = ext::field(sender, "tab").unwrap_or(JsValue::UNDEFINED);
            done(content_blocked(&tab, &reason).await)
        }
        Request::ContentWasm {} => content_wasm()
            .await
            .map_or_else(Reply::error, |base64| Reply::Wasm { base64 }),
        Request::Open { url, mode, tab_id } => done(open::open_page(&url, mode, tab_id).await),
        Request::Connect { host } => done(connect_flow::start(&host).await),
        Request::SaveSettings {
            target,
            host_targets,
            flags,
        } => done(match Settings::from_form(&target, &host_targets, flags) {
            Ok(settings) => save_settings(settings).await,
            Err(e) => Err(e),
        }),
        Request::EnableHost { origin, tab_id } => {
            let enabled = self_hosted::enable(&origin, tab_id).await;
            menus::create().await; // the link items follow the hosts
            done(enabled)
        }
        Request::DisableHost { origin } => {
            let disabled = self_hosted::disable(&origin).await;
            menus::create().await;
            done(disabled)
        }
    }
}

async fn save_settings(settings: Settings) -> Result<(), String> {
    ext::save_merged(SETTINGS_KEY, &settings.to_stored()).await?;
    open::apply_toolbar_mode(&settings).await;
    menus::create().await; // "Open link in <name>", per host
    Ok(())
}

/// The page's CSP kept the content script from starting: note it for the popup (for this tab
/// and URL only) and say so on the toolbar button.
async fn content_blocked(tab: &JsValue, reason: &str) -> Result<(), String> {
    let (Some(id), Some(url)) = (tab_id(tab), tab_url(tab)) else {
        return Err("not from a tab".into());
    };
    let note = BlockedNote {
        url,
        reason: reason.to_string(),
    };
    ext::save_to(ext::Area::Session, &blocked_key(id), &note).await?;
    drop_notes_of_closed_tabs().await;
    let title = crate::loose!({
        "tabId": id,
        "title": (t("blocked_title", &[])),
    });
    ext::settle(super::bindings::set_action_title(&ext::to_obj(&title)))
        .await
        .map(|_| ())
}

/// Notes of tabs that are gone are dropped whenever a new note is written (no tab listener
/// wakes the worker for this: notes are few, and die with the session anyway).
async fn drop_notes_of_closed_tabs() {
    for key in ext::keys(ext::Area::Session).await {
        if let Some(tab) = tab_of_key(&key) {
            if chrome().tabs().get(tab).await.is_err() {
                ext::remove_from(ext::Area::Session, &key).await;
            }
        }
    }
}

/// The content wasm as packaged, read from the extension's own origin (always allowed here).
async fn content_wasm() -> Result<String, String> {
    let url = bindings::extension_url(CONTENT_WASM);
    let response: bindings::Response = ext::settle(bindings::fetch(&url)).await?.unchecked_into();
    let buffer = ext::settle(response.array_buffer()).await?;
    Ok(crate::base64::encode(
        &js_sys::Uint8Array::new(&buffer).to_vec(),
    ))
}

/// The packaged content wasm (`cargo xtask build`; web-accessible on gitlab.com).
const CONTENT_WASM: &str = "content.wasm";

/// Only our own content scripts and pages may ask anything of the worker.
fn from_this_extension(sender: &JsValue) -> bool {
    let ours = Reflect::get(&chrome().runtime(), &"id".into())
        .ok()
        .and_then(|v| v.as_string());
    let theirs = ext::field(sender, "id").and_then(|v| v.as_string());
    ours.is_some() && ours == theirs
}

/// Our own pages (the popup), as opposed to content scripts running inside GitLab pages.
fn from_extension_page(sender: &JsValue) -> bool {
    let base = Some(bindings::extension_url(""));
    let url = ext::field(sender, "url").and_then(|v| v.as_string());
    matches!((base, url), (Some(b), Some(u)) if !b.is_empty() && u.starts_with(&b))
}
