//! Self-hosted GitLab: a host the user granted gets our content script registered for it
//! (persisted by the browser, re-checked at every start against the grants), and appears in
//! the "Open link in Gitpod" menu.

use super::super::i18n::t;
use super::{bindings, ext};
use crate::hosts::{
    match_pattern, script_id, site_origin, EnabledHosts, HOSTS_KEY, SCRIPT_ID_PREFIX,
};
use crate::loose;
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Enables `origin` after the popup got the user's grant. The grant itself is checked here:
/// a request without it is refused.
pub async fn enable(origin: &str, tab: Option<i32>) -> Result<(), String> {
    let origin = site_origin(origin).map_err(|e| e.to_string())?;
    if !granted(&origin).await {
        return Err(t("error_no_permission", &[&origin]));
    }
    let mut hosts = ext::load_hosts().await;
    if !hosts.contains(&origin) && !hosts.add(&origin) {
        return Err(t("error_too_many_hosts", &[]));
    }
    ext::save(HOSTS_KEY, hosts.origins()).await?;
    register(&origin).await?;
    // The page the user is looking at gets the entry now, without a reload.
    if let Some(tab) = tab {
        let target = loose!({ "target": { "tabId": tab }, "files": ["content.js"] });
        let _ = web_extensions_sys::chrome()
            .scripting()
            .execute_script(&ext::to_obj(&target))
            .await;
    }
    Ok(())
}

pub async fn disable(origin: &str) -> Result<(), String> {
    let origin = site_origin(origin).map_err(|e| e.to_string())?;
    let mut hosts = ext::load_hosts().await;
    hosts.remove(&origin);
    ext::save(HOSTS_KEY, hosts.origins()).await?;
    unregister(&[script_id(&origin)]).await;
    // Another enabled origin on the same host (other port) still needs the permission.
    let pattern = match_pattern(&origin);
    if !hosts.origins().iter().any(|o| match_pattern(o) == pattern) {
        let perms = loose!({ "origins": [pattern] });
        let _ = ext::settle(bindings::permissions_remove(&ext::to_obj(&perms))).await;
    }
    Ok(())
}

/// Makes registrations match (enabled hosts ∩ granted hosts): a host whose permission the user
/// withdrew in the browser's settings is dropped; a registration the browser lost is redone.
pub async fn reconcile() {
    let stored = ext::load_hosts().await;
    let mut kept = EnabledHosts::default();
    for origin in stored.origins() {
        if granted(origin).await {
            kept.add(origin);
        }
    }
    if kept != stored {
        let _ = ext::save(HOSTS_KEY, kept.origins()).await;
    }
    let registered = registered_ids().await;
    let stale: Vec<String> = registered
        .iter()
        .filter(|id| !kept.origins().iter().any(|o| script_id(o) == **id))
        .cloned()
        .collect();
    unregister(&stale).await;
    for origin in kept.origins() {
        if !registered.contains(&script_id(origin)) {
            let _ = register(origin).await;
        }
    }
}

async fn granted(origin: &str) -> bool {
    let perms = loose!({ "origins": [(match_pattern(origin))] });
    ext::settle_yes(bindings::permissions_contains(&ext::to_obj(&perms))).await
}

async fn register(origin: &str) -> Result<(), String> {
    let id = script_id(origin);
    unregister(std::slice::from_ref(&id)).await;
    let script = loose!([{
        "id": id,
        "matches": [(match_pattern(origin))],
        "js": ["content.js"],
        "runAt": "document_end",
        "persistAcrossSessions": true,
    }]);
    ext::settle(bindings::register_content_scripts(&ext::to_js(&script)))
        .await
        .map(|_| ())
}

async fn unregister(ids: &[String]) {
    if !ids.is_empty() {
        let filter = loose!({ "ids": ids });
        let _ = ext::settle(bindings::unregister_content_scripts(&ext::to_js(&filter))).await;
    }
}

async fn registered_ids() -> Vec<String> {
    let Ok(list) = ext::settle(bindings::registered_content_scripts()).await else {
        return Vec::new();
    };
    list.dyn_into::<Array>()
        .map(|a| {
            a.iter()
                .filter_map(|s| ext::field(&s, "id")?.as_string())
                .filter(|id| id.starts_with(SCRIPT_ID_PREFIX))
                .collect()
        })
        .unwrap_or_default()
}
