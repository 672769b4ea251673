//! The popup's first section: the current tab. A GitLab page gets its Gitpod URL and the launch
//! actions (last one pre-selected); another site gets an offer to enable it.

use super::super::{bindings, ext};
use super::{ask, rerender, send_then_close, view, Ctx, Flash};
use crate::diagnosis::describe;
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::{gitpod_url, LaunchMode};
use crate::hosts::{is_gitlab_page, match_pattern, site_origin, HostError};
use crate::last_action::mode_for_action;
use crate::messages::Request;
use gloo::events::EventListener;
use gloo::utils::{document, window};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlElement};

const ACTIONS: [(LaunchMode, &str, &str); 3] = [
    (LaunchMode::Open, "open", "Open in Gitpod"),
    (LaunchMode::WithOptions, "open-options", "Open with options"),
    (LaunchMode::Prebuild, "open-prebuild", "Prebuild (legacy)"),
];

pub fn render(app: &Element, ctx: &Ctx, flash: Option<&str>) -> Result<(), JsValue> {
    let section = view::add(app, "section", &[("id", "page")], "")?;
    let Some(url) = ctx.tab_url.as_deref() else {
        view::add(
            &section,
            "p",
            &[("id", "notice"), ("class", "notice")],
            "Nothing to open here: this tab shows no web page.",
        )?;
        return Ok(());
    };
    if let Some(reason) = &ctx.blocked {
        view::add(
            &section,
            "p",
            &[
                ("id", "blocked"),
                ("class", "notice warn"),
                ("title", reason),
            ],
            "This page's security policy keeps the Gitpod entry out of GitLab's menus. \
             Open it from here, with the toolbar button or the keyboard shortcut instead.",
        )?;
    }
    if is_gitlab_page(url, &ctx.hosts) {
        match GitLabUrl::parse(url) {
            Ok(page) => actions(&section, ctx, &page)?,
            Err(e) => {
                view::add(
                    &section,
                    "p",
                    &[("id", "notice"), ("class", "notice")],
                    &format!("Nothing to open here: {e}."),
                )?;
            }
        }
    } else {
        match site_origin(url) {
            Ok(origin) => offer_enable(&section, ctx, &origin)?,
            Err(HostError::NotAWebPage | HostError::Builtin) => {
                view::add(
                    &section,
                    "p",
                    &[("id", "notice"), ("class", "notice")],
                    "Nothing to open here: this tab is not a GitLab page.",
                )?;
            }
        }
    }
    if let Some(text) = flash {
        view::add(
            &section,
            "p",
            &[
                ("id", "page-message"),
                ("class", "notice"),
                ("role", "status"),
            ],
            text,
        )?;
    }
    Ok(())
}

fn actions(section: &Element, ctx: &Ctx, page: &GitLabUrl) -> Result<(), JsValue> {
    if ctx.blocked.is_none() {
        // Where the entry is on this page, and why (a user can send this line with a report).
        view::add(
            section,
            "p",
            &[("id", "diagnosis"), ("class", "notice")],
            &describe(ctx.report.as_ref()),
        )?;
    }
    let chosen = mode_for_action(ctx.last.get(page.host()));
    let origin = &ctx.settings.gitpod_origin;
    view::add(
        section,
        "p",
        &[("class", "label")],
        "Open this page in Gitpod:",
    )?;
    let row = view::add(section, "div", &[("class", "url-row")], "")?;
    let shown = view::add(
        &row,
        "code",
        &[("id", "gitpod-url"), ("class", "gitpod-url")],
        &gitpod_url(origin, page, chosen),
    )?;
    let copy = view::add(
        &row,
        "button",
        &[("id", "copy"), ("type", "button"), ("class", "secondary")],
        "Copy",
    )?;
    on_copy(&copy, shown);
    let group = view::add(
        section,
        "div",
        &[
            ("class", "actions"),
            ("role", "group"),
            ("aria-label", "Open in Gitpod"),
        ],
        "",
    )?;
    for (mode, id, label) in ACTIONS {
        let class = if mode == chosen {
            "primary"
        } else {
            "secondary"
        };
        let button = view::add(
            &group,
            "button",
            &[("id", id), ("type", "button"), ("class", class)],
            label,
        )?;
        if mode == chosen {
            button.set_attribute("data-preselected", "")?;
        }
        if mode == LaunchMode::Prebuild {
            button.set_attribute(
                "title",
                "#prebuild/ URLs are no longer accepted by current Gitpod servers",
            )?;
        }
        let target = gitpod_url(origin, page, mode);
        for event in ["mouseenter", "focus"] {
            let target = target.clone();
            EventListener::new(&button, event, move |_| {
                view::set_text("gitpod-url", &target)
            })
            .forget();
        }
        let (url, tab) = (ctx.tab_url.clone().unwrap_or_default(), ctx.tab_id);
        EventListener::new(&button, "click", move |_| {
            let request = Request::Open {
                url: url.clone(),
                mode,
                tab_id: tab,
            };
            send_then_close(request, "Could not open Gitpod");
        })
        .forget();
        if mode == chosen {
            if let Some(b) = button.dyn_ref::<HtmlElement>() {
                let _ = b.focus();
            }
        }
    }
    Ok(())
}

fn on_copy(button: &Element, shown: Element) {
    let b = button.clone();
    EventListener::new(button, "click", move |_| {
        let text = shown.text_content().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&text);
        let (b, shown) = (b.clone(), shown.clone());
        spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(_) => b.set_text_content(Some("Copied")),
                Err(_) => {
                    // No clipboard access: select the URL for Ctrl+C.
                    if let (Ok(Some(sel)), Ok(range)) =
                        (window().get_selection(), document().create_range())
                    {
                        let _ = range.select_node_contents(&shown);
                        let _ = sel.remove_all_ranges();
                        let _ = sel.add_range(&range);
                    }
                    b.set_text_content(Some("Press Ctrl+C"));
                }
            }
        });
    })
    .forget();
}

/// A site that is not enabled: if it is a GitLab, one click enables it (the permission is
/// requested inside the click, as Firefox requires).
fn offer_enable(section: &Element, ctx: &Ctx, origin: &str) -> Result<(), JsValue> {
    let host = origin.split_once("://").map_or(origin, |(_, h)| h);
    view::add(
        section,
        "p",
        &[("id", "notice"), ("class", "notice")],
        &format!("{host} is not a GitLab this extension knows. If it is your self-hosted GitLab, enable the extension there:"),
    )?;
    let button = view::add(
        section,
        "button",
        &[
            ("id", "enable-host"),
            ("type", "button"),
            ("class", "primary"),
        ],
        &format!("Enable on {host}"),
    )?;
    let (origin, tab) = (origin.to_string(), ctx.tab_id);
    EventListener::new(&button, "click", move |_| {
        let perms = json!({ "origins": [match_pattern(&origin)] });
        let request = bindings::permissions_request(&ext::to_obj(&perms));
        let origin = origin.clone();
        spawn_local(async move {
            let granted = ext::settle_yes(request).await;
            let text = if !granted {
                "Not enabled: the permission was not granted.".to_string()
            } else {
                match ask(&Request::EnableHost {
                    origin: origin.clone(),
                    tab_id: tab,
                })
                .await
                {
                    Ok(()) => format!("Enabled on {origin}."),
                    Err(e) => format!("Not enabled: {e}."),
                }
            };
            rerender(Flash::page(text));
        });
    })
    .forget();
    Ok(())
}
