// Popup boot (bundled after the glue and WASM_BASE64 by `cargo xtask build`).
const bytes = Uint8Array.fromBase64
  ? Uint8Array.fromBase64(WASM_BASE64)
  : Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
wasm_bindgen({ module_or_path: bytes }).then(() => wasm_bindgen.popup_main());
