//! The popup's account section, for the current tab's GitLab host and the target its pages open
//! in (`Capabilities::account`, `::guide`): on Gitpod Classic, connect the account, the outcome
//! of the last attempt, the Integrations-page guide for a GitLab Gitpod does not know; on
//! gitpod.io and Ona, what happens instead (Ona asks on the first environment; an admin adds a
//! self-hosted GitLab to a runner) with Ona's own page. Both: how to withdraw access.

use super::super::i18n::{t, LINK_SLOT};
use super::{send_then_close, view, Ctx};
use crate::connect::{applications_url, callback_url, integrations_url, ConnectState};
use crate::gitlab_url::GitLabUrl;
use crate::gitpod_target::{AccountFlow, GitpodTarget, Guide, TargetKind, ONA_GITLAB_DOCS};
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
    let host = crate::hosts::origin_host(&origin).to_string();
    let target = ctx.settings.target_for(&host);
    let section = view::add(app, "section", &[("id", "account")], "")?;
    section.set_attribute("data-flow", target.kind().as_str())?;
    view::add(&section, "h2", &[], &t("account_heading", &[]))?;
    match target.capabilities().account {
        AccountFlow::Connect => connect(&section, ctx, target, &host)?,
        AccountFlow::OnFirstEnvironment => on_first_environment(&section, target, &host)?,
    }
    if host != "gitlab.com" {
        match target.capabilities().guide {
            Guide::Integrations => integrations_guide(&section, target, &origin, &host)?,
            Guide::RunnerHost => runner_guide(&section, &host)?,
        }
    }
    let p = view::add(
        &section,
        "p",
        &[("id", "disconnect"), ("class", "small")],
        "",
    )?;
    let (sentence, link) = match target.capabilities().account {
        AccountFlow::Connect => ("disconnect", "disconnect_link"),
        AccountFlow::OnFirstEnvironment => ("disconnect_ona", "disconnect_link_ona"),
    };
    view::sentence(
        &p,
        sentence,
        &[LINK_SLOT],
        "revoke-link",
        &applications_url(&origin),
        &t(link, &[&host]),
    )?;
    Ok(())
}

/// Gitpod Classic: the connect button and the last attempt's outcome.
fn connect(section: &Element, ctx: &Ctx, target: &GitpodTarget, host: &str) -> Result<(), JsValue> {
    let gitpod = target.origin();
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
            section,
            "p",
            &[
                ("id", "connect-status"),
                ("class", class),
                ("role", "status"),
            ],
            &text,
        )?;
        if record.state != ConnectState::Connected {
            let p = view::add(section, "p", &[("class", "small")], "")?;
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
        section,
        "button",
        &[
            ("id", "connect"),
            ("type", "button"),
            ("class", "secondary"),
        ],
        &t("connect_button", &[host]),
    )?;
    let h = host.to_string();
    EventListener::new(&button, "click", move |_| {
        send_then_close(
            Request::Connect { host: h.clone() },
            t("error_could_not_connect", &[]),
        );
    })
    .forget();

    Ok(())
}

/// gitpod.io and Ona: nothing to connect here; what happens instead, and Ona's own page.
fn on_first_environment(
    section: &Element,
    target: &GitpodTarget,
    host: &str,
) -> Result<(), JsValue> {
    if target.kind() == TargetKind::Gitpod {
        view::add(
            section,
            "p",
            &[("id", "account-forwarded"), ("class", "notice")],
            &t("account_gitpod_forwards", &[]),
        )?;
    }
    view::add(
        section,
        "p",
        &[("id", "account-ona")],
        &t("account_ona", &[host]),
    )?;
    let p = view::add(section, "p", &[("class", "small")], "")?;
    view::sentence(
        &p,
        "account_ona_docs",
        &[LINK_SLOT],
        "ona-gitlab-docs",
        ONA_GITLAB_DOCS,
        &t("account_ona_docs_link", &[]),
    )?;
    Ok(())
}

/// Gitpod Classic and a GitLab it does not know: register it on the Integrations page.
fn integrations_guide(
    section: &Element,
    target: &GitpodTarget,
    origin: &str,
    host: &str,
) -> Result<(), JsValue> {
    let gitpod = target.origin();
    let guide = view::add(section, "details", &[("id", "register-guide")], "")?;
    view::add(&guide, "summary", &[], &t("guide_summary", &[host]))?;
    let steps = view::add(&guide, "ol", &[], "")?;
    let li = view::add(&steps, "li", &[], "")?;
    view::sentence(
        &li,
        "guide_step_integrations",
        &[LINK_SLOT, origin],
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
        &applications_url(origin),
        &t("guide_application", &[]),
    )?;
    view::add(
        &li,
        "code",
        &[("id", "callback-url"), ("class", "gitpod-url")],
        &callback_url(gitpod, host),
    )?;
    view::add(&steps, "li", &[], &t("guide_step_paste", &[]))?;
    Ok(())
}

/// Ona and a self-hosted GitLab: an admin adds the host to a runner's repository access.
fn runner_guide(section: &Element, host: &str) -> Result<(), JsValue> {
    let guide = view::add(section, "details", &[("id", "register-guide")], "")?;
    view::add(&guide, "summary", &[], &t("guide_summary_ona", &[host]))?;
    let steps = view::add(&guide, "ol", &[], "")?;
    view::add(&steps, "li", &[], &t("guide_ona_runner", &[]))?;
    view::add(&steps, "li", &[], &t("guide_ona_host", &[host]))?;
    let li = view::add(&steps, "li", &[], "")?;
    view::sentence(
        &li,
        "guide_ona_more",
        &[LINK_SLOT],
        "guide-ona-docs",
        ONA_GITLAB_DOCS,
        &t("account_ona_docs_link", &[]),
    )?;
    Ok(())
}
