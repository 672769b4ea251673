//! Content script on GitLab pages: recognise GitLab, keep the Gitpod entries inside GitLab's own
//! control, remember the action the user chooses there. Never throws into the page: a failure
//! logs one line and leaves the page as it was.

use super::bindings::ui_language;
use super::inject::{
    action_element, attr_selector, click_of, close_menu_of, elements, find_control, inject, Click,
    Outcome,
};
use super::js_values::{stored_last_actions, stored_settings, string_map};
use super::{ext, fallback};
use crate::anchors::fallback::FALLBACK_AFTER_MS;
use crate::anchors::{ENTRY_MARKER, LAST_MARKER};
use crate::gitlab_url::{GitLabUrl, Hints, Page};
use crate::last_action::{LastActions, GITPOD, GITPOD_OPTIONS, LAST_ACTION_KEY};
use crate::page_text::page_text;
use crate::settings::{Settings, SETTINGS_KEY};
use crate::url_parts::UrlParts;
use gloo::console;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use gloo::utils::{body, document, window};
use js_sys::Reflect;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{
    Element, EventTarget, KeyboardEvent, Location, MutationObserver, MutationObserverInit, Node,
};

/// Pages that show no known control this long after start never will (dashboards, settings):
/// stop observing them.
const GIVE_UP_MS: u32 = 30_000;
/// One animation frame, and how many changes within one are handled at once: beyond that, a
/// burst of mutations is handled once per frame.
const FRAME_MS: f64 = 16.0;
const AT_ONCE_PER_FRAME: u8 = 3;

/// Starts at `document_start` (the boot shim): the storage reads overlap the page's parsing,
/// and GitLab's page is read once `dom_ready` (DOMContentLoaded) resolves.
#[wasm_bindgen]
pub fn content_main(dom_ready: js_sys::Promise) {
    spawn_local(async move {
        // Plain JS values, not serde: this wasm loads on every GitLab page, so it carries only
        // what it needs (see `js_values`).
        let [stored_settings_raw, stored_last] =
            ext::load_synced_keys([SETTINGS_KEY, LAST_ACTION_KEY]).await;
        let _ = wasm_bindgen_futures::JsFuture::from(dom_ready).await;
        if !is_gitlab_page() {
            mark(&[("state", "not_gitlab")]);
            return; // not GitLab: stay silent and touch nothing
        }
        let settings =
            Settings::from_stored(&stored_settings(&stored_settings_raw.unwrap_or_default()));
        let stored = stored_last.unwrap_or_default();
        let host = window().location().host().unwrap_or_default();
        let state = Rc::new(RefCell::new(State {
            settings,
            last: LastActions::from_stored(&stored_last_actions(&stored)),
            host,
            browser_lang: ui_language(),
            outcome: None,
            settled: None,
            window_start: f64::NEG_INFINITY,
            refreshes_in_window: 0,
            frame_pending: false,
            frame: None,
            observer: None,
            root: None,
            observing_root: false,
            follows_navigation: false,
            since: js_sys::Date::now(),
            fallback_timer: false,
        }));
        // The worker is not woken: the entries are plain links, the page needs nothing more.
        refresh(&state);
        listen(&state);
        watch(&state);
    });
}

struct State {
    settings: Settings,
    last: LastActions,
    host: String,
    /// The browser's language: the entries' words where the GitLab page names none we ship.
    browser_lang: String,
    /// What the last refresh did, so a failure is logged once and not on every mutation.
    outcome: Option<Outcome>,
    /// After a refresh that placed or marked items: the URL and the elements it wrote. While
    /// they all stay in the page and the URL is the same, mutations need no refresh at all.
    settled: Option<(String, Vec<Element>)>,
    /// `Date.now()` when the current frame-long window began, and the refreshes run in it at
    /// once: a few changes in a row (a URL change, then the router re-rendering the control)
    /// are each handled without delay; a longer burst at most once per animation frame.
    window_start: f64,
    refreshes_in_window: u8,
    frame_pending: bool,
    /// Kept so it is not cancelled; never dropped from inside its own callback.
    frame: Option<gloo::render::AnimationFrame>,
    observer: Option<MutationObserver>,
    /// The content area observed until the entries are placed.
    root: Option<Element>,
    observing_root: bool,
    /// The browser reports in-page URL changes (Navigation API), so settled entries can be
    /// watched narrowly; without it the content area stays observed.
    follows_navigation: bool,
    /// `Date.now()` since when the page shows no known control (start, or the last refresh
    /// that found one): the fallback button appears `FALLBACK_AFTER_MS` later.
    since: f64,
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
    let b = body();
    b.has_attribute("data-page")
        && (b.has_attribute("data-project-id")
            || b.has_attribute("data-project-full-path")
            || b.has_attribute("data-group"))
}

/// The page as it is now: the repository browser changes the URL without reloading.
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
    let full_path = body().get_attribute("data-project-full-path");
    let hints = Hints {
        project_full_path: full_path.as_deref(),
        relative_root: None,
    };
    GitLabUrl::from_parts(&parts, hints).ok()
}

