// Content-script boot (bundled after the wasm-bindgen glue and WASM_BYTES by `cargo xtask build`).
// Compiles asynchronously, off the page's critical path. Where the page's CSP forbids
// WebAssembly (Chromium applies it to content scripts) the page is left untouched, one line is
// logged, and the worker is told so the toolbar button can explain.
// Once per page: enabling a self-hosted GitLab injects this script into the open tab, and the
// registered copy may run there too.
// The marker also keeps start-up timings and the wasm memory for `cargo xtask bench`; it lives in
// the extension's isolated world, which the page cannot see.
if (!globalThis.__gitpodForGitLab) {
  const marker = (globalThis.__gitpodForGitLab = { start: BUNDLE_START });
  wasm_bindgen({ module_or_path: WASM_BYTES }).then(
    (exports) => {
      marker.ready = performance.now();
      marker.memory = exports.memory;
      marker.externrefs = exports.__wbindgen_externrefs; // JS values held by Rust (bench)
      wasm_bindgen.content_main();
    },
    (error) => {
      marker.state = "blocked";
      console.info("Gitpod for GitLab: not available on this page:", String(error));
      try {
        chrome.runtime.sendMessage({ type: "content_blocked", reason: String(error).slice(0, 200) }).catch(() => {});
      } catch (_) {
        // extension reloaded or context gone: nothing to tell
      }
    },
  );
}
