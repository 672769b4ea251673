//! The popup's account section: connect the GitLab account of the current tab's host to Gitpod,
//! the outcome of the last attempt, the registration guide for a GitLab Gitpod does not know,
//! and how to disconnect.

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
    let gitpod = &ctx.settings.gitpod_origin;
    let section = view::add(app, "section", &[("id", "account")], "")?;
    view::add(&section, "h2", &[], "GitLab account")?;

    if let Some(record) = &ctx.connect {
        let (class, text) = match record.state {
            ConnectState::Pending => (
                "notice",
                format!(
                    "Waiting for Gitpod to connect {}: finish in the Gitpod tab.",
                    record.host
                ),
            ),
            ConnectState::Connected => {
                ("notice ok", format!("Connected {} to Gitpod.", record.host))
            }
            ConnectState::Failed => (
                "notice warn",
                format!(
                    "Connecting {} failed: {}",
                    record.host,
                    record
                        .message
                        .as_deref()
                        .unwrap_or("Gitpod reported an error")
                ),
            ),
            ConnectState::Abandoned => (
                "notice warn",
                format!(
                    "Connecting {} did not complete: the Gitpod tab was closed.",
                    record.host
                ),
            ),
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
            view::text(&p, "You can also connect from ")?;
            view::link(
                &p,
                "integrations-link",
                &integrations_url(gitpod),
                "Gitpod's integrations page",
            )?;
            view::text(&p, ".")?;
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
        &format!("Connect {host} account"),
    )?;
    let h = host.clone();
    EventListener::new(&button, "click", move |_| {
        send_then_close(
            Request::Connect { host: h.clone() },
            "Could not start connecting",
        );
    })
    .forget();

    if host != "gitlab.com" {
        let guide = view::add(&section, "details", &[("id", "register-guide")], "")?;
        view::add(
            &guide,
            "summary",
            &[],
            &format!("First time with {host} in Gitpod?"),
        )?;
        let steps = view::add(&guide, "ol", &[], "")?;
        let li = view::add(&steps, "li", &[], "")?;
        view::text(&li, "In Gitpod, open ")?;
        view::link(
            &li,
            "guide-integrations",
            &integrations_url(gitpod),
            "Integrations",
        )?;
        view::text(
            &li,
            &format!(" → New Integration → GitLab, and enter {origin}."),
        )?;
        let li = view::add(&steps, "li", &[], "")?;
        view::text(&li, "On GitLab, create an ")?;
        view::link(
            &li,
            "guide-applications",
            &applications_url(&origin),
            "application",
        )?;
        view::text(
            &li,
            " with this redirect URL and the scopes api and read_user:",
        )?;
        view::add(
            &li,
            "code",
            &[("id", "callback-url"), ("class", "gitpod-url")],
            &callback_url(gitpod, &host),
        )?;
        view::add(
            &steps,
            "li",
            &[],
            "Paste the application's ID and secret into Gitpod, then connect here.",
        )?;
    }

    let p = view::add(
        &section,
        "p",
        &[("id", "disconnect"), ("class", "small")],
        "",
    )?;
    view::text(&p, "To disconnect, ")?;
    view::link(
        &p,
        "revoke-link",
        &applications_url(&origin),
        &format!("revoke Gitpod's access on {host}"),
    )?;
    view::text(&p, ": disconnecting in Gitpod only drops its token.")?;
    Ok(())
}
