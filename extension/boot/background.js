// Service-worker / event-page boot (bundled after the glue and WASM_BYTES by `cargo xtask build`).
// Synchronous on purpose: every listener must be registered during the worker's first
// evaluation, or the event that woke it is lost.
wasm_bindgen.initSync({ module: WASM_BYTES });
wasm_bindgen.bg_main();