/// Whether nothing the extension wrote was touched since the last refresh (see `settled`).
fn unchanged(s: &State) -> bool {
    let Some((href, written)) = &s.settled else {
        return false;
    };
    written.iter().all(|e| e.is_connected())
        && window().location().href().ok().as_ref() == Some(href)
}

fn refresh(state: &Rc<RefCell<State>>) {
    let mut s = state.borrow_mut();
    s.frame_pending = false;
    s.settled = None;
    let Some(page) = current_page() else { return };
    let doc = document();
    let text = page_text(
        &doc.document_element()
            .map(|e| e.get_attribute("lang").unwrap_or_default())
            .unwrap_or_default(),
        &s.browser_lang,
    );
    let mut outcome = inject(&doc, &page, &s.settings, s.last.get(&s.host), &text);
    let now = js_sys::Date::now();
    if outcome == Outcome::NoControl {
        let due = s.since + f64::from(FALLBACK_AFTER_MS);
        if now >= due {
            outcome = match fallback::place(&doc, &page, &s.settings) {
                Ok(Some(href)) => Outcome::Fallback(href),
                Ok(None) => Outcome::NoControl,
                Err(e) => Outcome::Failed(["fallback: ", &ext::js_text(e)].concat()),
            };
        } else if !s.fallback_timer {
            // GitLab may still mount its control; if it does not, the fallback comes then.
            s.fallback_timer = true;
            let st = state.clone();
            Timeout::new((due - now) as u32 + 1, move || {
                st.borrow_mut().fallback_timer = false;
                refresh(&st);
            })
            .forget();
        }
    } else {
        s.since = now;
    }
    if matches!(outcome, Outcome::Entry(..) | Outcome::Native(_)) {
        let written = doc
            .query_selector_all(&["[", ENTRY_MARKER, "],[", LAST_MARKER, "]"].concat())
            .map(|list| elements(list).collect::<Vec<_>>())
            .unwrap_or_default();
        if let (false, Ok(href)) = (written.is_empty(), window().location().href()) {
            s.settled = Some((href, written));
        }
    }
    observe(&mut s);
    if s.outcome.as_ref() != Some(&outcome) {
        if let Outcome::Failed(reason) = &outcome {
            console::warn!(["Gitpod for GitLab: ", reason].concat());
        }
        report(&outcome, &page);
        s.outcome = Some(outcome);
    }
}

/// What the popup and `cargo xtask diagnose` read (`extension/diagnose.js`): the outcome on the
/// boot marker, which lives in the extension's isolated world, out of the page's sight.
fn report(outcome: &Outcome, page: &GitLabUrl) {
    let (state, anchor, url) = match outcome {
        Outcome::Entry(anchor, href) => ("entry", *anchor, href.as_str()),
        Outcome::Native(anchor) => ("native", *anchor, ""),
        Outcome::Fallback(href) => ("fallback", "", href.as_str()),
        Outcome::NoControl => ("none", "", ""),
        Outcome::Failed(_) => ("failed", "", ""),
    };
    mark(&[
        ("state", state),
        ("anchor", anchor),
        ("gitpod_url", url),
        ("page", page_kind(page)),
    ]);
}

/// Sets fields of the boot marker (`globalThis.__gitpodForGitLab`, isolated world).
fn mark(fields: &[(&str, &str)]) {
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

fn page_kind(page: &GitLabUrl) -> &'static str {
    match page.page() {
        Page::Project if page.is_code_page() => "project",
        Page::Project => "other project page",
        Page::Tree(_) => "tree",
        Page::Blob(_) => "file",
        Page::Commits(_) => "commits",
        Page::Commit(_) => "commit",
        Page::MergeRequest(_) => "merge request",
        Page::Issue(_) => "issue",
    }
}

/// Listeners for the page's lifetime, delegated from the document so re-rendered entries need
/// none of their own: clicks (remember the chosen action; after one of ours, close the menu as
/// GitLab closes it after its own items) and Enter/Space on our entries (GitLab's items forward
/// them to their link or button; its menus close on them first). Arrow keys need nothing of
/// ours: our items carry the classes GitLab's keyboard navigation walks (`.gl-new-dropdown-item`,
/// `.dropdown-item`).
fn listen(state: &Rc<RefCell<State>>) {
    let doc = document();
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    let s = state.clone();
    EventListener::new_with_options(&doc, "click", capture, move |event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let click = click_of(&target, s.borrow().settings.gitpod_origin().as_str());
        let action = match click {
            Some(Click::Chose(action)) => action,
            Some(Click::Primary) => {
                // Our action is the split button's: its href (ours) is followed, and GitLab's
                // handler, which would perform GitLab's own selection, never sees the click.
                let st = s.borrow();
                if matches!(st.last.get(&st.host), GITPOD | GITPOD_OPTIONS) {
                    event.stop_propagation();
                }
                return;
            }
            None => return,
        };
        let changed = {
            let mut st = s.borrow_mut();
            let host = st.host.clone();
            st.last.set(&host, &action)
        };
        if changed {
            let stored = string_map(s.borrow().last.entries());
            spawn_local(async move {
                if let Err(e) = ext::save_js(LAST_ACTION_KEY, &stored).await {
                    console::warn!(["Gitpod for GitLab: cannot remember the action: ", &e].concat());
                }
            });
            refresh(&s);
        }
        if let Some(entry) = target.closest(&attr_selector(ENTRY_MARKER)).ok().flatten() {
            // After GitLab's own handlers: where they closed the menu, nothing is left to do.
            Timeout::new(0, move || close_menu_of(&entry)).forget();
        }
    })
    .forget();

    let active = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    EventListener::new_with_options(&doc, "keydown", active, move |event| {
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
    })
    .forget();
}

