// Content-script boot (bundled with the wasm-bindgen glue by `cargo xtask build`, which also
// puts `BOOT` in front of it: the core's `entry_pages` lists and report state names).
// Injected at `document_end`, after GitLab's DOMContentLoaded, so GitLab's own parsing never
// waits for us (at `document_start` even a script that waited cost DOMContentLoaded its
// evaluation, measured +4 to +9 ms); then
// `<body data-page>` says whether this page can carry an entry at all (`src/entry_pages.rs`).
// Where it cannot (dashboards, pipelines, settings, issue lists) no wasm is fetched or compiled:
// the marker says `idle` for the popup, and an in-page navigation to another path (GitLab's
// routers) loads it then.
// The wasm is a packaged file, compiled while it streams in (Chromium caches the compiled code),
// so no copy of it lives in the page's JS heap. On gitlab.com it is web-accessible (the manifest,
// behind a per-session dynamic URL); on a self-hosted GitLab, which no manifest can name, the
// fetch is refused and the worker hands the bytes over instead.
// Where the page's CSP forbids WebAssembly (Chromium applies it to content scripts) the page is
// left untouched, one line is logged, and the worker is told so the toolbar button can explain.
// Once per page: enabling a self-hosted GitLab injects this script into the open tab, and the
// registered copy may run there too.
// The marker also keeps start-up timings and the wasm memory for `cargo xtask bench`; it lives in
// the extension's isolated world, which the page cannot see.
if (!globalThis.__gitpodForGitLab) {
  const marker = (globalThis.__gitpodForGitLab = { start: BUNDLE_START });
  const tell = (message) => {
    try {
      return chrome.runtime.sendMessage(message);
    } catch (error) {
      return Promise.reject(error); // extension reloaded or context gone
    }
  };
  const fromWorker = () =>
    tell({ type: "content_wasm" }).then((reply) => {
      if (reply?.type !== "wasm") throw new Error(reply?.message || "no wasm from the worker");
      marker.via = "worker";
      return Uint8Array.fromBase64
        ? Uint8Array.fromBase64(reply.base64)
        : Uint8Array.from(atob(reply.base64), (c) => c.charCodeAt(0));
    });
  // Fetched only where the manifest makes the file accessible (a refused fetch would put an
  // error in the page's console on every load of a self-hosted GitLab).
  const accessible = () =>
    (chrome.runtime.getManifest().web_accessible_resources || []).some(
      (r) => r.resources.includes("content.wasm") && r.matches.some((m) => location.href.startsWith(m.replace(/\*$/, ""))),
    );
  const fromFile = () =>
    fetch(chrome.runtime.getURL("content.wasm")).then((response) => {
      if (!response.ok) throw new Error(`content.wasm: ${response.status}`);
      marker.via = "file";
      return response;
    });
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    delete marker.state; // starting
    const wasm = accessible() ? fromFile().catch(fromWorker) : fromWorker();
    const wasm_bindgen = glue(); // the wasm-bindgen glue, built only now (`scoped` in build.rs)
    wasm_bindgen({ module_or_path: wasm }).then(
      (exports) => {
        marker.ready = performance.now();
        marker.memory = exports.memory;
        marker.initialMemory = exports.memory.buffer.byteLength;
        marker.externrefs = exports.__wbindgen_externrefs; // JS values held by Rust (bench)
        wasm_bindgen.content_main();
      },
      (error) => {
        marker.state = BOOT.blocked;
        console.info("Gitpod for GitLab: not available on this page:", String(error));
        tell({ type: "content_blocked", reason: String(error).slice(0, 200) }).catch(() => {});
      },
    );
  };
  // `entry_pages::can_carry_entry`.
  const canCarryEntry = (page) => {
    if (!page) return true;
    if (!page.startsWith(BOOT.project)) return false;
    const section = page.slice(BOOT.project.length);
    return !BOOT.without.some((s) => section === s || section.startsWith(s + ":"));
  };
  const decide = () => {
    if (canCarryEntry(document.body?.getAttribute("data-page"))) return start();
    marker.state = BOOT.idle;
    // GitLab's routers change the path without a new page (an issue list opening an issue):
    // the Navigation API tells; without it, a click or history step is checked shortly after.
    const path = location.pathname;
    const check = () => !started && location.pathname !== path && start();
    const nav = globalThis.navigation;
    if (nav?.addEventListener) {
      nav.addEventListener("currententrychange", check);
    } else {
      const soon = () => [0, 250, 1000].forEach((ms) => setTimeout(check, ms));
      addEventListener("popstate", soon);
      document.addEventListener("click", soon, { capture: true, passive: true });
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", decide, { once: true });
  else decide();
}
