//! The toolbar popup: the current tab's Gitpod URL and a button that opens it.

use super::ext;
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::{gitpod_url, LaunchMode};
use gloo::events::EventListener;
use gloo::utils::document;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_extensions_sys::chrome;
use web_sys::Element;

#[wasm_bindgen]
pub async fn popup_main() {
    if let Err(e) = render().await {
        gloo::console::error!(format!("Gitpod for GitLab popup: {}", ext::js_text(e)));
    }
}

async fn render() -> Result<(), JsValue> {
    let doc = document();
    let app = doc.get_element_by_id("app").ok_or("no #app")?;
    let settings = ext::load_settings().await;
    let tab_url = active_tab_url().await;
    let page = tab_url.as_deref().map(GitLabUrl::parse);
    match page {
        Some(Ok(page)) => {
            let url = gitpod_url(&settings.gitpod_origin, &page, LaunchMode::Open);
            let label = add(&app, "p", "label", "Open this page in Gitpod:")?;
            label.set_id("target-label");
            let shown = add(&app, "code", "gitpod-url", &url)?;
            shown.set_id("gitpod-url");
            let button = add(&app, "button", "primary", "Open in Gitpod")?;
            button.set_id("open");
            EventListener::new(&button, "click", move |_| {
                let url = url.clone();
                spawn_local(async move {
                    let info = Object::new();
                    let _ = Reflect::set(&info, &"url".into(), &url.into());
                    if chrome().tabs().create(&info).await.is_ok() {
                        let _ = gloo::utils::window().close();
                    }
                });
            })
            .forget();
        }
        Some(Err(e)) => {
            add(&app, "p", "notice", &format!("Nothing to open here: {e}."))?.set_id("notice");
        }
        None => {
            add(
                &app,
                "p",
                "notice",
                "Nothing to open here: this tab is not a GitLab page.",
            )?
            .set_id("notice");
        }
    }
    Ok(())
}

async fn active_tab_url() -> Option<String> {
    let query = Object::new();
    let _ = Reflect::set(&query, &"active".into(), &true.into());
    let _ = Reflect::set(&query, &"currentWindow".into(), &true.into());
    let tabs: Array = chrome().tabs().query(&query).await.ok()?.dyn_into().ok()?;
    let tab = tabs.get(0);
    Reflect::get(&tab, &"url".into()).ok()?.as_string()
}

fn add(parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = document().create_element(tag)?;
    e.set_class_name(class);
    e.set_text_content(Some(text));
    parent.append_child(&e)?;
    Ok(e)
}
