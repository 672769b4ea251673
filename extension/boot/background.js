// Service-worker / event-page boot (bundled after the glue and WASM_BASE64 by `cargo xtask build`).
// Synchronous on purpose: every listener must be registered during the worker's first
// evaluation, or the event that woke it is lost.
const bytes = Uint8Array.fromBase64
  ? Uint8Array.fromBase64(WASM_BASE64)
  : Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
wasm_bindgen.initSync({ module: bytes });
wasm_bindgen.bg_main();
