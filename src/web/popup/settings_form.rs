//! The settings form, shared by the popup (folded under "Settings") and the options page: where
//! pages open (Gitpod, Ona, or a Dedicated / self-hosted instance with its URL, validated here
//! and again by the worker, and the name its entries carry), new tab, toolbar mode, and the
//! enabled self-hosted GitLab hosts.

use super::super::i18n::t;
use super::super::{bindings, ext};
use super::{ask, rerender, view, Ctx, Flash};
use crate::gitpod_target::{GitpodTarget, TargetKind, DEFAULT_NAME, MAX_NAME};
use crate::gitpod_url::{GitpodOrigin, OriginError, DEFAULT_GITPOD_ORIGIN};
use crate::hosts::match_pattern;
use crate::messages::Request;
use gloo::events::{EventListener, EventListenerOptions};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// The targets offered, with their message keys.
const TARGETS: [(TargetKind, &str); 3] = [
    (TargetKind::Gitpod, "target_gitpod"),
    (TargetKind::Ona, "target_ona"),
    (TargetKind::Custom, "target_custom"),
];

/// The popup's fold: the form inside `<details id="settings">`.
pub fn render(app: &Element, ctx: &Ctx, open: bool, flash: Option<&str>) -> Result<(), JsValue> {
    let details = view::add(app, "details", &[("id", "settings")], "")?;
    if open || flash.is_some() {
        details.set_attribute("open", "")?;
    }
    view::add(&details, "summary", &[], &t("settings_heading", &[]))?;
    form(&details, ctx, flash)
}

