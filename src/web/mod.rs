//! Thin web glue around the pure core, one module per extension context. Only the entry of
//! the feature being built is compiled, so each shipped wasm carries just its own context.

mod bindings;
mod browser_url;
#[cfg(feature = "app")]
mod ext;
#[cfg(feature = "app")]
mod i18n;
mod js_values;
mod storage;

#[cfg(feature = "content")]
mod content;
#[cfg(feature = "content")]
mod dom;
#[cfg(feature = "content")]
mod events;
#[cfg(feature = "content")]
mod fallback;
#[cfg(feature = "content")]
mod globals;
#[cfg(feature = "content")]
mod inject;
#[cfg(feature = "content")]
mod watcher;

#[cfg(feature = "background")]
mod background;

#[cfg(feature = "popup")]
mod popup;

/// The content wasm is `no_std` (`src/lib.rs`): a panic stops it where it is, with no message
/// formatted (the page never sees it; the boot shim's marker says the script did not finish).
#[cfg(not(feature = "app"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// First thing every entry does: hand the core what it needs of the browser (its URL parser).
fn start() {
    crate::url_parts::use_parser(browser_url::parse);
    #[cfg(feature = "background")]
    crate::loose::use_json_parser(|text| {
        js_sys::JSON::parse(text)
            .ok()
            .map(|v| js_values::to_loose(&v))
    });
}

// Every wasm's allocator: a free list of a few hundred bytes of code instead of dlmalloc's ~7 KB.
// Each context allocates little and briefly (a menu's elements, one message). Single-threaded
// wasm: nothing can allocate concurrently.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
