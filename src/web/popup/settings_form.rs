//! The settings form, shared by the popup (folded under "Settings") and the options page: where
//! pages open (Gitpod → Ona, Ona, or a Dedicated / self-hosted instance with its URL, name and
//! launch presets), the same choice per GitLab host (gitlab.com and every enabled self-hosted
//! host), new tab, toolbar mode and whether GitLab's pages get entries at all. What each target
//! offers (presets, its one-line explanation) is read from `gitpod_target::capabilities`.
//! Everything is validated here and again by the worker.

use super::super::i18n::t;
use super::super::{bindings, ext};
use super::{ask, rerender, view, Ctx, Flash};
use crate::gitpod_target::{
    capabilities, GitpodTarget, TargetError, TargetKind, DEFAULT_NAME, KINDS, MAX_NAME, MAX_PRESET,
};
use crate::gitpod_url::{GitpodOrigin, OriginError, DEFAULT_GITPOD_ORIGIN};
use crate::hosts::{match_pattern, BUILTIN_ORIGINS};
use crate::loose;
use crate::messages::Request;
use crate::settings::{Flags, HostTargetForm, TargetForm, FLAG_FIELDS};
use gloo::events::{EventListener, EventListenerOptions};
use gloo_utils::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// Gitpod Classic's editor ids, suggested for the editor preset (any id is accepted).
const EDITORS: &[&str] = &[
    "code",
    "code-desktop",
    "intellij",
    "goland",
    "pycharm",
    "phpstorm",
    "rubymine",
    "webstorm",
    "rider",
    "clion",
    "rustrover",
    "xterm",
];
/// A host row's "as the default target" choice.
const DEFAULT_CHOICE: &str = "";

/// The ids of one target's fields: the default target's (`""`) or a host row's (`host-N-`).
struct Fields(String);

impl Fields {
    fn id(&self, name: &str) -> String {
        [self.0.as_str(), name].concat()
    }
}

/// The popup's fold: the form inside `<details id="settings">`.
pub fn render(app: &Element, ctx: &Ctx, open: bool, flash: Option<&str>) -> Result<(), JsValue> {
    let details = view::add(app, "details", &[("id", "settings")], "")?;
    if open || flash.is_some() {
        details.set_attribute("open", "")?;
    }
    view::add(&details, "summary", &[], &t("settings_heading", &[]))?;
    form(&details, ctx, flash)
}

/// The options page's head (also what a first run shows): each target in one line.
pub fn welcome(parent: &Element) -> Result<(), JsValue> {
    view::add(parent, "h1", &[], &t("options_choose", &[]))?;
    let list = view::add(parent, "ul", &[("id", "targets-explained")], "")?;
    for kind in KINDS {
        let table = capabilities(kind);
        let li = view::add(&list, "li", &[("data-target", kind.as_str())], "")?;
        view::add(&li, "strong", &[], &t(table.label, &[]))?;
        view::text(&li, " — ")?;
        view::text(&li, &t(table.help, &[]))?;
    }
    Ok(())
}

/// The form (targets, per-host targets, switches), appended to `parent`.
pub fn form(parent: &Element, ctx: &Ctx, flash: Option<&str>) -> Result<(), JsValue> {
    let form = view::add(
        parent,
        "form",
        &[("id", "settings-form"), ("novalidate", "")],
        "",
    )?;
    editors_list(&form)?;
    let s = &ctx.settings;
    view::add(
        &form,
        "label",
        &[("for", "gitpod-target")],
        &t("settings_target", &[]),
    )?;
    target_fields(&form, &Fields(String::new()), Some(&s.target), None)?;
    for (name, id, label) in FLAG_FIELDS {
        let on = s.flags.get(name).unwrap_or_default();
        checkbox(&form, id, &t(label, &[]), on)?;
    }
    hosts(&form, ctx)?;
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
    Ok(())
}

