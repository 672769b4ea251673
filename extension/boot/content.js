// Content-script boot (bundled after the wasm-bindgen glue and WASM_BASE64 by `cargo xtask build`).
// Compiles asynchronously, off the page's critical path. Where the page's CSP forbids
// WebAssembly (Chromium applies it to content scripts) the page is left untouched, one line is
// logged, and the worker is told so the toolbar button can explain.
const bytes = Uint8Array.fromBase64
  ? Uint8Array.fromBase64(WASM_BASE64)
  : Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
wasm_bindgen({ module_or_path: bytes }).then(
  () => wasm_bindgen.content_main(),
  (error) => {
    console.info("Gitpod for GitLab: not available on this page:", String(error));
    try {
      chrome.runtime.sendMessage({ type: "content_blocked", reason: String(error).slice(0, 200) }).catch(() => {});
    } catch (_) {
      // extension reloaded or context gone: nothing to tell
    }
  },
);
