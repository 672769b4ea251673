// `cargo xtask diagnose PAGE.html --url URL`: the built extension, in headless Chromium, on a
// page saved from the browser (Ctrl+S), served at URL. Prints what the extension makes of it:
// GitLab recognised or not, the page kind, the control it joined (anchor name) or the
// fallback, GitLab's own Gitpod item found or not, and the Gitpod URL the entry opens. The
// saved page's own scripts do not run (their files are not served): the content script acts on
// the DOM as the browser saved it, with anything of ours in it removed first.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { launch, openPage } from "./harness.mjs";

/** What the content script reported (extension/diagnose.js, run by the worker in the active
 * tab, which the toolbar click let the extension script, as the popup does). */
async function report(env) {
  return env.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab) return null;
    const [result] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["diagnose.js"] });
    return result?.result ?? null;
  }).catch(() => null);
}

export async function diagnose({ file, url }) {
  const target = new URL(url);
  if (!/^https?:$/.test(target.protocol)) throw new Error(`not a web page URL: ${url}`);
  const html = readFileSync(file, "utf8");
  const selfHosted = target.host !== "gitlab.com";
  const env = await launch({
    pages: { [target.href]: html },
    fixtures: false,
    hosts: selfHosted ? [target.hostname] : [],
    preGranted: selfHosted ? [`${target.origin}/*`] : [],
  });
  try {
    if (selfHosted) {
      // As a user enables the host from the popup: the worker registers the content script.
      const ext = await env.context.newPage();
      await ext.goto(`chrome-extension://${env.extensionId}/popup.html`);
      const reply = await ext.evaluate((origin) => chrome.runtime.sendMessage({ type: "enable_host", origin }), target.origin);
      if (reply?.type !== "done") throw new Error(`could not enable ${target.origin}: ${JSON.stringify(reply)}`);
      await ext.close();
    }
    const page = await env.context.newPage();
    // A page saved with the extension installed holds our entries already: not part of GitLab.
    await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => {
      for (const e of document.querySelectorAll("[data-gitpod-ext]")) e.remove();
      for (const e of document.querySelectorAll("[data-gitpod-ext-last]")) e.removeAttribute("data-gitpod-ext-last");
      for (const e of document.querySelectorAll("[data-gitpod-ext-mark]")) e.remove();
    }));
    await page.goto(target.href);
    // The user's click on the toolbar button (it grants the extension this tab, as for the popup).
    const popup = await env.clickToolbar(page);
    await popup.close();
    // Until the content script has settled: GitLab's control, GitLab's own item, the fallback
    // (which waits 2.5 s for a control), or not GitLab at all.
    let r = null;
    for (let waited = 0; waited < 6000; waited += 200) {
      r = await report(env);
      if (r && !["starting", "none"].includes(r.state)) break;
      await page.waitForTimeout(200);
    }
    const native = r?.state === "native";
    const control = r?.state === "entry" || native ? r.anchor : r?.state === "fallback" ? "none (fallback button)" : "none";
    return [
      `page: ${url} (${file})`,
      `GitLab recognised: ${!r ? "no (the extension did not run)" : r.state === "not_gitlab" ? "no" : r.state === "blocked" ? "yes, but its security policy blocks the extension's code" : "yes"}`,
      `page kind: ${r?.page || "-"}`,
      `control: ${control}`,
      `GitLab's own Gitpod item: ${native ? "yes (the extension added none)" : "no"}`,
      `Gitpod URL: ${r?.gitpod_url || "-"}`,
    ];
  } finally {
    await env.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--url");
  const url = at >= 0 ? args[at + 1] : null;
  const file = args.find((a, i) => a !== "--url" && i !== at + 1);
  if (!file || !url) {
    console.error("usage: cargo xtask diagnose PAGE.html --url URL");
    process.exit(2);
  }
  for (const line of await diagnose({ file, url })) console.log(line);
}
