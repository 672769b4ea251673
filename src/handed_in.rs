//! What the glue hands the core at start, in the extension: the browser's URL parser
//! (`url_parts`), its JSON parser (`loose`). A plain static: the content wasm is `no_std`, so no
//! `thread_local!`. Pure.

use core::cell::Cell;

/// A value set once by each wasm's entry, read by the core.
pub struct HandedIn<T>(Cell<Option<T>>);

// SAFETY: wasm32-unknown-unknown is built without the `atomics` target feature, so each wasm
// runs on one thread only and the cell is never shared between threads.
unsafe impl<T> Sync for HandedIn<T> {}

impl<T: Copy> HandedIn<T> {
    pub const fn new() -> Self {
        HandedIn(Cell::new(None))
    }

    pub fn set(&self, value: T) {
        self.0.set(Some(value));
    }

    /// `None` before the entry handed it in.
    pub fn get(&self) -> Option<T> {
        self.0.get()
    }
}
