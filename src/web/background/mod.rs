//! Background service worker (Chrome) / event page (Firefox). Every listener is registered
//! synchronously in `bg_main`, during the worker's first evaluation: a worker woken by an
//! event must already listen when that event is dispatched.

mod connect_flow;
mod menus;
mod open;
mod requests;
mod self_hosted;

use super::bindings;
use super::ext;
use js_sys::Function;
use wasm_bindgen::closure::WasmClosure;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_extensions_sys::{chrome, EventTarget};

#[wasm_bindgen]
pub fn bg_main() {
    super::start();
    let c = chrome();
    on(
        &c.runtime().on_message(),
        Closure::<dyn FnMut(JsValue, JsValue, Function) -> bool>::new(requests::on_message),
    );
    // Another extension's message is answered with an error (`requests` checks the sender)
    // rather than left to time out; its ports are closed at once.
    bindings::on_message_external(&listener(Closure::<
        dyn FnMut(JsValue, JsValue, Function) -> bool,
    >::new(requests::on_message)));
    bindings::on_connect_external(&listener(Closure::<dyn FnMut(JsValue)>::new(
        |port: JsValue| {
            if let Some(disconnect) =
                ext::field(&port, "disconnect").and_then(|f| f.dyn_into::<Function>().ok())
            {
                let _ = disconnect.call0(&port);
            }
        },
    )));
    on(
        &c.runtime().on_installed(),
        Closure::<dyn FnMut(JsValue)>::new(|details: JsValue| {
            let reason = ext::field(&details, "reason").and_then(|r| r.as_string());
            spawn_local(async move {
                if reason.as_deref() == Some("install") {
                    first_run().await;
                }
                start_up().await
            })
        }),
    );
    bindings::on_startup(&listener(Closure::<dyn FnMut()>::new(|| {
        spawn_local(start_up())
    })));
    connect_flow::register();
    on(
        &c.action().on_clicked(),
        Closure::<dyn FnMut(JsValue)>::new(open::on_toolbar_click),
    );
    let on_command = listener(Closure::<dyn FnMut(JsValue, JsValue)>::new(
        open::on_command,
    ));
    c.commands().on_command().add_listener(&on_command);
    let on_menu = listener(Closure::<dyn FnMut(JsValue, JsValue)>::new(
        menus::on_clicked,
    ));
    c.context_menus().on_clicked().add_listener(&on_menu);
    // The browser's own key and menu dispatch cannot be driven headless; the e2e suite calls
    // these very listeners (and checks `hasListener`). Reachable only from the worker's scope.
    let hooks = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&hooks, &"onCommand".into(), &on_command);
    let _ = js_sys::Reflect::set(&hooks, &"onContextMenuClick".into(), &on_menu);
    let _ = js_sys::Reflect::set(&js_sys::global(), &"gitpodForGitLab".into(), &hooks);
    bindings::on_permissions_removed(&listener(Closure::<dyn FnMut(JsValue)>::new(|_| {
        spawn_local(async {
            self_hosted::reconcile().await;
            menus::create().await;
        })
    })));
}

/// Browser start and extension install/update: state the browser does not keep for us
/// (the toolbar mode, menus) is set again, and self-hosted scripts match the grants.
async fn start_up() {
    open::apply_toolbar_mode(&ext::load_settings().await).await;
    self_hosted::reconcile().await;
    menus::create().await; // for the hosts kept
}

/// Storage key (`storage.local`) of "the first-run page was shown on this device".
const WELCOMED_KEY: &str = "welcomed";

/// First run: the options page, once, so the user chooses where workspaces open. Not on
/// updates (the browser says "update"), nor where settings exist already (synced from another
/// device, or an unpacked copy loaded again at each browser start, which Chromium reports as an
/// install).
async fn first_run() {
    let welcomed: Option<bool> = ext::load_from(ext::Area::Local, WELCOMED_KEY).await;
    if welcomed.is_some()
        || ext::load_synced(crate::settings::SETTINGS_KEY)
            .await
            .is_some()
    {
        return;
    }
    let _ = ext::save_to(ext::Area::Local, WELCOMED_KEY, &true).await;
    let _ = bindings::open_options_page();
}

fn listener<F: ?Sized + WasmClosure>(closure: Closure<F>) -> Function {
    closure.into_js_value().unchecked_into() // lives as long as the worker
}

fn on<F: ?Sized + WasmClosure>(event: &EventTarget, closure: Closure<F>) {
    event.add_listener(&listener(closure));
}
