//! Content script on GitLab pages: recognise GitLab, keep the Gitpod entries inside GitLab's own
//! control (or the fallback button where no known control is there once the page has settled),
//! remember the action the user chooses there. Never throws into the page: a failure logs one
//! line and leaves the page as it was. Observing and throttling are `watcher`'s.

use super::bindings::ui_language;
use super::dom::{all, attr_selector};
use super::events::{self, after, Options};
use super::globals::{body, document, window};
use super::inject::{
    action_element, click_of, close_menu_of, find_control, inject, Click, Context, Outcome,
};
use super::js_values::{stored_last_actions, stored_settings, string_map};
use super::watcher::{self, Watcher};
use super::{fallback, storage};
use crate::anchors::fallback::{control_regions, fallback_due, FALLBACK_ATTR};
use crate::anchors::{mount_points, LAST_USED_ATTR, OURS_ATTR};
use crate::diagnosis::{page_kind, ReportState};
use crate::gitlab_url::{GitLabUrl, Hints};
use crate::gitpod_target::GitpodTarget;
use crate::last_action::{LastActions, GITPOD, GITPOD_OPTIONS, LAST_ACTION_KEY};
use crate::page_text::page_text;
use crate::prelude::*;
use crate::settings::{Settings, SETTINGS_KEY};
use crate::url_parts::UrlParts;
use alloc::rc::Rc;
use core::cell::RefCell;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Document, Element, EventTarget, KeyboardEvent, Location};

/// Pages that show no known control this long after start never will (dashboards, settings):
/// stop observing them.
const GIVE_UP_MS: u32 = 30_000;

/// Started by the boot shim after DOMContentLoaded, on a page that can carry an entry
/// (`entry_pages`).
#[wasm_bindgen]
pub fn content_main() {
    super::start();
    spawn_local(async move {
        // Plain JS values, not serde: this wasm loads on every GitLab page, so it carries only
        // what it needs (see `js_values`).
        let [stored_settings_raw, stored_last] =
            storage::load_synced_keys([SETTINGS_KEY, LAST_ACTION_KEY]).await;
        if !is_gitlab_page() {
            set_report(&[("state", ReportState::NotGitLab.wire())]);
            return; // not GitLab: stay silent and touch nothing
        }
        let settings =
            Settings::from_stored(&stored_settings(&stored_settings_raw.unwrap_or_default()));
        if !settings.flags.in_page_entries {
            set_report(&[("state", ReportState::Off.wire())]);
            return; // the user wants GitLab's pages untouched (popup and toolbar still work)
        }
        let host = window().location().host().unwrap_or_default();
        let target = settings.target_for(&host).clone();
        let stored = stored_last.unwrap_or_default();
        let loaded = document().ready_state() == "complete";
        let state = Rc::new(State {
            page: RefCell::new(PageState {
                settings,
                target,
                last: LastActions::from_stored(&stored_last_actions(&stored)),
                host,
                browser_lang: ui_language(),
                outcome: None,
                since: loaded.then(js_sys::Date::now),
                href: String::new(),
                fallback_timer: false,
            }),
            mounts: mount_points().collect::<Vec<_>>().join(","),
            watcher: RefCell::new(None),
        });
        // The worker is not woken: the entries are plain links, the page needs nothing more.
        // Lives as long as the page: the watcher's callback holds the state, and the state
        // its watcher.
        let st = state.clone();
        let on_change: Rc<dyn Fn()> = Rc::new(move || refresh(&st));
        *state.watcher.borrow_mut() = Some(watcher::start(on_change));
        refresh(&state);
        listen(&state);
        if !loaded {
            // The fallback waits for the page's `load` (GitLab's bundles have run by then).
            let st = state.clone();
            let once = Options {
                once: true,
                ..Options::default()
            };
            events::listen(&window(), "load", once, move |_| {
                st.page.borrow_mut().since = Some(js_sys::Date::now());
                refresh(&st);
            });
        }
        give_up_later(&state);
    });
}

struct State {
    page: RefCell<PageState>,
    /// Every era's mount points of a control still to come, as one selector list.
    mounts: String,
    watcher: RefCell<Option<Watcher>>,
}

struct PageState {
    settings: Settings,
    /// Where this host's pages open.
    target: GitpodTarget,
    last: LastActions,
    host: String,
    /// The browser's language: the entries' words where the GitLab page names none we ship.
    browser_lang: String,
    /// What the last refresh did, so a failure is logged once and not on every mutation.
    outcome: Option<Outcome>,
    /// `Date.now()` since when the page shows no known control: its `load` (`None` before),
    /// then the last refresh that found one, or the last URL change (see `fallback_due`).
    since: Option<f64>,
    /// The URL the last refresh saw.
    href: String,
    /// A refresh is scheduled for when the fallback is due.
    fallback_timer: bool,
}

