//! Watches the page for what may need a refresh: GitLab mounts its controls late and re-renders
//! them on in-page navigation. Until the entries are placed, the content area is observed (not
//! the whole document); once they are, only what can remove or reorder them (the ancestors of
//! what we wrote), with URL changes followed through the Navigation API, so a page churning
//! elsewhere (a merge request's diff) builds no mutation records for us at all. A few changes
//! in a row are each handled at once; a longer burst at most once per animation frame. The
//! watcher also keeps when the content area last changed (the fallback waits for it to settle).

use super::dom::first;
use super::events::{listen, next_frame, Options};
use super::globals::{body, document, window};
use crate::prelude::*;
use alloc::rc::Rc;
use core::cell::RefCell;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{Element, EventTarget, MutationObserver, MutationObserverInit, Node};

/// One animation frame, and how many changes within one are handled at once: beyond that, a
/// burst of mutations is handled once per frame.
const FRAME_MS: f64 = 16.0;
const AT_ONCE_PER_FRAME: u8 = 3;

/// What the watcher holds; shared with the refresh it calls.
pub struct Watch {
    /// After a refresh that placed or marked items: the URL and the elements it wrote. While
    /// they all stay in the page and the URL is the same, mutations need no refresh at all.
    settled: Option<(String, Vec<Element>)>,
    /// `Date.now()` when the current frame-long window began, and the refreshes run in it.
    window_start: f64,
    refreshes_in_window: u8,
    frame_pending: bool,
    observer: Option<MutationObserver>,
    /// The content area observed until the entries are placed.
    root: Option<Element>,
    observing_root: bool,
    /// The browser reports in-page URL changes (Navigation API), so settled entries can be
    /// watched narrowly; without it the content area stays observed.
    follows_navigation: bool,
    /// `Date.now()` of the last change seen in the content area (or of the start).
    last_change: f64,
    refresh: Rc<dyn Fn()>,
}

pub type Watcher = Rc<RefCell<Watch>>;

/// Starts watching; `refresh` is called on every change that may need one.
pub fn start(refresh: Rc<dyn Fn()>) -> Watcher {
    let watcher = Rc::new(RefCell::new(Watch {
        settled: None,
        window_start: f64::NEG_INFINITY,
        refreshes_in_window: 0,
        frame_pending: false,
        observer: None,
        root: None,
        observing_root: false,
        follows_navigation: false,
        last_change: js_sys::Date::now(),
        refresh,
    }));
    let w = watcher.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        w.borrow_mut().last_change = js_sys::Date::now();
        on_change(&w);
    });
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return watcher;
    };
    callback.forget(); // lives as long as the page
    let Some(root) =
        first(&document(), &["#content-body", "main", ".content-wrapper"]).or_else(body)
    else {
        return watcher;
    };
    let navigation = Reflect::get(&window(), &JsValue::from_str("navigation"))
        .ok()
        .and_then(|n| n.dyn_into::<EventTarget>().ok());
    {
        let mut wt = watcher.borrow_mut();
        wt.observer = Some(observer);
        wt.root = Some(root);
        wt.follows_navigation = navigation.is_some();
        observe(&mut wt);
    }
    if let Some(navigation) = navigation {
        let w = watcher.clone();
        listen(
            &navigation,
            "currententrychange",
            Options::default(),
            move |_| on_change(&w),
        );
    }
    let w = watcher.clone();
    listen(&window(), "pagehide", Options::default(), move |_| stop(&w));
    watcher
}

/// Stops watching (the page goes away, or it never shows a control).
pub fn stop(watcher: &Watcher) {
    if let Some(o) = watcher.borrow_mut().observer.take() {
        o.disconnect();
    }
}

/// `Date.now()` of the content area's last change.
pub fn last_change(watcher: &Watcher) -> f64 {
    watcher.borrow().last_change
}

/// After a refresh: what it wrote (`None` where it placed nothing to keep), so the watcher can
/// narrow down to it.
pub fn settle(watcher: &Watcher, written: Option<(String, Vec<Element>)>) {
    let mut w = watcher.borrow_mut();
    w.settled = written;
    w.frame_pending = false;
    observe(&mut w);
}

/// Whether nothing the extension wrote was touched since the last refresh (see `settled`).
fn unchanged(w: &Watch) -> bool {
    let Some((href, written)) = &w.settled else {
        return false;
    };
    written.iter().all(|e| e.is_connected())
        && window().location().href().ok().as_ref() == Some(href)
}

/// A mutation or a URL change: refresh unless everything we wrote is still in place.
fn on_change(watcher: &Watcher) {
    let (now_allowed, refresh) = {
        let mut w = watcher.borrow_mut();
        if w.frame_pending || unchanged(&w) {
            return;
        }
        let now = js_sys::Date::now();
        if now - w.window_start >= FRAME_MS {
            w.window_start = now;
            w.refreshes_in_window = 0;
        }
        w.refreshes_in_window = w.refreshes_in_window.saturating_add(1);
        (
            w.refreshes_in_window <= AT_ONCE_PER_FRAME,
            w.refresh.clone(),
        )
    };
    if now_allowed {
        refresh(); // no frame of latency
        return;
    }
    next_frame(move || refresh());
    watcher.borrow_mut().frame_pending = true;
}

/// Points the observer at what matters now. With the entries placed (and URL changes reported
/// by the Navigation API): the direct children of every ancestor of what we wrote, so removing
/// or re-rendering any of them is seen. Otherwise: the whole content area.
fn observe(w: &mut Watch) {
    let (Some(observer), Some(root)) = (&w.observer, &w.root) else {
        return;
    };
    let narrow = w.follows_navigation && w.settled.is_some();
    if !narrow && w.observing_root {
        return; // already watching the content area
    }
    observer.disconnect();
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    w.observing_root = !narrow;
    if !narrow {
        options.set_subtree(true);
        let _ = observer.observe_with_options(root, &options);
        return;
    }
    let Some((_, written)) = &w.settled else {
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
