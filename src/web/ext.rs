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
    let raw = chrome().runtime().send_message(None, &msg, None).await.map_err(js_text)?;
    serde_wasm_bindgen::from_value(raw).map_err(|e| format!("unreadable reply: {e}"))
}

/// Reads the settings; whatever storage holds (nothing, garbage, an old schema, a failing
/// area), the result is usable. `sync` first, `local` where sync is unavailable.
#[allow(dead_code)]
pub async fn load_settings() -> Settings {
    let storage = chrome().storage();
    let key = JsValue::from_str(SETTINGS_KEY);
    let found = match storage.sync().get(&key).await {
        Ok(v) => Ok(v),
        Err(_) => storage.local().get(&key).await,
    };
    let raw = found
        .ok()
        .and_then(|all| Reflect::get(&all, &key).ok())
        .and_then(|v| serde_wasm_bindgen::from_value::<StoredSettings>(v).ok())
        .unwrap_or_default();
    Settings::from_stored(&raw)
}

/// A JS error (or anything thrown) as one line of text.
pub fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
