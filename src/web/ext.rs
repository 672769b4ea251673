//! Extension APIs of the worker and the popup: typed messages, typed storage and settings over
//! `chrome.*` (through `web-extensions-sys`), tabs, and small conversions. Values cross as the
//! core's `Loose` (`js_values`), read and written by each type's `FromLoose` / `ToLoose`: no
//! serde. What the content script needs too is `storage`'s.

use super::js_values::{stored_last_actions, stored_settings};
pub use super::js_values::{to_js, to_loose};
use super::storage::{item, local, session, StorageArea};
pub use super::storage::{js_text, load_synced_keys, save_js};
use crate::hosts::{EnabledHosts, HOSTS_KEY};
use crate::last_action::{LastActions, LAST_ACTION_KEY};
use crate::loose::{FromLoose, Loose, ToLoose};
use crate::messages::{Reply, Request};
use crate::settings::{Settings, SETTINGS_KEY};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_extensions_sys::chrome;

/// Sends a typed request to the background worker and decodes its typed reply.
pub async fn request(req: &Request) -> Result<Reply, String> {
    let msg = to_js(&req.to_loose());
    let raw = chrome()
        .runtime()
        .send_message(None, &msg, None)
        .await
        .map_err(js_text)?;
    Reply::from_loose(&to_loose(&raw)).map_err(|e| ["unreadable reply: ", &e].concat())
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
    match which {
        Area::Local => local(),
        Area::Session => session(),
    }
}

/// Reads the settings; whatever storage holds (nothing, garbage, an old schema, a failing
/// area), the result is usable.
pub async fn load_settings() -> Settings {
    let raw = load_synced(SETTINGS_KEY).await.unwrap_or_default();
    Settings::from_stored(&stored_settings(&raw))
}

pub async fn load_last_actions() -> LastActions {
    let raw = load_synced(LAST_ACTION_KEY).await.unwrap_or_default();
    LastActions::from_stored(&stored_last_actions(&raw))
}

pub async fn load_hosts() -> EnabledHosts {
    let raw = load_synced(HOSTS_KEY).await.map(|v| to_loose(&v));
    let origins = match raw {
        Some(Loose::Array(items)) => items,
        _ => Vec::new(),
    };
    EnabledHosts::from_stored(&origins)
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

/// Reads and decodes one key of one area; None where it is missing or does not decode.
pub async fn load_from<T: FromLoose>(which: Area, key: &str) -> Option<T> {
    T::from_loose(&to_loose(&load_raw(which, key).await)).ok()
}

/// Writes one key: `sync` first, `local` where sync refuses (unavailable, over its quota).
pub async fn save<T: ToLoose + ?Sized>(key: &str, value: &T) -> Result<(), String> {
    save_js(key, &to_js(&value.to_loose())).await
}

pub async fn save_to<T: ToLoose + ?Sized>(which: Area, key: &str, value: &T) -> Result<(), String> {
    let items = item(key, &to_js(&value.to_loose()))?;
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
pub async fn save_merged<T: ToLoose + ?Sized>(key: &str, value: &T) -> Result<(), String> {
    let stored = load_synced(key).await;
    let merged = Object::new();
    if let Some(old) = stored.filter(|v| v.is_object() && !js_sys::Array::is_array(v)) {
        Object::assign(&merged, old.unchecked_ref());
    }
    Object::assign(&merged, to_js(&value.to_loose()).unchecked_ref());
    save_js(key, &merged).await
}

/// `to_js` for the `Object` parameters of `chrome.*` calls.
pub fn to_obj(value: &Loose) -> Object {
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
    let query = to_obj(&crate::loose!({ "active": true, "currentWindow": true }));
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
