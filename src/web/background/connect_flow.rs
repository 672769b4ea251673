//! The "connect your GitLab account" flow: Gitpod's authorize page in a tab, watched until it
//! reaches Gitpod's completion page. The record lives in storage: the worker may be stopped
//! while the user signs in, and the popup closes as soon as the tab opens.
//!
//! The tab listeners are registered at every start (an event that wakes the worker must find
//! them) but removed again while no flow is pending: otherwise every tab update in the browser
//! would wake the worker.

use super::{bindings, ext};
use crate::connect::{
    authorize_url, gitlab_host, outcome, ConnectRecord, ConnectState, CONNECT_KEY,
};
use crate::gitpod_target::AccountFlow;
use crate::gitpod_url::GitpodOrigin;
use crate::loose;
use ext::tab_id;
use ext::Area;
use js_sys::Function;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_extensions_sys::chrome;

thread_local! {
    /// `tabs.onUpdated` and `tabs.onRemoved` listeners, kept to add and remove them.
    static LISTENERS: RefCell<Option<(Function, Function)>> = const { RefCell::new(None) };
    /// A flow started by this worker instance: the start-up check must not unhook it.
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Called synchronously from `bg_main`: hooks the tab listeners, then unhooks them unless a
/// flow is pending.
pub fn register() {
    let updated = Closure::<dyn FnMut(JsValue, JsValue, JsValue)>::new(on_tab_updated);
    let removed = Closure::<dyn FnMut(JsValue, JsValue)>::new(on_tab_removed);
    LISTENERS.with(|l| {
        *l.borrow_mut() = Some((
            updated.into_js_value().unchecked_into(),
            removed.into_js_value().unchecked_into(),
        ))
    });
    watch(true);
    spawn_local(async {
        let record: Option<ConnectRecord> = ext::load_from(Area::Local, CONNECT_KEY).await;
        let mut pending = record
            .as_ref()
            .is_some_and(|r| r.state == ConnectState::Pending);
        // A flow whose tab is gone (the browser was restarted) will never finish.
        if let Some(record) = record.filter(|_| pending) {
            let alive = match record.tab_id {
                Some(id) => chrome().tabs().get(id).await.is_ok(),
                None => false,
            };
            if !alive {
                let _ = ext::save_to(Area::Local, CONNECT_KEY, &record.abandoned()).await;
                pending = false;
            }
        }
        if !pending && !STARTED.with(Cell::get) {
            watch(false);
        }
    });
}

fn watch(on: bool) {
    LISTENERS.with(|l| {
        let Some((updated, removed)) = &*l.borrow() else {
            return;
        };
        let tabs = chrome().tabs();
        for (event, listener) in [(tabs.on_updated(), updated), (tabs.on_removed(), removed)] {
            match (on, event.has_listener(listener)) {
                (true, false) => event.add_listener(listener),
                (false, true) => event.remove_listener(listener),
                _ => {}
            }
        }
    });
}

pub async fn start(host: &str) -> Result<(), String> {
    let host = gitlab_host(host).ok_or("not a GitLab host name")?;
    let settings = ext::load_settings().await;
    let target = settings.target_for(&host);
    // gitpod.io and Ona have no connect flow: it would end on Ona's login page.
    if target.capabilities().account != AccountFlow::Connect {
        return Err(format!("{} asks for GitLab access itself", target.name()));
    }
    let origin = target.origin().clone();
    STARTED.with(|s| s.set(true));
    watch(true);
    let tab = chrome()
        .tabs()
        .create(&ext::to_obj(
            &loose!({ "url": (authorize_url(&origin, &host)), "active": true }),
        ))
        .await
        .map_err(ext::js_text)?;
    let id = tab_id(&tab).ok_or("no tab")?;
    ext::save_to(
        Area::Local,
        CONNECT_KEY,
        &ConnectRecord::pending(&host, &origin, id),
    )
    .await?;
    badge("…", "#737278").await;
    // Gitpod may have answered before the record was written (already signed in and
    // authorised): look at the tab once now; later changes arrive through `on_tab_updated`.
    if let Ok(tab) = chrome().tabs().get(id).await {
        if let Some(url) = ext::tab_url(&tab) {
            finish(id, &url).await;
        }
    }
    Ok(())
}

/// `tabs.onUpdated`: fires for every tab; only a URL on a completion page reads storage.
fn on_tab_updated(tab: JsValue, change: JsValue, _details: JsValue) {
    let Some(url) = ext::field(&change, "url").and_then(|u| u.as_string()) else {
        return;
    };
    let Some(id) = tab_id(&tab) else { return };
    if url.contains("/complete-auth") {
        spawn_local(async move { finish(id, &url).await });
    }
}

/// `tabs.onRemoved`: the flow's tab closed before Gitpod answered.
fn on_tab_removed(tab: JsValue, _info: JsValue) {
    let Some(id) = tab_id(&tab) else { return };
    spawn_local(async move {
        if let Some(record) = pending_in(id).await {
            let _ = ext::save_to(Area::Local, CONNECT_KEY, &record.abandoned()).await;
            badge("", "#737278").await;
            done();
        }
    });
}

/// The flow ended: stop waking for tab events.
fn done() {
    STARTED.with(|s| s.set(false));
    watch(false);
}

async fn pending_in(tab: i32) -> Option<ConnectRecord> {
    let record: ConnectRecord = ext::load_from(Area::Local, CONNECT_KEY).await?;
    (record.state == ConnectState::Pending && record.tab_id == Some(tab)).then_some(record)
}

async fn finish(tab: i32, url: &str) {
    let Some(record) = pending_in(tab).await else {
        return;
    };
    let Ok(origin) = GitpodOrigin::parse(&record.origin) else {
        return;
    };
    let Some(result) = outcome(url, &origin) else {
        return;
    };
    let record = record.finished(result);
    let _ = ext::save_to(Area::Local, CONNECT_KEY, &record).await;
    match record.state {
        ConnectState::Connected => badge("✓", "#108548").await,
        _ => badge("!", "#dd2b0e").await,
    }
    let _ = chrome().tabs().remove(&JsValue::from(tab)).await;
    done();
}

/// The toolbar badge tells the outcome until the popup is opened (which clears it).
async fn badge(text: &str, color: &str) {
    let _ = ext::settle(bindings::set_badge_color(&ext::to_obj(
        &loose!({ "color": color }),
    )))
    .await;
    let _ = ext::settle(bindings::set_badge_text(&ext::to_obj(
        &loose!({ "text": text }),
    )))
    .await;
}
