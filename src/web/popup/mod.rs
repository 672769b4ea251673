//! The toolbar popup, acting on the current tab: open it in Gitpod (the host's last action
//! pre-selected), connect the GitLab account, enable a self-hosted GitLab, settings.
//! Reads storage directly; every change goes through the worker, which owns it.

mod account;
mod page;
mod settings_form;
mod view;

use super::i18n::t;
use super::{bindings, ext};
use crate::blocked::{blocked_key, BlockedNote};
use crate::connect::{ConnectRecord, CONNECT_KEY};
use crate::diagnosis::TabReport;
use crate::hosts::EnabledHosts;
use crate::last_action::LastActions;
use crate::loose;
use crate::loose::FromLoose;
use crate::settings::Settings;
use gloo_utils::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Everything the popup shows, read fresh at each render.
pub struct Ctx {
    pub tab_id: Option<i32>,
    pub tab_url: Option<String>,
    pub settings: Settings,
    pub last: LastActions,
    pub hosts: EnabledHosts,
    pub connect: Option<ConnectRecord>,
    /// Why the content script could not start in this tab, if it could not.
    pub blocked: Option<String>,
    /// What the content script did in this tab (`None`: it is not running there).
    pub report: Option<TabReport>,
}

/// A one-line message kept across a re-render (e.g. "Saved.").
#[derive(Default, Clone)]
pub struct Flash {
    pub settings: Option<String>,
    pub page: Option<String>,
}

thread_local! {
    /// Which page this is: the toolbar popup, or the options page (settings only).
    static OPTIONS_PAGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The options page (`options.html`, in the browser's options frame): the same settings form
/// and host list as the popup, always unfolded.
#[wasm_bindgen]
pub async fn options_main() {
    super::start();
    OPTIONS_PAGE.with(|o| o.set(true));
    document().set_title(&t("options_title", &[]));
    render(Flash::default()).await;
}

#[wasm_bindgen]
pub async fn popup_main() {
    super::start();
    // Opening the popup is reading the connect outcome the badge announced.
    let _ = ext::settle(bindings::set_badge_text(&ext::to_obj(
        &loose!({ "text": "" }),
    )))
    .await;
    render(Flash::default()).await;
}

/// Rebuilds the popup from storage. A failure shows one line instead of a broken popup.
pub async fn render(flash: Flash) {
    let Some(app) = document().get_element_by_id("app") else {
        return;
    };
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", &bindings::ui_language());
    }
    let options_page = OPTIONS_PAGE.with(|o| o.get());
    let ctx = load(options_page).await;
    let settings_open =
        view::by_id::<web_sys::Element>("settings").is_some_and(|d| d.has_attribute("open"));
    app.set_text_content(None);
    let built = if options_page {
        settings_form::welcome(&app)
            .and_then(|_| settings_form::form(&app, &ctx, flash.settings.as_deref()))
    } else {
        page::render(&app, &ctx, flash.page.as_deref())
            .and_then(|_| account::render(&app, &ctx))
            .and_then(|_| {
                settings_form::render(&app, &ctx, settings_open, flash.settings.as_deref())
            })
    };
    if let Err(e) = built {
        app.set_text_content(Some(&format!("Gitpod for GitLab: {}", ext::js_text(e))));
    }
}

impl Flash {
    pub fn page(text: impl Into<String>) -> Flash {
        Flash {
            page: Some(text.into()),
            ..Flash::default()
        }
    }
    pub fn settings(text: impl Into<String>) -> Flash {
        Flash {
            settings: Some(text.into()),
            ..Flash::default()
        }
    }
}

pub fn rerender(flash: Flash) {
    spawn_local(render(flash));
}

/// Sends a request that hands over to another tab: the popup closes once the worker has done
/// it, or says why not (`what`: "Could not open Gitpod").
pub fn send_then_close(request: crate::messages::Request, what: String) {
    spawn_local(async move {
        match ask(&request).await {
            Ok(()) => {
                let _ = gloo_utils::window().close();
            }
            Err(e) => rerender(Flash::page(format!("{what}: {e}"))),
        }
    });
}

/// `options_page`: no tab to act on (the options page is not a GitLab page).
async fn load(options_page: bool) -> Ctx {
    let tab = if options_page {
        None
    } else {
        ext::active_tab().await
    };
    let tab_id = tab.as_ref().and_then(ext::tab_id);
    let tab_url = tab.as_ref().and_then(ext::tab_url);
    let blocked = match (tab_id, &tab_url) {
        (Some(id), Some(url)) => blocked_note(id, url).await,
        _ => None,
    };
    let report = match tab_id {
        Some(id) => tab_report(id).await,
        None => None,
    };
    Ctx {
        tab_id,
        tab_url,
        settings: ext::load_settings().await,
        last: ext::load_last_actions().await,
        hosts: ext::load_hosts().await,
        connect: ext::load_from(ext::Area::Local, CONNECT_KEY).await,
        blocked,
        report,
    }
}

/// What the content script reported in the tab (`extension/diagnose.js`, run in its world).
/// `None` where it does not run there, or the tab cannot be scripted.
async fn tab_report(tab: i32) -> Option<TabReport> {
    let injection = ext::to_js(&loose!({
        "target": { "tabId": tab },
        "files": ["diagnose.js"],
    }));
    let promise = bindings::execute_script(&injection).ok()?;
    let results = JsFuture::from(promise).await.ok()?;
    let first = js_sys::Reflect::get(&results, &JsValue::from_f64(0.0)).ok()?;
    let result = js_sys::Reflect::get(&first, &JsValue::from_str("result")).ok()?;
    TabReport::from_loose(&ext::to_loose(&result)).ok()
}

/// The worker's note for this tab, if it is about the page the tab shows now.
async fn blocked_note(tab: i32, url: &str) -> Option<String> {
    let note: BlockedNote = ext::load_from(ext::Area::Session, &blocked_key(tab)).await?;
    note.reason_for(url).map(str::to_string)
}

/// Sends a request to the worker; an error reply becomes `Err(text)`.
pub async fn ask(req: &crate::messages::Request) -> Result<(), String> {
    match ext::request(req).await? {
        crate::messages::Reply::Error { message } => Err(message),
        _ => Ok(()),
    }
}
