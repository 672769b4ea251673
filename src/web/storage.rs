//! Extension storage as every context reads and writes it, as plain JS values (no serde in any
//! wasm: `js_values`): several synced keys in one read,
//! a JS value written where it fits. The worker and popup add their typed readers in `ext`.

use crate::prelude::*;
use core::future::Future;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// `chrome.storage`'s areas and the three calls every context makes, bound here for all of them
// (web-extensions-sys turns std on, and the content wasm is `no_std`, `src/lib.rs`).
#[wasm_bindgen]
extern "C" {
    #[derive(Clone)]
    pub type StorageArea;
    #[wasm_bindgen(thread_local_v2, js_namespace = ["chrome", "storage"], js_name = sync)]
    static SYNC: StorageArea;
    #[wasm_bindgen(thread_local_v2, js_namespace = ["chrome", "storage"], js_name = local)]
    static LOCAL: StorageArea;
    #[cfg(feature = "app")]
    #[wasm_bindgen(thread_local_v2, js_namespace = ["chrome", "storage"], js_name = session)]
    static SESSION: StorageArea;
    #[wasm_bindgen(method, js_name = get, catch)]
    fn get_promise(this: &StorageArea, keys: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, js_name = set, catch)]
    fn set_promise(this: &StorageArea, items: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, js_name = remove, catch)]
    fn remove_promise(this: &StorageArea, keys: &JsValue) -> Result<Promise, JsValue>;
}

/// Each call, to be awaited: its value, or why it failed (thrown or rejected). One future type
/// for the three (`settled`): the content wasm carries one state machine, not three.
impl StorageArea {
    pub fn get(&self, keys: &JsValue) -> impl Future<Output = Result<JsValue, JsValue>> {
        settled(self.get_promise(keys))
    }

    pub fn set(&self, items: &Object) -> impl Future<Output = Result<JsValue, JsValue>> {
        settled(self.set_promise(items))
    }

    pub fn remove(&self, keys: &JsValue) -> impl Future<Output = Result<JsValue, JsValue>> {
        settled(self.remove_promise(keys))
    }
}

async fn settled(call: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(call?).await
}

/// The synced storage: `sync`, and `local` where `sync` is unavailable or over its quota.
fn sync() -> StorageArea {
    SYNC.with(Clone::clone)
}

pub fn local() -> StorageArea {
    LOCAL.with(Clone::clone)
}

/// Per-browser-session notes (the worker's, `ext::Area::Session`).
#[cfg(feature = "app")]
pub fn session() -> StorageArea {
    SESSION.with(Clone::clone)
}

/// Several keys of the synced storage as `load_synced` gives each, in one read per area (the
/// content script's start-up reads two).
pub async fn load_synced_keys<const N: usize>(keys: [&str; N]) -> [Option<JsValue>; N] {
    let mut found: [Option<JsValue>; N] = core::array::from_fn(|_| None);
    for area in [sync(), local()] {
        let missing: js_sys::Array = keys
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(k, _)| JsValue::from_str(k))
            .collect();
        if missing.length() == 0 {
            break;
        }
        let Ok(values) = area.get(&missing).await else {
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

/// `save` for a JS value. Exactly one area holds the key afterwards, so `load_synced` never
/// reads a stale copy: a value that went to `local` is dropped from `sync`, and the other way round.
pub async fn save_js(key: &str, value: &JsValue) -> Result<(), String> {
    let items = item(key, value)?;
    let name = JsValue::from_str(key);
    if sync().set(&items).await.is_ok() {
        let _ = local().remove(&name).await;
        return Ok(());
    }
    local()
        .set(&items)
        .await
        .map_err(|e| ["cannot save: ", &js_text(e)].concat())?;
    let _ = sync().remove(&name).await;
    Ok(())
}

pub(super) fn item(key: &str, value: &JsValue) -> Result<Object, String> {
    let items = Object::new();
    Reflect::set(&items, &JsValue::from_str(key), value).map_err(js_text)?;
    Ok(items)
}

/// A JS error (or anything thrown) as one line of text.
pub fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
