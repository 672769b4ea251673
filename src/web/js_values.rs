//! Stored values read and written as plain JS values, without serde: the content script's path
//! (serde-wasm-bindgen and its formatting would triple its wasm). The worker and popup keep
//! the serde path in `ext`; both feed the same pure decoders (`Settings::from_stored`,
//! `LastActions::from_stored`), so corrupted storage is handled the same everywhere.

use crate::last_action::StoredLastActions;
use crate::settings::{Loose, StoredSettings};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Any JS value as a `Loose` (what the serde decoder makes of it; objects two levels deep, as
/// `host_targets` is).
pub fn loose(value: &JsValue) -> Loose {
    loose_within(value, 2)
}

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
        editor: get(obj, "editor"),
        workspace_class: get(obj, "workspace_class"),
        host_targets: get(obj, "host_targets"),
        open_in_new_tab: get(obj, "open_in_new_tab"),
        toolbar_opens_directly: get(obj, "toolbar_opens_directly"),
        in_page_entries: get(obj, "in_page_entries"),
    }
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