/// One target's fields: kind, origin, name (custom only), presets (where the kind takes them),
/// its explanation. `target` `None`: a host row following the default (`default_name`).
fn target_fields(
    parent: &Element,
    f: &Fields,
    target: Option<&GitpodTarget>,
    default_name: Option<&str>,
) -> Result<(), JsValue> {
    let select = view::add(parent, "select", &[("id", &f.id("gitpod-target"))], "")?;
    if let Some(name) = default_name {
        let option = view::add(
            &select,
            "option",
            &[("value", DEFAULT_CHOICE)],
            &t("host_target_default", &[name]),
        )?;
        if target.is_none() {
            option.set_attribute("selected", "")?;
        }
    }
    for kind in KINDS {
        let option = view::add(
            &select,
            "option",
            &[("value", kind.as_str())],
            &t(capabilities(kind).label, &[]),
        )?;
        if target.is_some_and(|t| t.kind() == kind) {
            option.set_attribute("selected", "")?;
        }
    }
    let shown = target.cloned().unwrap_or_default();
    view::add(
        parent,
        "p",
        &[("id", &f.id("target-help")), ("class", "small")],
        "",
    )?;
    let origin_row = view::add(parent, "div", &[("id", &f.id("target-origin-row"))], "")?;
    view::add(
        &origin_row,
        "label",
        &[("for", &f.id("gitpod-origin"))],
        &t("settings_origin", &[]),
    )?;
    view::add(
        &origin_row,
        "input",
        &[
            ("id", &f.id("gitpod-origin")),
            ("type", "url"),
            ("value", shown.origin().as_str()),
            ("placeholder", "https://gitpod.example.com"),
            ("spellcheck", "false"),
            ("aria-describedby", "settings-message"),
        ],
        "",
    )?;
    let name_row = view::add(parent, "div", &[("id", &f.id("target-name-row"))], "")?;
    let max = MAX_NAME.to_string();
    text_field(
        &name_row,
        &f.id("target-name"),
        &t("settings_name", &[]),
        shown.name(),
        DEFAULT_NAME,
        &max,
    )?;
    let presets_row = view::add(parent, "div", &[("id", &f.id("target-presets-row"))], "")?;
    let max = MAX_PRESET.to_string();
    let editor = text_field(
        &presets_row,
        &f.id("target-editor"),
        &t("settings_editor", &[]),
        shown.presets().editor.as_deref().unwrap_or(""),
        "code",
        &max,
    )?;
    editor.set_attribute("list", "gitpod-editors")?;
    text_field(
        &presets_row,
        &f.id("target-class"),
        &t("settings_class", &[]),
        shown.presets().workspace_class.as_deref().unwrap_or(""),
        "g1-standard",
        &max,
    )?;
    show_kind(f, selected(f));
    // Choosing a preset shows its URL; editing the URL makes it a custom instance.
    let prefix = f.0.clone();
    EventListener::new(&select, "change", move |_| {
        let f = Fields(prefix.clone());
        let kind = selected(&f);
        let preset = match kind {
            Some(TargetKind::Gitpod) => Some(GitpodTarget::gitpod()),
            Some(TargetKind::Ona) => Some(GitpodTarget::ona()),
            _ => None,
        };
        if let (Some(p), Some(input)) = (
            preset,
            view::by_id::<HtmlInputElement>(&f.id("gitpod-origin")),
        ) {
            input.set_value(p.origin().as_str());
        }
        show_kind(&f, kind);
    })
    .forget();
    if let Some(input) = view::by_id::<Element>(&f.id("gitpod-origin")) {
        let prefix = f.0.clone();
        EventListener::new(&input, "input", move |_| {
            let f = Fields(prefix.clone());
            if let Some(select) = view::by_id::<HtmlSelectElement>(&f.id("gitpod-target")) {
                select.set_value(TargetKind::Custom.as_str());
            }
            show_kind(&f, Some(TargetKind::Custom));
        })
        .forget();
    }
    Ok(())
}

fn text_field(
    parent: &Element,
    id: &str,
    label: &str,
    value: &str,
    placeholder: &str,
    max: &str,
) -> Result<Element, JsValue> {
    view::add(parent, "label", &[("for", id)], label)?;
    view::add(
        parent,
        "input",
        &[
            ("id", id),
            ("type", "text"),
            ("value", value),
            ("placeholder", placeholder),
            ("maxlength", max),
            ("spellcheck", "false"),
        ],
        "",
    )
}

/// The editor suggestions, once per form.
fn editors_list(form: &Element) -> Result<(), JsValue> {
    let list = view::add(form, "datalist", &[("id", "gitpod-editors")], "")?;
    for editor in EDITORS {
        view::add(&list, "option", &[("value", editor)], "")?;
    }
    Ok(())
}

/// The kind chosen in `f`'s select; `None`: a host row's "as the default".
fn selected(f: &Fields) -> Option<TargetKind> {
    let value = view::by_id::<HtmlSelectElement>(&f.id("gitpod-target"))?.value();
    TargetKind::parse(&value)
}

