//! The popup's first section: the current tab. A GitLab page gets its Gitpod URL and the launch
//! actions (last one pre-selected); another site gets an offer to enable it.

use super::super::i18n::t;
use super::super::{bindings, ext};
use super::{ask, rerender, send_then_close, view, Ctx, Flash};
use crate::diagnosis::describe;
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::LaunchMode;
use crate::hosts::{is_gitlab_page, match_pattern, site_origin, HostError};
use crate::last_action::mode_for_action;
use crate::loose;
use crate::messages::Request;
use gloo::events::EventListener;
use gloo_utils::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlElement};

/// (mode, button id, message key); the target decides which it offers.
const ACTIONS: [(LaunchMode, &str, &str); 3] = [
    (LaunchMode::Open, "open", "action_open"),
    (LaunchMode::WithOptions, "open-options", "action_options"),
    (LaunchMode::Prebuild, "open-prebuild", "action_prebuild"),
];

pub fn render(app: &Element, ctx: &Ctx, flash: Option<&str>) -> Result<(), JsValue> {
    let section = view::add(app, "section", &[("id", "page")], "")?;
    let Some(url) = ctx.tab_url.as_deref() else {
        view::add(
            &section,
            "p",
            &[("id", "notice"), ("class", "notice")],
            &t("popup_no_web_page", &[]),
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
            &t("popup_blocked", &[]),
        )?;
    }
    if is_gitlab_page(url, &ctx.hosts) {
        match GitLabUrl::parse(url) {
            Ok(page) => actions(&section, ctx, &page)?,
            Err(_) => {
                view::add(
                    &section,
                    "p",
                    &[("id", "notice"), ("class", "notice")],
                    &t("popup_not_project", &[]),
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
                    &t("popup_not_gitlab", &[]),
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
            &{
                let (key, place) = describe(ctx.report.as_ref());
                let place = place.map(|p| t(p, &[])).unwrap_or_default();
                t(key, &[&place])
            },
        )?;
    }
    let target = ctx.settings.target_for(page.host());
    let chosen = Some(mode_for_action(ctx.last.get(page.host())))
        .filter(|m| target.supports(*m))
        .unwrap_or(LaunchMode::Open);
    view::add(
        section,
        "p",
        &[("class", "label")],
        &t("popup_open_this_page", &[target.name()]),
    )?;
    let row = view::add(section, "div", &[("class", "url-row")], "")?;
    let shown = view::add(
        &row,
        "code",
        &[("id", "gitpod-url"), ("class", "gitpod-url")],
        &target.url(page, chosen),
    )?;
    let copy = view::add(
        &row,
        "button",
        &[("id", "copy"), ("type", "button"), ("class", "secondary")],
        &t("popup_copy", &[]),
    )?;
    on_copy(&copy, shown);
    let group = view::add(
        section,
        "div",
        &[
            ("class", "actions"),
            ("role", "group"),
            ("aria-label", &t("action_open", &[target.name()])),
        ],
        "",
    )?;
    for (mode, id, label) in ACTIONS.iter().copied().filter(|a| target.supports(a.0)) {
        let class = if mode == chosen {
            "primary"
        } else {
            "secondary"
        };
        let button = view::add(
            &group,
            "button",
            &[("id", id), ("type", "button"), ("class", class)],
            &t(label, &[target.name()]),
        )?;
        if mode == chosen {
            button.set_attribute("data-preselected", "")?;
        }
        if mode == LaunchMode::Prebuild {
            button.set_attribute("title", &t("action_prebuild_title", &[]))?;
        }
        let href = target.url(page, mode);
        for event in ["mouseenter", "focus"] {
            let href = href.clone();
            EventListener::new(&button, event, move |_| view::set_text("gitpod-url", &href))
                .forget();
        }
        let (url, tab) = (ctx.tab_url.clone().unwrap_or_default(), ctx.tab_id);
        let name = target.name().to_string();
        EventListener::new(&button, "click", move |_| {
            let request = Request::Open {
                url: url.clone(),
                mode,
                tab_id: tab,
            };
            send_then_close(request, t("error_could_not_open", &[&name]));
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
                Ok(_) => b.set_text_content(Some(&t("popup_copied", &[]))),
                Err(_) => {
                    // No clipboard access: select the URL for Ctrl+C.
                    if let (Ok(Some(sel)), Ok(range)) =
                        (window().get_selection(), document().create_range())
                    {
                        let _ = range.select_node_contents(&shown);
                        let _ = sel.remove_all_ranges();
                        let _ = sel.add_range(&range);
                    }
                    b.set_text_content(Some(&t("popup_press_ctrl_c", &[])));
                }
            }
        });
    })
    .forget();
}

/// A site that is not enabled: if it is a GitLab, one click enables it (the permission is
/// requested inside the click, as Firefox requires).
fn offer_enable(section: &Element, ctx: &Ctx, origin: &str) -> Result<(), JsValue> {
    let host = crate::hosts::origin_host(origin);
    view::add(
        section,
        "p",
        &[("id", "notice"), ("class", "notice")],
        &t("popup_unknown_site", &[host]),
    )?;
    let button = view::add(
        section,
        "button",
        &[
            ("id", "enable-host"),
            ("type", "button"),
            ("class", "primary"),
        ],
        &t("popup_enable_on", &[host]),
    )?;
    let (origin, tab) = (origin.to_string(), ctx.tab_id);
    EventListener::new(&button, "click", move |_| {
        let perms = loose!({ "origins": [(match_pattern(&origin))] });
        let request = bindings::permissions_request(&ext::to_obj(&perms));
        let origin = origin.clone();
        spawn_local(async move {
            let granted = ext::settle_yes(request).await;
            let text = if !granted {
                t("popup_not_granted", &[])
            } else {
                match ask(&Request::EnableHost {
                    origin: origin.clone(),
                    tab_id: tab,
                })
                .await
                {
                    Ok(()) => t("popup_enabled_on", &[&origin]),
                    Err(e) => t("popup_not_enabled", &[&e]),
                }
            };
            rerender(Flash::page(text));
        });
    })
    .forget();
    Ok(())
}
