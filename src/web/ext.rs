//! Extension APIs shared by every context: typed messages, storage and settings over
//! `chrome.*` (through `web-extensions-sys`), and small conversions.

#![allow(dead_code)] // each context uses its own subset

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

/// Where a value lives: settings and choices follow the user (`sync`), a connect flow stays
/// on this device (`local`), per-tab notes die with the browser session (`session`).
#[derive(Clone, Copy)]
pub enum Area {
    Sync,
    Local,
    Session,
}

fn area(which: Area) -> StorageArea {
    let storage = chrome().storage();
    match which {
        Area::Sync => storage.sync(),
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

/// Several keys of the synced storage as `load_synced` gives each, in one read per area (the
/// content script's start-up reads two).
pub async fn load_synced_keys<const N: usize>(keys: [&str; N]) -> [Option<JsValue>; N] {
    let mut found: [Option<JsValue>; N] = std::array::from_fn(|_| None);
    for which in [Area::Sync, Area::Local] {
        let missing: js_sys::Array = keys
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(k, _)| JsValue::from_str(k))
            .collect();
        if missing.length() == 0 {
            break;
        }
        let Ok(values) = area(which).get(&missing).await else {
            continue;
        };
        for (key, slot) in keys.iter().zip(found.iter_mut()) {
            if slot.is_none() {
                *slot = Reflect::get(&values, &JsValue::from_str(key))
                    .ok()
                    .filter(|v| !v.is_undefined());
            }
        }
    }
    found
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

/// `save` for a JS value. Exactly one area holds the key afterwards, so `load_synced` never
/// reads a stale copy: a value that went to `local` is dropped from `sync`, and the other way round.
pub async fn save_js(key: &str, value: &JsValue) -> Result<(), String> {
    let items = item(key, value)?;
    let name = JsValue::from_str(key);
    if area(Area::Sync).set(&items).await.is_ok() {
        let _ = area(Area::Local).remove(&name).await;
        return Ok(());
    }
    area(Area::Local)
        .set(&items)
        .await
        .map_err(|e| ["cannot save: ", &js_text(e)].concat())?;
    let _ = area(Area::Sync).remove(&name).await;
    Ok(())
}

pub async fn save_to<T: Serialize + ?Sized>(
    which: Area,
    key: &str,
    value: &T,
) -> Result<(), String> {
    let items = item(key, &to_js(value))?;
    area(which).set(&items).await.map(|_| ()).map_err(js_text)
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

fn item(key: &str, value: &JsValue) -> Result<Object, String> {
    let items = Object::new();
    Reflect::set(&items, &JsValue::from_str(key), value).map_err(js_text)?;
    Ok(items)
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

/// A JS error (or anything thrown) as one line of text.
pub fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