/// Our entry that an event happened in.
fn our_entry(target: Option<EventTarget>) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(&attr_selector(ENTRY_MARKER))
        .ok()
        .flatten()
}

/// GitLab mounts its controls late and re-renders them on in-page navigation. Until the entries
/// are placed, observe the content area (not the whole document); once they are, observe only
/// what can remove or reorder them (see `observe`) and follow URL changes through the Navigation
/// API. Batch changes into one refresh per animation frame, stop when the page goes away, and
/// give up on pages that never show a control.
fn watch(state: &Rc<RefCell<State>>) {
    let s = state.clone();
    let callback = Closure::<dyn FnMut()>::new(move || on_change(&s));
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    callback.forget(); // lives as long as the page
    let doc = document();
    let root = ["#content-body", "main", ".content-wrapper"]
        .iter()
        .find_map(|sel| doc.query_selector(sel).ok().flatten())
        .unwrap_or_else(|| body().into());
    let navigation = Reflect::get(&window(), &JsValue::from_str("navigation"))
        .ok()
        .and_then(|n| n.dyn_into::<EventTarget>().ok());
    {
        let mut st = state.borrow_mut();
        st.observer = Some(observer);
        st.root = Some(root);
        st.follows_navigation = navigation.is_some();
        observe(&mut st);
    }
    if let Some(navigation) = navigation {
        let s = state.clone();
        EventListener::new(&navigation, "currententrychange", move |_| on_change(&s)).forget();
    }

    let s = state.clone();
    EventListener::new(&window(), "pagehide", move |_| {
        if let Some(o) = s.borrow_mut().observer.take() {
            o.disconnect();
        }
    })
    .forget();
    let s = state.clone();
    Timeout::new(GIVE_UP_MS, move || {
        if find_control(&document()).is_none()
            && !matches!(
                s.borrow().outcome,
                Some(Outcome::Entry(..) | Outcome::Native(_))
            )
        {
            if let Some(o) = s.borrow_mut().observer.take() {
                o.disconnect();
            }
        }
    })
    .forget();
}

/// A mutation or a URL change: refresh unless everything we wrote is still in place.
fn on_change(s: &Rc<RefCell<State>>) {
    let now_allowed = {
        let mut st = s.borrow_mut();
        if st.frame_pending || unchanged(&st) {
            return;
        }
        let now = js_sys::Date::now();
        if now - st.window_start >= FRAME_MS {
            st.window_start = now;
            st.refreshes_in_window = 0;
        }
        st.refreshes_in_window = st.refreshes_in_window.saturating_add(1);
        st.refreshes_in_window <= AT_ONCE_PER_FRAME
    };
    if now_allowed {
        refresh(s); // no frame of latency
        return;
    }
    let s2 = s.clone();
    let frame = gloo::render::request_animation_frame(move |_| refresh(&s2));
    let mut st = s.borrow_mut();
    st.frame_pending = true;
    st.frame = Some(frame); // replaces the previous, already fired, frame
}

/// Points the observer at what matters now. With the entries placed (and URL changes reported
/// by the Navigation API): the direct children of every ancestor of what we wrote, so removing
/// or re-rendering any of them is seen, while a page churning elsewhere (a merge request's
/// diff) builds no mutation records for us at all. Otherwise: the whole content area.
fn observe(st: &mut State) {
    let (Some(observer), Some(root)) = (&st.observer, &st.root) else {
        return;
    };
    let narrow = st.follows_navigation && st.settled.is_some();
    if !narrow && st.observing_root {
        return; // already watching the content area
    }
    observer.disconnect();
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    st.observing_root = !narrow;
    if !narrow {
        options.set_subtree(true);
        let _ = observer.observe_with_options(root, &options);
        return;
    }
    let Some((_, written)) = &st.settled else {
        return;
    };
    let mut seen: Vec<Node> = Vec::new();
    for element in written {
        let mut node = element.parent_node();
        while let Some(n) = node {
            if seen.contains(&n) {
                break; // the rest of this chain is already observed
            }
            let _ = observer.observe_with_options(&n, &options);
            node = n.parent_node();
            seen.push(n);
        }
    }
}
