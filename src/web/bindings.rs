//! The few `chrome.*` calls `web-extensions-sys` 0.4 does not bind. Each returns the API's
//! promise; callers await it through `JsFuture` and treat a rejection as "did not happen".

use crate::prelude::*;
use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // chrome.action
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setTitle, catch)]
    pub fn set_action_title(details: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setPopup, catch)]
    pub fn set_action_popup(details: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeText, catch)]
    pub fn set_badge_text(details: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeBackgroundColor, catch)]
    pub fn set_badge_color(details: &Object) -> Result<Promise, JsValue>;

    // chrome.permissions
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = request, catch)]
    pub fn permissions_request(perms: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = contains, catch)]
    pub fn permissions_contains(perms: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = remove, catch)]
    pub fn permissions_remove(perms: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions", "onRemoved"], js_name = addListener)]
    pub fn on_permissions_removed(listener: &Function);

    // chrome.scripting: dynamic content scripts for self-hosted GitLab.
    #[wasm_bindgen(js_namespace = ["chrome", "scripting"], js_name = registerContentScripts, catch)]
    pub fn register_content_scripts(scripts: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "scripting"], js_name = unregisterContentScripts, catch)]
    pub fn unregister_content_scripts(filter: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "scripting"], js_name = getRegisteredContentScripts, catch)]
    pub fn registered_content_scripts() -> Result<Promise, JsValue>;
    // The popup's diagnosis of the current tab (`extension/diagnose.js`).
    #[wasm_bindgen(js_namespace = ["chrome", "scripting"], js_name = executeScript, catch)]
    pub fn execute_script(injection: &JsValue) -> Result<Promise, JsValue>;

    // chrome.runtime: other extensions' messages and ports (refused, see `background`).
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessageExternal"], js_name = addListener)]
    pub fn on_message_external(listener: &Function);
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onConnectExternal"], js_name = addListener)]
    pub fn on_connect_external(listener: &Function);

    // chrome.runtime.getURL: a packaged file's address.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    pub fn extension_url(path: &str) -> String;

    // The worker reads a packaged file (the content wasm, see `Request::ContentWasm`).
    #[wasm_bindgen(js_name = fetch, catch)]
    pub fn fetch(url: &str) -> Result<Promise, JsValue>;
    pub type Response;
    #[wasm_bindgen(method, js_name = arrayBuffer, catch)]
    pub fn array_buffer(this: &Response) -> Result<Promise, JsValue>;

    // chrome.runtime.openOptionsPage: the settings in the browser's options frame.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = openOptionsPage, catch)]
    pub fn open_options_page() -> Result<Promise, JsValue>;

    // chrome.i18n: the browser's language and this extension's messages in it.
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getUILanguage)]
    pub fn ui_language() -> String;
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage)]
    pub fn get_message(name: &str, substitutions: &JsValue) -> String;

    // chrome.runtime.onStartup
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onStartup"], js_name = addListener)]
    pub fn on_startup(listener: &Function);
}
