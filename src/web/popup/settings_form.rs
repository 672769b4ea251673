//! The popup's settings: Gitpod instance URL (validated here and again by the worker), new tab,
//! toolbar mode, and the enabled self-hosted GitLab hosts.

use super::super::{bindings, ext};
use super::{ask, rerender, view, Ctx, Flash};
use crate::gitpod_url::{GitpodOrigin, DEFAULT_GITPOD_ORIGIN};
use crate::hosts::match_pattern;
use crate::messages::Request;
use gloo::events::{EventListener, EventListenerOptions};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlInputElement};

pub fn render(app: &Element, ctx: &Ctx, open: bool, flash: Option<&str>) -> Result<(), JsValue> {
    let details = view::add(app, "details", &[("id", "settings")], "")?;
    if open || flash.is_some() {
        details.set_attribute("open", "")?;
    }
    view::add(&details, "summary", &[], "Settings")?;
    let form = view::add(
        &details,
        "form",
        &[("id", "settings-form"), ("novalidate", "")],
        "",
    )?;
    view::add(
        &form,
        "label",
        &[("for", "gitpod-origin")],
        "Gitpod instance URL",
    )?;
    let s = &ctx.settings;
    view::add(
        &form,
        "input",
        &[
            ("id", "gitpod-origin"),
            ("type", "url"),
            ("value", s.gitpod_origin.as_str()),
            ("placeholder", DEFAULT_GITPOD_ORIGIN),
            ("spellcheck", "false"),
            ("aria-describedby", "settings-message"),
        ],
        "",
    )?;
    checkbox(
        &form,
        "open-in-new-tab",
        "Open Gitpod in a new tab",
        s.open_in_new_tab,
    )?;
    checkbox(
        &form,
        "toolbar-direct",
        "Toolbar button opens the page in Gitpod directly (no popup)",
        s.toolbar_opens_directly,
    )?;
    view::add(
        &form,
        "button",
        &[("id", "save"), ("type", "submit"), ("class", "secondary")],
        "Save",
    )?;
    let class = if flash.is_some_and(|f| !f.starts_with("Saved")) {
        "notice warn"
    } else {
        "notice"
    };
    view::add(
        &form,
        "p",
        &[
            ("id", "settings-message"),
            ("class", class),
            ("role", "status"),
        ],
        flash.unwrap_or(""),
    )?;
    EventListener::new_with_options(
        &form,
        "submit",
        EventListenerOptions::enable_prevent_default(),
        |event| {
            event.prevent_default();
            submit();
        },
    )
    .forget();
    hosts(&details, ctx)
}

fn checkbox(form: &Element, id: &str, label: &str, checked: bool) -> Result<(), JsValue> {
    let l = view::add(form, "label", &[("class", "check")], "")?;
    let input = view::add(&l, "input", &[("id", id), ("type", "checkbox")], "")?;
    if checked {
        input.set_attribute("checked", "")?;
    }
    view::text(&l, label)
}

fn submit() {
    let value = |id: &str| view::by_id::<HtmlInputElement>(id);
    let (Some(origin), Some(new_tab), Some(direct)) = (
        value("gitpod-origin"),
        value("open-in-new-tab"),
        value("toolbar-direct"),
    ) else {
        return;
    };
    let origin = match GitpodOrigin::parse(&origin.value()) {
        Ok(o) => o,
        Err(e) => {
            view::set_text("settings-message", &format!("Gitpod instance URL: {e}."));
            if let Some(m) = view::by_id::<Element>("settings-message") {
                m.set_class_name("notice warn");
            }
            return;
        }
    };
    // Watching the connect flow needs access to the Gitpod origin: asked inside the click.
    let permission = (origin.as_str() != DEFAULT_GITPOD_ORIGIN).then(|| {
        bindings::permissions_request(&ext::to_obj(
            &json!({ "origins": [match_pattern(origin.as_str())] }),
        ))
    });
    let request = Request::SaveSettings {
        gitpod_origin: origin.as_str().to_string(),
        open_in_new_tab: new_tab.checked(),
        toolbar_opens_directly: direct.checked(),
    };
    spawn_local(async move {
        let text = match ask(&request).await {
            Err(e) => format!("Not saved: {e}"),
            Ok(()) => {
                rerender(Flash::settings("Saved."));
                let granted = match permission {
                    Some(p) => ext::settle_yes(p).await,
                    None => true,
                };
                if granted {
                    return;
                }
                format!(
                    "Saved. Without access to {}, connecting cannot tell when Gitpod is done.",
                    origin.as_str()
                )
            }
        };
        rerender(Flash::settings(text));
    });
}

fn hosts(details: &Element, ctx: &Ctx) -> Result<(), JsValue> {
    view::add(details, "h2", &[], "Self-hosted GitLab")?;
    if ctx.hosts.origins().is_empty() {
        view::add(
            details,
            "p",
            &[("id", "no-hosts"), ("class", "small")],
            "None yet. Open a page of your GitLab and choose Enable.",
        )?;
        return Ok(());
    }
    let list = view::add(details, "ul", &[("id", "host-list")], "")?;
    for origin in ctx.hosts.origins() {
        let li = view::add(&list, "li", &[], "")?;
        view::add(&li, "span", &[], origin)?;
        let remove = view::add(
            &li,
            "button",
            &[
                ("type", "button"),
                ("class", "link remove"),
                ("data-origin", origin),
            ],
            "Remove",
        )?;
        let origin = origin.clone();
        EventListener::new(&remove, "click", move |_| {
            let request = Request::DisableHost {
                origin: origin.clone(),
            };
            spawn_local(async move {
                let text = match ask(&request).await {
                    Ok(()) => "Removed.".to_string(),
                    Err(e) => format!("Not removed: {e}"),
                };
                rerender(Flash::settings(text));
            });
        })
        .forget();
    }
    Ok(())
}
