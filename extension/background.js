// Service-worker / event-page boot. app.js (the worker's and popup's wasm, with its glue) is
// loaded before this: by importScripts in Chrome's service worker, by the manifest's
// `background.scripts` in Firefox's event page.
// Synchronous on purpose: every listener must be registered during the worker's first
// evaluation, or the event that woke it is lost.
if (typeof importScripts === "function") importScripts("app.js");
wasm_bindgen.initSync({ module: WASM_BYTES });
wasm_bindgen.bg_main();
