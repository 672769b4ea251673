//! Stored values read and written as plain JS values, without serde: the content script's path
//! (serde-wasm-bindgen and its formatting would triple its wasm). The worker and popup keep
//! the serde path in `ext`; both feed the same pure decoders (`Settings::from_stored`,
//! `LastActions::from_stored`), so corrupted storage is handled the same everywhere.

use crate::last_action::StoredLastActions;
use crate::settings::{Loose, StoredSettings};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn loose_within(value: &JsValue, depth: u8) -> Loose {
    if value.is_undefined() {
        Loose::Missing
    } else if let Some(b) = value.as_bool() {
        Loose::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Loose::Number(n)
    } else if let Some(s) = value.as_string() {
        Loose::Text(s)
    } else if let Some(obj) = plain_object(value).filter(|_| depth > 0) {
        Loose::Object(
            entries(obj)
                .map(|(k, v)| (k, loose_within(&v, depth - 1)))
                .collect(),
        )
    } else {
        Loose::Other
    }
}

/// An object's own string-keyed entries.
fn entries(obj: &Object) -> impl Iterator<Item = (String, JsValue)> {
    let all = Object::entries(obj);
    (0..all.length()).filter_map(move |i| {
        let pair: Array = all.get(i).unchecked_into();
        pair.get(0).as_string().map(|k| (k, pair.get(1)))
    })
}

fn plain_object(value: &JsValue) -> Option<&Object> {
    (value.is_object() && !Array::is_array(value)).then(|| value.unchecked_ref())
}

/// The settings object as stored, as serde would read it (three levels: the object, its
/// `host_targets`, each host's target); no field is named here.
pub fn stored_settings(value: &JsValue) -> StoredSettings {
    StoredSettings(loose_within(value, 3))
}

/// The `{host: action}` object as stored; values of any type, decided on by the core.
pub fn stored_last_actions(value: &JsValue) -> StoredLastActions {
    let pairs = plain_object(value).map_or_else(Vec::new, |obj| {
        entries(obj)
            .map(|(k, v)| (k, loose_within(&v, 0)))
            .collect()
    });
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
