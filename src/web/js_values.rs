//! Stored values read and written as plain JS values, without serde: the content script's path
//! (serde-wasm-bindgen and its formatting would triple its wasm). The worker and popup keep
//! the serde path in `ext`; both feed the same pure decoders (`Settings::from_stored`,
//! `LastActions::from_stored`), so corrupted storage is handled the same everywhere.

use crate::last_action::StoredLastActions;
use crate::settings::{Loose, StoredSettings};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Any JS value as a `Loose` (what the serde decoder makes of it).
pub fn loose(value: &JsValue) -> Loose {
    if value.is_undefined() {
        Loose::Missing
    } else if let Some(b) = value.as_bool() {
        Loose::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Loose::Number(n)
    } else if let Some(s) = value.as_string() {
        Loose::Text(s)
    } else {
        Loose::Other
    }
}

fn plain_object(value: &JsValue) -> Option<&Object> {
    (value.is_object() && !Array::is_array(value)).then(|| value.unchecked_ref())
}

fn get(obj: &Object, key: &str) -> Loose {
    Reflect::get(obj, &JsValue::from_str(key)).map_or(Loose::Missing, |v| loose(&v))
}

/// The settings object as stored (anything that is not an object reads as empty).
pub fn stored_settings(value: &JsValue) -> StoredSettings {
    let Some(obj) = plain_object(value) else {
        return StoredSettings::default();
    };
    StoredSettings {
        schema: get(obj, "schema"),
        target: get(obj, "target"),
        gitpod_origin: get(obj, "gitpod_origin"),
        target_name: get(obj, "target_name"),
        open_in_new_tab: get(obj, "open_in_new_tab"),
        toolbar_opens_directly: get(obj, "toolbar_opens_directly"),
    }
}

/// The `{host: action}` object as stored; values of any type, decided on by the core.
pub fn stored_last_actions(value: &JsValue) -> StoredLastActions {
    let mut pairs = Vec::new();
    if let Some(obj) = plain_object(value) {
        for entry in Object::entries(obj).iter() {
            let pair: Array = entry.unchecked_into();
            if let Some(key) = pair.get(0).as_string() {
                pairs.push((key, loose(&pair.get(1))));
            }
        }
    }
    StoredLastActions(pairs)
}

/// String pairs as a plain JS object.
pub fn string_map(pairs: &[(String, String)]) -> Object {
    let obj = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    obj
}
