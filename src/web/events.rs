//! Listeners, timers and frames for the content script, on wasm-bindgen's closures directly:
//! gloo's crates turn std on, and the content wasm is `no_std` (`src/lib.rs`). Every listener
//! lives as long as the page.

use super::globals::window;
use wasm_bindgen::prelude::*;
use web_sys::{AddEventListenerOptions, Event, EventTarget};

/// How a listener is added.
#[derive(Clone, Copy, Default)]
pub struct Options {
    pub capture: bool,
    pub passive: bool,
    pub once: bool,
}

/// Calls `f` on every `event` at `target` (on the first only, with `once`).
pub fn listen(target: &EventTarget, event: &str, options: Options, f: impl FnMut(Event) + 'static) {
    let callback = Closure::<dyn FnMut(Event)>::new(f);
    let opts = AddEventListenerOptions::new();
    opts.set_capture(options.capture);
    opts.set_passive(options.passive);
    opts.set_once(options.once);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        callback.as_ref().unchecked_ref(),
        &opts,
    );
    callback.forget(); // as long as the page
}

/// Calls `f` once, after `ms` milliseconds.
pub fn after(ms: u32, f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
        callback.unchecked_ref(),
        ms.min(i32::MAX as u32) as i32,
    );
}

/// Calls `f` once, before the next frame is painted.
pub fn next_frame(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = window().request_animation_frame(callback.unchecked_ref());
}