/// GitLab pages say so in their head; self-hosted instances keep it. Fallback: GitLab's
/// `<body data-page>` together with a project or group attribute.
fn is_gitlab_page() -> bool {
    let doc = document();
    let meta = |sel: &str| doc.query_selector(sel).ok().flatten().is_some();
    if meta("meta[property='og:site_name'][content='GitLab'], meta[name='application-name'][content='GitLab']") {
        return true;
    }
    let Some(b) = body() else {
        return false;
    };
    b.has_attribute("data-page")
        && (b.has_attribute("data-project-id")
            || b.has_attribute("data-project-full-path")
            || b.has_attribute("data-group"))
}

/// The page as it is now (the repository browser changes the URL without reloading), its
/// project as the page itself states it: GitLab's body attributes, else the Web IDE route of a
/// link in GitLab's own controls (never one in rendered content).
fn current_page() -> Option<GitLabUrl> {
    let location: Location = window().location();
    let (scheme, origin, host, path) = (
        location.protocol().ok()?,
        location.origin().ok()?,
        location.host().ok()?,
        location.pathname().ok()?,
    );
    let parts = UrlParts {
        scheme: scheme.trim_end_matches(':'),
        origin: &origin,
        has_host: !host.is_empty(),
        host: &host,
        has_credentials: false, // `location` never shows them; the model drops them anyway
        path: &path,
        query: None,
        has_fragment: false,
    };
    let b = body();
    let stated = |name: &str| b.as_ref().and_then(|b| b.get_attribute(name));
    let full_path = stated("data-project-full-path");
    let find_file = stated("data-find-file");
    let name = stated("data-project");
    let ide = if full_path.is_none() && find_file.is_none() {
        ide_route_in_controls()
    } else {
        None
    };
    let hints = Hints {
        project_full_path: full_path.as_deref(),
        find_file: find_file.as_deref(),
        web_ide_route: ide.as_deref(),
        project_name: name.as_deref(),
        relative_root: None,
    };
    GitLabUrl::from_parts(&parts, hints).ok()
}

/// The path of the first link to GitLab's Web IDE route inside GitLab's own controls.
fn ide_route_in_controls() -> Option<String> {
    let doc = document();
    control_regions().find_map(|region| {
        let link = [region, " a[href*=\"/-/ide/project/\"]"].concat();
        doc.query_selector(&link)
            .ok()
            .flatten()
            .and_then(|a| a.get_attribute("href"))
    })
}

fn refresh(state: &Rc<State>) {
    let watcher = state.watcher.borrow().clone();
    let written = refresh_page(state);
    if let Some(w) = &watcher {
        watcher::settle(w, written);
    }
}

/// One line in the page's console (the extension's own failures only).
fn warn(line: &str) {
    web_sys::console::warn_1(&JsValue::from_str(line));
}

/// Places or updates the fallback button.
fn place_fallback(doc: &Document, page: &GitLabUrl, s: &PageState) -> Outcome {
    match fallback::place(doc, page, &s.settings, &s.target) {
        Ok(Some(href)) => Outcome::Fallback(href),
        Ok(None) => Outcome::NoControl,
        Err(e) => Outcome::Failed(["fallback: ", &storage::js_text(e)].concat()),
    }
}

/// One refresh; returns what it wrote for the watcher to keep an eye on.
fn refresh_page(state: &Rc<State>) -> Option<(String, Vec<Element>)> {
    let page = current_page()?;
    let doc = document();
    let href = window().location().href().unwrap_or_default();
    let mut s = state.page.borrow_mut();
    let now = js_sys::Date::now();
    if s.href != href {
        if !s.href.is_empty() && s.since.is_some() {
            s.since = Some(now); // in-page navigation: GitLab re-renders its header first
        }
        s.href = href.clone();
    }
    let text = page_text(
        &doc.document_element()
            .map(|e| e.get_attribute("lang").unwrap_or_default())
            .unwrap_or_default(),
        &s.browser_lang,
    );
    let cx = Context {
        page: &page,
        settings: &s.settings,
        target: &s.target,
        last: s.last.get(&s.host),
        text: &text,
    };
    let mut outcome = inject(&doc, &cx);
    if outcome == Outcome::NoControl {
        let last_change = state
            .watcher
            .borrow()
            .as_ref()
            .map_or(now, watcher::last_change);
        let pending = !state.mounts.is_empty() && !all(&doc, &state.mounts).is_empty();
        // A fallback already shown follows the page at once (its URL; gone where the page gets
        // none), so the report never says "no control" while the button is there.
        let shown = doc
            .query_selector(&attr_selector(FALLBACK_ATTR))
            .ok()
            .flatten()
            .is_some();
        match fallback_due(s.since, last_change, pending) {
            _ if shown => outcome = place_fallback(&doc, &page, &s),
            Some(due) if now >= due => outcome = place_fallback(&doc, &page, &s),
            Some(due) if !s.fallback_timer => {
                // GitLab may still mount its control; if it does not, the fallback comes then.
                s.fallback_timer = true;
                let st = state.clone();
                after((due - now) as u32 + 1, move || {
                    st.page.borrow_mut().fallback_timer = false;
                    refresh(&st);
                });
            }
            _ => {} // still loading, or a refresh is already due
        }
    } else if s.since.is_some() {
        s.since = Some(now);
    }
    let written = matches!(outcome, Outcome::Entry { .. } | Outcome::Native(_))
        .then(|| all(&doc, &["[", OURS_ATTR, "],[", LAST_USED_ATTR, "]"].concat()))
        .filter(|w| !w.is_empty())
        .map(|w| (href, w));
    if s.outcome.as_ref() != Some(&outcome) {
        if let Outcome::Failed(reason) = &outcome {
            warn(&["Gitpod for GitLab: ", reason].concat());
        }
        report(&outcome, &page);
        s.outcome = Some(outcome);
    }
    written
}

