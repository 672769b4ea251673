//! The popup's account section: connect the GitLab account of the current tab's host to Gitpod,
//! the outcome of the last attempt, the registration guide for a GitLab Gitpod does not know,
//! and how to disconnect.

use super::super::i18n::{t, LINK_SLOT};
use super::{send_then_close, view, Ctx};
use crate::connect::{applications_url, callback_url, integrations_url, ConnectState};
use crate::gitlab_url::GitLabUrl;
use crate::hosts::is_gitlab_page;
use crate::messages::Request;
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The GitLab the section is about: the current tab's, else gitlab.com.
fn gitlab_origin(ctx: &Ctx) -> String {
    ctx.tab_url
        .as_deref()
        .filter(|u| is_gitlab_page(u, &ctx.hosts))
        .and_then(|u| GitLabUrl::parse(u).ok().map(|p| p.origin().to_string()))
        .or_else(|| {
            let origin = ctx
                .tab_url
                .as_deref()
                .and_then(|u| crate::hosts::site_origin(u).ok())?;
            ctx.hosts.contains(&origin).then_some(origin)
        })
        .unwrap_or_else(|| "https://gitlab.com".to_string())
}

pub fn render(app: &Element, ctx: &Ctx) -> Result<(), JsValue> {
    let origin = gitlab_origin(ctx);
    let host = origin
        .split_once("://")
        .map_or(origin.as_str(), |(_, h)| h)
        .to_string();
    let gitpod = ctx.settings.gitpod_origin();
    let section = view::add(app, "section", &[("id", "account")], "")?;
    view::add(&section, "h2", &[], &t("account_heading", &[]))?;

    if let Some(record) = &ctx.connect {
        let (class, text) = match record.state {
            ConnectState::Pending => ("notice", t("connect_waiting", &[&record.host])),
            ConnectState::Connected => ("notice ok", t("connect_connected", &[&record.host])),
            ConnectState::Failed => (
                "notice warn",
                t(
                    "connect_failed",
                    &[
                        &record.host,
                        &record
                            .message
                            .clone()
                            .unwrap_or_else(|| t("connect_gitpod_error", &[])),
                    ],
                ),
            ),
            ConnectState::Abandoned => ("notice warn", t("connect_abandoned", &[&record.host])),
        };
        view::add(
            &section,
            "p",
            &[
                ("id", "connect-status"),
                ("class", class),
                ("role", "status"),
            ],
            &text,
        )?;
        if record.state != ConnectState::Connected {
            let p = view::add(&section, "p", &[("class", "small")], "")?;
            view::sentence(
                &p,
                "connect_also_from",
                &[LINK_SLOT],
                "integrations-link",
                &integrations_url(gitpod),
                &t("connect_integrations_page", &[]),
            )?;
        }
    }

    let button = view::add(
        &section,
        "button",
        &[
            ("id", "connect"),
            ("type", "button"),
            ("class", "secondary"),
        ],
        &t("connect_button", &[&host]),
    )?;
    let h = host.clone();
    EventListener::new(&button, "click", move |_| {
        send_then_close(
            Request::Connect { host: h.clone() },
            t("error_could_not_connect", &[]),
        );
    })
    .forget();

    if host != "gitlab.com" {
        let guide = view::add(&section, "details", &[("id", "register-guide")], "")?;
        view::add(&guide, "summary", &[], &t("guide_summary", &[&host]))?;
        let steps = view::add(&guide, "ol", &[], "")?;
        let li = view::add(&steps, "li", &[], "")?;
        view::sentence(
            &li,
            "guide_step_integrations",
            &[LINK_SLOT, &origin],
            "guide-integrations",
            &integrations_url(gitpod),
            &t("guide_integrations", &[]),
        )?;
        let li = view::add(&steps, "li", &[], "")?;
        view::sentence(
            &li,
            "guide_step_application",
            &[LINK_SLOT],
            "guide-applications",
            &applications_url(&origin),
            &t("guide_application", &[]),
        )?;
        view::add(
            &li,
            "code",
            &[("id", "callback-url"), ("class", "gitpod-url")],
            &callback_url(gitpod, &host),
        )?;
        view::add(&steps, "li", &[], &t("guide_step_paste", &[]))?;
    }

    let p = view::add(
        &section,
        "p",
        &[("id", "disconnect"), ("class", "small")],
        "",
    )?;
    view::sentence(
        &p,
        "disconnect",
        &[LINK_SLOT],
        "revoke-link",
        &applications_url(&origin),
        &t("disconnect_link", &[&host]),
    )?;
    Ok(())
}