/// What the chosen kind asks for: the URL (a preset's shown; editing it makes the target a
/// custom instance), the name for a custom instance, presets where the target accepts them;
/// and its one-line explanation. `None` (a host row following the default): nothing.
fn show_kind(f: &Fields, kind: Option<TargetKind>) {
    let table = kind.map(capabilities);
    let show = |row: &str, on: bool| {
        if let Some(row) = view::by_id::<Element>(&f.id(row)) {
            let _ = if on {
                row.remove_attribute("hidden")
            } else {
                row.set_attribute("hidden", "")
            };
        }
    };
    show("target-origin-row", kind.is_some());
    show("target-name-row", kind == Some(TargetKind::Custom));
    show("target-presets-row", table.is_some_and(|c| c.presets));
    let help = table.map(|c| t(c.help, &[])).unwrap_or_default();
    view::set_text(&f.id("target-help"), &help);
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

/// `f`'s fields as the request carries them, checked; `Ok(None)`: a host row following the
/// default. The error is the sentence to show.
fn read_target(f: &Fields) -> Result<Option<(TargetForm, Option<GitpodOrigin>)>, String> {
    let value = |name: &str| {
        view::by_id::<HtmlInputElement>(&f.id(name))
            .map(|i| i.value())
            .unwrap_or_default()
    };
    let Some(kind) = selected(f) else {
        return Ok(None);
    };
    if kind != TargetKind::Custom {
        let form = TargetForm {
            target: Some(kind.as_str().to_string()),
            ..TargetForm::default()
        };
        return Ok(Some((form, None)));
    }
    let form = TargetForm {
        // A custom URL that is a preset's is that preset (the worker decides by the origin).
        target: None,
        gitpod_origin: value("gitpod-origin"),
        target_name: value("target-name"),
        editor: value("target-editor"),
        workspace_class: value("target-class"),
    };
    // The worker's own check, here first for the words in the user's language.
    let target = form.to_target().map_err(|e| match e {
        TargetError::Origin(e) => origin_error(&e),
        TargetError::Preset => t("preset_invalid", &[]),
        TargetError::UnknownKind => e.to_string(),
    })?;
    Ok(Some((form, Some(target.origin().clone()))))
}

fn submit() {
    let mut flags = Flags::default();
    for (name, id, _) in FLAG_FIELDS {
        let Some(input) = view::by_id::<HtmlInputElement>(id) else {
            return;
        };
        flags.set(name, input.checked());
    }
    let fail = |text: &str| {
        view::set_text("settings-message", text);
        if let Some(m) = view::by_id::<Element>("settings-message") {
            m.set_class_name("notice warn");
        }
    };
    let (target, origin) = match read_target(&Fields(String::new())) {
        Ok(Some(read)) => read,
        Ok(None) => return,
        Err(e) => return fail(&e),
    };
    let mut origins: Vec<GitpodOrigin> = origin.into_iter().collect();
    let mut host_targets = Vec::new();
    for row in host_rows() {
        let Some(host) = row.get_attribute("data-host") else {
            continue;
        };
        let f = Fields(row.get_attribute("data-fields").unwrap_or_default());
        match read_target(&f) {
            Ok(Some((target, origin))) => {
                origins.extend(origin);
                host_targets.push(HostTargetForm { host, target });
            }
            Ok(None) => {}
            Err(e) => return fail(&[host.as_str(), ": ", &e].concat()),
        }
    }
    // Watching the connect flow needs access to the Gitpod origins: asked inside the click.
    let patterns: Vec<String> = origins
        .iter()
        .filter(|o| o.as_str() != DEFAULT_GITPOD_ORIGIN)
        .map(|o| match_pattern(o.as_str()))
        .collect();
    let permission = (!patterns.is_empty())
        .then(|| bindings::permissions_request(&ext::to_obj(&loose!({ "origins": patterns }))));
    let request = Request::SaveSettings {
        target,
        host_targets,
        flags,
    };
    let asked: Vec<String> = origins.iter().map(|o| o.as_str().to_string()).collect();
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
                t("settings_saved_no_access", &[&asked.join(", ")])
            }
        };
        rerender(Flash::settings(text));
    });
}

/// Every host row of the form (`[data-host]`).
fn host_rows() -> Vec<Element> {
    let Ok(list) = document().query_selector_all("#settings-form [data-host]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// GitLab hosts: gitlab.com and each enabled self-hosted one, each with where its pages open
/// (the default unless chosen), the self-hosted ones with their remove button.
fn hosts(parent: &Element, ctx: &Ctx) -> Result<(), JsValue> {
    let default_name = ctx.settings.target.name().to_string();
    let row = |parent: &Element, i: usize, origin: &str| -> Result<Element, JsValue> {
        let host = crate::hosts::origin_host(origin);
        let f = Fields(format!("host-{i}-"));
        let div = view::add(
            parent,
            "div",
            &[
                ("class", "host-target"),
                ("data-host", host),
                ("data-fields", &f.0),
            ],
            "",
        )?;
        view::add(
            &div,
            "label",
            &[("for", &f.id("gitpod-target"))],
            &t("host_target_label", &[host]),
        )?;
        let own = ctx
            .settings
            .host_targets
            .iter()
            .find(|(h, _)| h == host)
            .map(|(_, t)| t);
        target_fields(&div, &f, own, Some(&default_name))?;
        Ok(div)
    };
    view::add(parent, "h2", &[], &t("host_targets_heading", &[]))?;
    for (i, origin) in BUILTIN_ORIGINS.iter().enumerate() {
        row(parent, i, origin)?;
    }
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
    for (i, origin) in ctx.hosts.origins().iter().enumerate() {
        let li = view::add(&list, "li", &[], "")?;
        let head = view::add(&li, "div", &[("class", "host-head")], "")?;
        view::add(&head, "span", &[], origin)?;
        let remove = view::add(
            &head,
            "button",
            &[
                ("type", "button"),
                ("class", "link remove"),
                ("data-origin", origin),
            ],
            &t("hosts_remove", &[]),
        )?;
        row(&li, BUILTIN_ORIGINS.len() + i, origin)?;
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
