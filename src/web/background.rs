//! Background service worker (Chrome) / event page (Firefox). Every listener is registered
//! synchronously in `bg_main`, during the worker's first evaluation: a worker woken by a
//! message must already listen when that message is dispatched.

use crate::messages::{Reply, Request};
use crate::VERSION;
use js_sys::{Function, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_extensions_sys::chrome;

#[wasm_bindgen]
extern "C" {
    // Not in web-extensions-sys 0.4: chrome.action.setTitle.
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setTitle, catch)]
    fn set_action_title(details: &Object) -> Result<js_sys::Promise, JsValue>;
}

#[wasm_bindgen]
pub fn bg_main() {
    let on_message = Closure::<dyn FnMut(JsValue, JsValue, Function) -> bool>::new(on_message);
    chrome()
        .runtime()
        .on_message()
        .add_listener(on_message.as_ref().unchecked_ref());
    on_message.forget(); // the worker's lifetime
}

/// Answers synchronously; returns false so the channel closes after the reply.
fn on_message(msg: JsValue, sender: JsValue, respond: Function) -> bool {
    let reply = answer(msg, &sender);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = reply.serialize(&serializer) {
        let _ = respond.call1(&JsValue::NULL, &value);
    }
    false
}

fn answer(msg: JsValue, sender: &JsValue) -> Reply {
    if !from_this_extension(sender) {
        return Reply::error("unknown sender");
    }
    let request: Request = match serde_wasm_bindgen::from_value(msg) {
        Ok(r) => r,
        Err(_) => return Reply::error("malformed request"),
    };
    if let Err(e) = request.validate() {
        return Reply::error(e);
    }
    match request {
        Request::Ping {} => Reply::Pong {
            version: VERSION.to_string(),
        },
        Request::ContentBlocked { .. } => {
            // Tell the user on the toolbar button why nothing appears on this page.
            if let Some(tab_id) = field(sender, "tab").and_then(|t| field(&t, "id")) {
                let details = Object::new();
                let _ = Reflect::set(&details, &"tabId".into(), &tab_id);
                let _ = Reflect::set(
                    &details,
                    &"title".into(),
                    &"Gitpod for GitLab: this page's security policy blocks the in-page Gitpod entry. \
                      Click here to open the page in Gitpod."
                        .into(),
                );
                let _ = set_action_title(&details);
            }
            Reply::Done
        }
    }
}

/// Only our own content scripts and pages may ask anything of the worker.
fn from_this_extension(sender: &JsValue) -> bool {
    let ours = Reflect::get(&chrome().runtime(), &"id".into())
        .ok()
        .and_then(|v| v.as_string());
    let theirs = field(sender, "id").and_then(|v| v.as_string());
    ours.is_some() && ours == theirs
}

fn field(obj: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(obj, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}
