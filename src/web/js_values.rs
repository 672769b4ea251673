//! JS values as the core's [`Loose`] values and back, without serde (serde-wasm-bindgen and
//! its formatting would triple the content wasm, and made a third of the worker's): storage and
//! messages in every context feed the same pure readers (`FromLoose`, `Settings::from_stored`,
//! `LastActions::from_stored`), so corrupted storage and hostile messages are handled the same
//! everywhere.

use crate::last_action::StoredLastActions;
use crate::loose::Loose;
use crate::prelude::*;
use crate::settings::StoredSettings;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Deep enough for every message and stored value (a settings request: the request, its
/// `host_targets` list, one entry, its target); deeper is `Other`.
#[cfg(feature = "app")]
const MAX_DEPTH: u8 = 6;

/// A JS value as the core reads it (a message, a stored value, a script's result).
#[cfg(feature = "app")]
pub fn to_loose(value: &JsValue) -> Loose {
    loose_within(value, MAX_DEPTH)
}

fn loose_within(value: &JsValue, depth: u8) -> Loose {
    if value.is_undefined() {
        Loose::Missing
    } else if value.is_null() {
        Loose::Null
    } else if let Some(b) = value.as_bool() {
        Loose::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Loose::Number(n)
    } else if let Some(s) = value.as_string() {
        Loose::Text(s)
    } else if let Some(items) = array(value).filter(|_| depth > 0) {
        Loose::Array(items.iter().map(|v| loose_within(&v, depth - 1)).collect())
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

/// An array, where the context reads any (the content script reads no stored array: arrays are
/// `Other` there, which keeps their code out of the wasm every GitLab tab loads).
#[cfg(feature = "app")]
fn array(value: &JsValue) -> Option<&Array> {
    Array::is_array(value).then(|| value.unchecked_ref())
}

#[cfg(not(feature = "app"))]
fn array(_: &JsValue) -> Option<&Array> {
    None
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

/// A value as a plain JS value (objects and arrays made anew; `Missing` fields left out).
#[cfg(feature = "app")]
pub fn to_js(value: &Loose) -> JsValue {
    match value {
        Loose::Missing | Loose::Other => JsValue::UNDEFINED,
        Loose::Null => JsValue::NULL,
        Loose::Bool(b) => JsValue::from_bool(*b),
        Loose::Number(n) => JsValue::from_f64(*n),
        Loose::Text(s) => JsValue::from_str(s),
        Loose::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Loose::Object(entries) => {
            let obj = Object::new();
            for (k, v) in entries.iter().filter(|(_, v)| *v != Loose::Missing) {
                let _ = Reflect::set(&obj, &JsValue::from_str(k), &to_js(v));
            }
            obj.into()
        }
    }
}

/// String pairs as a plain JS object.
#[cfg(feature = "content")]
pub fn string_map(pairs: &[(String, String)]) -> Object {
    let obj = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    obj
}