/// What the popup and `cargo xtask diagnose` read (`extension/diagnose.js`): the outcome on the
/// boot marker, which lives in the extension's isolated world, out of the page's sight.
fn report(outcome: &Outcome, page: &GitLabUrl) {
    let (state, anchor, url) = match outcome {
        Outcome::Entry { anchor, href } => (ReportState::Entry, *anchor, href.as_str()),
        Outcome::Native(anchor) => (ReportState::Native, *anchor, ""),
        Outcome::Fallback(href) => (ReportState::Fallback, "", href.as_str()),
        Outcome::NoControl => (ReportState::NoControl, "", ""),
        Outcome::Failed(_) => (ReportState::Failed, "", ""),
    };
    set_report(&[
        ("state", state.wire()),
        ("anchor", anchor),
        ("gitpod_url", url),
        ("page", page_kind(page)),
    ]);
}

/// Sets fields of the boot marker (`globalThis.__gitpodForGitLab`, isolated world).
fn set_report(fields: &[(&str, &str)]) {
    let Ok(marker) = Reflect::get(&js_sys::global(), &JsValue::from_str("__gitpodForGitLab"))
    else {
        return;
    };
    if marker.is_object() {
        for (k, v) in fields {
            let _ = Reflect::set(&marker, &JsValue::from_str(k), &JsValue::from_str(v));
        }
    }
}

/// Listeners for the page's lifetime, delegated from the document so re-rendered entries need
/// none of their own: clicks (remember the chosen action; after one of ours, close the menu as
/// GitLab closes it after its own items) and Enter/Space on our entries (GitLab's items forward
/// them to their link or button; its menus close on them first). Arrow keys need nothing of
/// ours: our items carry the classes GitLab's keyboard navigation walks (`.gl-new-dropdown-item`,
/// `.dropdown-item`).
fn listen(state: &Rc<State>) {
    let doc = document();
    let capture = Options {
        capture: true,
        passive: true,
        once: false,
    };
    let s = state.clone();
    events::listen(&doc, "click", capture, move |event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let click = click_of(&target, s.page.borrow().target.origin().as_str());
        let action = match click {
            Some(Click::Chose(action)) => action,
            Some(Click::Primary) => {
                // Our action is the split button's: its href (ours) is followed, and GitLab's
                // handler, which would perform GitLab's own selection, never sees the click.
                let st = s.page.borrow();
                if matches!(st.last.get(&st.host), GITPOD | GITPOD_OPTIONS) {
                    event.stop_propagation();
                }
                return;
            }
            None => return,
        };
        let changed = {
            let mut st = s.page.borrow_mut();
            let host = st.host.clone();
            st.last.set(&host, &action)
        };
        if changed {
            let stored = string_map(s.page.borrow().last.entries());
            spawn_local(async move {
                if let Err(e) = storage::save_js(LAST_ACTION_KEY, &stored).await {
                    warn(&["Gitpod for GitLab: cannot remember the action: ", &e].concat());
                }
            });
            refresh(&s);
        }
        if let Some(entry) = target.closest(&attr_selector(OURS_ATTR)).ok().flatten() {
            // After GitLab's own handlers: where they closed the menu, nothing is left to do.
            after(0, move || close_menu_of(&entry));
        }
    });

    let active = Options {
        capture: true,
        passive: false,
        once: false,
    };
    events::listen(&doc, "keydown", active, move |event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
            return;
        };
        if !matches!(key.as_str(), "Enter" | " ") {
            return;
        }
        let Some(entry) = our_entry(event.target()) else {
            return;
        };
        // Before GitLab's menu sees the key (it would close the menu and swallow it).
        event.prevent_default();
        event.stop_propagation();
        if let Some(acting) = action_element(&entry) {
            acting.click();
        }
    });
}

/// Our entry that an event happened in.
fn our_entry(target: Option<EventTarget>) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(&attr_selector(OURS_ATTR))
        .ok()
        .flatten()
}

/// A page that shows no known control for `GIVE_UP_MS` (a dashboard, settings) stops being
/// watched.
fn give_up_later(state: &Rc<State>) {
    let s = state.clone();
    after(GIVE_UP_MS, move || {
        let placed = matches!(
            s.page.borrow().outcome,
            Some(Outcome::Entry { .. } | Outcome::Native(_) | Outcome::Fallback(_))
        );
        if find_control(&document()).is_none() && !placed {
            if let Some(w) = s.watcher.borrow().as_ref() {
                watcher::stop(w);
            }
        }
    });
}
