//! Extension APIs of the worker and the popup: typed messages, serde-decoded storage and
//! settings over `chrome.*` (through `web-extensions-sys`), tabs, and small conversions. What
//! the content script needs too (serde-free) is `storage`'s.

use super::storage::item;
pub use super::storage::{js_text, load_synced_keys, save_js};
use crate::hosts::{EnabledHosts, HOSTS_KEY};
use crate::last_action::{LastActions, StoredLastActions, LAST_ACTION_KEY};
use crate::messages::{Reply, Request};
use crate::settings::{Loose, Settings, StoredSettings, SETTINGS_KEY};
use js_sys::{Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_extensions_sys::{chrome, StorageArea};

/// Sends a typed request to the background worker and decodes its typed reply.
pub async fn request(req: &Request) -> Result<Reply, String> {
    let msg = to_js(req);
    let raw = chrome()
        .runtime()
        .send_message(None, &msg, None)
        .await
        .map_err(js_text)?;
    serde_wasm_bindgen::from_value(raw).map_err(|e| format!("unreadable reply: {e}"))
}

/// Where a value that does not follow the user lives (settings and choices do: `load_synced`,
/// `save`): a connect flow stays on this device (`local`), per-tab notes die with the browser
/// session (`session`).
#[derive(Clone, Copy)]
pub enum Area {
    Local,
    Session,
}

fn area(which: Area) -> StorageArea {
    let storage = chrome().storage();
    match which {
        Area::Local => storage.local(),
        Area::Session => storage.session(),
    }
}

/// Reads the settings; whatever storage holds (nothing, garbage, an old schema, a failing
/// area), the result is usable.
pub async fn load_settings() -> Settings {
    let raw: StoredSettings = load(SETTINGS_KEY).await.unwrap_or_default();
    Settings::from_stored(&raw)
}

pub async fn load_last_actions() -> LastActions {
    let raw: StoredLastActions = load(LAST_ACTION_KEY).await.unwrap_or_default();
    LastActions::from_stored(&raw)
}

pub async fn load_hosts() -> EnabledHosts {
    let raw: Vec<Loose> = load(HOSTS_KEY).await.unwrap_or_default();
    EnabledHosts::from_stored(&raw)
}

/// Reads and decodes one key of the synced storage: `sync` first, `local` where sync is
/// unavailable. None where it is missing or does not decode.
pub async fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(load_synced(key).await?).ok()
}

/// One key of the synced storage, undecoded (None where missing or unreadable): `sync`, else
/// `local`, where `save_js` puts what `sync` refused.
pub async fn load_synced(key: &str) -> Option<JsValue> {
    let [value] = load_synced_keys([key]).await;
    value
}

/// Reads one key of one area, undecoded (`undefined` when missing or unreadable).
pub async fn load_raw(which: Area, key: &str) -> JsValue {
    let key = JsValue::from_str(key);
    match area(which).get(&key).await {
        Ok(found) => Reflect::get(&found, &key).unwrap_or(JsValue::UNDEFINED),
        Err(_) => JsValue::UNDEFINED,
    }
}

pub async fn load_from<T: serde::de::DeserializeOwned>(which: Area, key: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(load_raw(which, key).await).ok()
}

/// Writes one key: `sync` first, `local` where sync refuses (unavailable, over its quota).
pub async fn save<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<(), String> {
    save_js(key, &to_js(value)).await
}

pub async fn save_to<T: Serialize + ?Sized>(
    which: Area,
    key: &str,
    value: &T,
) -> Result<(), String> {
    let items = item(key, &to_js(value))?;
    area(which).set(&items).await.map(|_| ()).map_err(js_text)
}

/// Every key stored in an area.
pub async fn keys(which: Area) -> Vec<String> {
    match area(which).get(&JsValue::NULL).await {
        Ok(all) => Object::keys(all.unchecked_ref::<Object>())
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
        Err(_) => Vec::new(),
    }
}

pub async fn remove_from(which: Area, key: &str) {
    let _ = area(which).remove(&JsValue::from_str(key)).await;
}

/// Writes an object over what is stored under `key`, keeping fields this version does not
/// know (written by a newer version): a downgrade must not lose a user's settings.
pub async fn save_merged<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<(), String> {
    let stored = load_synced(key).await;
    let merged = Object::new();
    if let Some(old) = stored.filter(|v| v.is_object() && !js_sys::Array::is_array(v)) {
        Object::assign(&merged, old.unchecked_ref());
    }
    Object::assign(&merged, to_js(value).unchecked_ref());
    save_js(key, &merged).await
}

/// A Rust value as a plain JS object (maps as objects, `None` as `null`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::UNDEFINED)
}

/// `to_js` for the `Object` parameters of `chrome.*` calls.
pub fn to_obj<T: Serialize + ?Sized>(value: &T) -> Object {
    to_js(value).dyn_into().unwrap_or_default()
}

/// Awaits a hand-bound `chrome.*` call (see `bindings`).
pub async fn settle(call: Result<Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(call.map_err(js_text)?)
        .await
        .map_err(js_text)
}

/// The active tab of the current window (for the worker: the last focused one).
pub async fn active_tab() -> Option<JsValue> {
    let query = to_obj(&serde_json::json!({ "active": true, "currentWindow": true }));
    let tabs: js_sys::Array = chrome().tabs().query(&query).await.ok()?.dyn_into().ok()?;
    Some(tabs.get(0)).filter(|t| t.is_object())
}

/// A tab's id, from a `Tab` object or a bare number.
pub fn tab_id(tab: &JsValue) -> Option<i32> {
    let id = if tab.is_object() {
        field(tab, "id")?
    } else {
        tab.clone()
    };
    id.as_f64()
        .filter(|v| v.fract() == 0.0 && *v >= 0.0)
        .map(|v| v as i32)
}

/// A tab's URL, when the browser shows it to us (host permission or activeTab).
pub fn tab_url(tab: &JsValue) -> Option<String> {
    field(tab, "url")?.as_string()
}

/// Awaits a call answering a yes/no question (`permissions.request`, `.contains`): only a
/// plain `true` is yes; a rejection or anything else is no.
pub async fn settle_yes(call: Result<Promise, JsValue>) -> bool {
    settle(call).await.ok().and_then(|v| v.as_bool()) == Some(true)
}

/// A property of a JS object, if present and not null.
pub fn field(obj: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(obj, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}
