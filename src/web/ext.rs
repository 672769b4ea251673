//! Extension APIs shared by every context: typed messages and settings over `chrome.*`
//! (through `web-extensions-sys`).

use crate::messages::{Reply, Request};
use crate::settings::{Settings, StoredSettings, SETTINGS_KEY};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_extensions_sys::chrome;

/// Sends a typed request to the background worker and decodes its typed reply.
#[allow(dead_code)] // not every context sends
pub async fn request(req: &Request) -> Result<Reply, String> {
    let msg = serde_wasm_bindgen::to_value(req).map_err(|e| e.to_string())?;
    let raw = chrome()
        .runtime()
        .send_message(None, &msg, None)
        .await
        .map_err(js_text)?;
    serde_wasm_bindgen::from_value(raw).map_err(|e| format!("unreadable reply: {e}"))
}

/// Reads the settings; whatever storage holds (nothing, garbage, an old schema, a failing
/// area), the result is usable.
#[allow(dead_code)]
pub async fn load_settings() -> Settings {
    let raw: StoredSettings = load(SETTINGS_KEY).await.unwrap_or_default();
    Settings::from_stored(&raw)
}

/// Reads and decodes one storage key: `sync` first, `local` where sync is unavailable.
/// None where it is missing or does not decode.
pub async fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let storage = chrome().storage();
    let key = JsValue::from_str(key);
    let found = match storage.sync().get(&key).await {
        Ok(v) => Ok(v),
        Err(_) => storage.local().get(&key).await,
    };
    let value = Reflect::get(&found.ok()?, &key).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// Writes one storage key: `sync` first, `local` where sync refuses (unavailable, quota).
pub async fn save<T: serde::Serialize + ?Sized>(key: &str, value: &T) -> Result<(), String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).map_err(|e| e.to_string())?;
    let items = js_sys::Object::new();
    Reflect::set(&items, &JsValue::from_str(key), &value).map_err(js_text)?;
    let storage = chrome().storage();
    if storage.sync().set(&items).await.is_ok() {
        return Ok(());
    }
    storage
        .local()
        .set(&items)
        .await
        .map(|_| ())
        .map_err(js_text)
}

/// A JS error (or anything thrown) as one line of text.
pub fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