/// The form and the host list, appended to `parent`.
pub fn form(parent: &Element, ctx: &Ctx, flash: Option<&str>) -> Result<(), JsValue> {
    let form = view::add(
        parent,
        "form",
        &[("id", "settings-form"), ("novalidate", "")],
        "",
    )?;
    let target = &ctx.settings.target;
    view::add(
        &form,
        "label",
        &[("for", "gitpod-target")],
        &t("settings_target", &[]),
    )?;
    let select = view::add(&form, "select", &[("id", "gitpod-target")], "")?;
    for (kind, key) in TARGETS {
        let option = view::add(&select, "option", &[("value", kind.as_str())], &t(key, &[]))?;
        if kind == target.kind() {
            option.set_attribute("selected", "")?;
        }
    }
    view::add(
        &form,
        "label",
        &[("for", "gitpod-origin")],
        &t("settings_origin", &[]),
    )?;
    view::add(
        &form,
        "input",
        &[
            ("id", "gitpod-origin"),
            ("type", "url"),
            ("value", target.origin().as_str()),
            ("placeholder", "https://gitpod.example.com"),
            ("spellcheck", "false"),
            ("aria-describedby", "settings-message"),
        ],
        "",
    )?;
    let name_row = view::add(&form, "div", &[("id", "target-name-row")], "")?;
    view::add(
        &name_row,
        "label",
        &[("for", "target-name")],
        &t("settings_name", &[]),
    )?;
    let max = MAX_NAME.to_string();
    view::add(
        &name_row,
        "input",
        &[
            ("id", "target-name"),
            ("type", "text"),
            ("value", target.name()),
            ("placeholder", DEFAULT_NAME),
            ("maxlength", &max),
        ],
        "",
    )?;
    show_custom(target.kind() == TargetKind::Custom);
    // Choosing a preset shows its URL; editing the URL makes it a custom instance.
    EventListener::new(&select, "change", |_| {
        let kind = selected_kind();
        let preset = match kind {
            TargetKind::Gitpod => Some(GitpodTarget::gitpod()),
            TargetKind::Ona => Some(GitpodTarget::ona()),
            TargetKind::Custom => None,
        };
        if let (Some(p), Some(input)) = (preset, view::by_id::<HtmlInputElement>("gitpod-origin")) {
            input.set_value(p.origin().as_str());
        }
        show_custom(kind == TargetKind::Custom);
    })
    .forget();
    let origin_input = view::by_id::<Element>("gitpod-origin");
    if let Some(input) = origin_input {
        EventListener::new(&input, "input", |_| {
            if let Some(select) = view::by_id::<HtmlSelectElement>("gitpod-target") {
                select.set_value(TargetKind::Custom.as_str());
            }
            show_custom(true);
        })
        .forget();
    }
    let s = &ctx.settings;
    checkbox(
        &form,
        "open-in-new-tab",
        &t("settings_new_tab", &[]),
        s.open_in_new_tab,
    )?;
    checkbox(
        &form,
        "toolbar-direct",
        &t("settings_toolbar_direct", &[]),
        s.toolbar_opens_directly,
    )?;
    view::add(
        &form,
        "button",
        &[("id", "save"), ("type", "submit"), ("class", "secondary")],
        &t("settings_save", &[]),
    )?;
    let saved = t("settings_saved", &[]);
    let class = if flash.is_some_and(|f| f != saved) {
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
    hosts(parent, ctx)
}

fn selected_kind() -> TargetKind {
    view::by_id::<HtmlSelectElement>("gitpod-target")
        .and_then(|s| TargetKind::parse(&s.value()))
        .unwrap_or(TargetKind::Gitpod)
}

/// The name is asked for a custom instance only.
fn show_custom(custom: bool) {
    if let Some(row) = view::by_id::<Element>("target-name-row") {
        let _ = if custom {
            row.remove_attribute("hidden")
        } else {
            row.set_attribute("hidden", "")
        };
    }
}

fn checkbox(form: &Element, id: &str, label: &str, checked: bool) -> Result<(), JsValue> {
    let l = view::add(form, "label", &[("class", "check")], "")?;
    let input = view::add(&l, "input", &[("id", id), ("type", "checkbox")], "")?;
    if checked {
        input.set_attribute("checked", "")?;
    }
    view::text(&l, label)
}

/// The validation error in the user's language.
fn origin_error(e: &OriginError) -> String {
    let detail = match e {
        OriginError::Invalid => t("origin_invalid", &[]),
        OriginError::UnsupportedScheme(_) => t("origin_scheme", &[]),
        OriginError::NotAnOrigin => t("origin_not_origin", &[]),
    };
    t("settings_origin_error", &[&detail])
}

fn submit() {
    let value = |id: &str| view::by_id::<HtmlInputElement>(id);
    let (Some(origin), Some(name), Some(new_tab), Some(direct)) = (
        value("gitpod-origin"),
        value("target-name"),
        value("open-in-new-tab"),
        value("toolbar-direct"),
    ) else {
        return;
    };
    let kind = selected_kind();
    let origin = match kind {
        TargetKind::Gitpod => GitpodTarget::gitpod().origin().clone(),
        TargetKind::Ona => GitpodTarget::ona().origin().clone(),
        TargetKind::Custom => match GitpodOrigin::parse(&origin.value()) {
            Ok(o) => o,
            Err(e) => {
                view::set_text("settings-message", &origin_error(&e));
                if let Some(m) = view::by_id::<Element>("settings-message") {
                    m.set_class_name("notice warn");
                }
                return;
            }
        },
    };
    // Watching the connect flow needs access to the Gitpod origin: asked inside the click.
    let permission = (origin.as_str() != DEFAULT_GITPOD_ORIGIN).then(|| {
        bindings::permissions_request(&ext::to_obj(
            &json!({ "origins": [match_pattern(origin.as_str())] }),
        ))
    });
    let request = Request::SaveSettings {
        // A custom URL that is a preset's is that preset (the worker decides by the origin).
        target: (kind != TargetKind::Custom).then(|| kind.as_str().to_string()),
        gitpod_origin: origin.as_str().to_string(),
        target_name: name.value(),
        open_in_new_tab: new_tab.checked(),
        toolbar_opens_directly: direct.checked(),
    };
    spawn_local(async move {
        let text = match ask(&request).await {
            Err(e) => t("settings_not_saved", &[&e]),
            Ok(()) => {
                rerender(Flash::settings(t("settings_saved", &[])));
                let granted = match permission {
                    Some(p) => ext::settle_yes(p).await,
                    None => true,
                };
                if granted {
                    return;
                }
                t("settings_saved_no_access", &[origin.as_str()])
            }
        };
        rerender(Flash::settings(text));
    });
}

fn hosts(parent: &Element, ctx: &Ctx) -> Result<(), JsValue> {
    view::add(parent, "h2", &[], &t("hosts_heading", &[]))?;
    if ctx.hosts.origins().is_empty() {
        view::add(
            parent,
            "p",
            &[("id", "no-hosts"), ("class", "small")],
            &t("hosts_none", &[]),
        )?;
        return Ok(());
    }
    let list = view::add(parent, "ul", &[("id", "host-list")], "")?;
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
            &t("hosts_remove", &[]),
        )?;
        let origin = origin.clone();
        EventListener::new(&remove, "click", move |_| {
            let request = Request::DisableHost {
                origin: origin.clone(),
            };
            spawn_local(async move {
                let text = match ask(&request).await {
                    Ok(()) => t("hosts_removed", &[]),
                    Err(e) => t("hosts_not_removed", &[&e]),
                };
                rerender(Flash::settings(text));
            });
        })
        .forget();
    }
    Ok(())
}
