// Hardening: another extension and a hostile page attack the worker and the content script;
// storage holds garbage, an old schema, or is over its quota; a strict CSP keeps wasm out of
// the page while the toolbar, shortcut and context menu still work.

import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openPage, waitFor, ENTRY, VERSION , landsOn } from "./harness.mjs";
import { CSP } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const PAGE = {
  url: "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
  gitpod: "https://gitpod.io/#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
  options: "https://app.ona.com/?autostart=false#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
};
const GITPOD_SELF = "https://gitpod.example.test";

let env;
before(async () => {
  env = await launch({ preGranted: [`${GITPOD_SELF}/*`], others: [join(here, "hostile-extension")] });
});
after(async () => { await env?.close(); });
beforeEach(async () => {
  await env.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
  });
  for (const p of env.context.pages().slice(1)) await p.close();
});

const storage = (area, key) => env.storage(area, key);
const setStorage = (area, items) => env.setStorage(area, items);
const newTab = () => env.context.waitForEvent("page", { timeout: 5000 });
const entryHref = (page) => page.locator(`${ENTRY} a`).getAttribute("href");

async function tabOf(page) {
  await page.bringToFront();
  const tab = await env.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
  return { ...tab, url: page.url() };
}

/** Every message another extension tries; none may be acted on. */
const ATTACKS = [
  { type: "ping" },
  { type: "open", url: "https://gitlab.com/a/b", mode: "open" },
  { type: "open", url: "https://gitlab.com/a/b", mode: "open", tab_id: 1 },
  { type: "open", url: "javascript:alert(document.cookie)", mode: "open" },
  { type: "save_settings", target: { gitpod_origin: "https://evil.test" }, flags: { open_in_new_tab: true } },
  { type: "connect", host: "gitlab.com" },
  { type: "enable_host", origin: "https://evil.test", tab_id: 1 },
  { type: "disable_host", origin: "https://gitlab.example.test" },
  { type: "content_blocked", reason: "x" },
  { type: "open", url: "https://gitlab.com/" + "a/".repeat(200000), mode: "open" },
  { type: "save_settings", target: { gitpod_origin: "https://evil.test" }, flags: { toolbar_opens_directly: true }, extra: 1 },
  { type: "__proto__", constructor: { prototype: { polluted: true } } },
  { type: ["open"] },
  { type: null },
  {},
  [],
  "open",
  42,
  null,
  true,
  { type: "open", url: { toString: "https://gitlab.com/a/b" }, mode: "open" },
  { type: "open", url: "https://gitlab.com/a/b", mode: "open", sender: { id: "forged" } },
];

test("another extension: every message gets an error reply, none is acted on, ports are closed", async () => {
  const attacker = env.context.serviceWorkers().find((w) => new URL(w.url()).host !== env.extensionId);
  assert.ok(attacker, "the hostile extension's worker runs");
  const settingsBefore = await storage("sync", "settings");
  const pagesBefore = env.context.pages().length;
  const replies = await attacker.evaluate(async ([target, attacks]) => {
    const out = [];
    for (const msg of attacks) {
      try {
        out.push(await chrome.runtime.sendMessage(target, msg));
      } catch (e) {
        out.push({ thrown: String(e) });
      }
    }
    // A port is disconnected by the worker at once.
    const port = chrome.runtime.connect(target);
    const closed = await new Promise((resolve) => {
      port.onDisconnect.addListener(() => resolve(true));
      try { port.postMessage({ type: "open", url: "https://gitlab.com/a/b", mode: "open" }); } catch (_) { resolve(true); }
      setTimeout(() => resolve(false), 3000);
    });
    return { out, closed };
  }, [env.extensionId, ATTACKS]);
  assert.equal(replies.out.length, ATTACKS.length);
  for (const [i, reply] of replies.out.entries()) {
    assert.deepEqual(reply, { type: "error", message: "unknown sender" }, `attack #${i}: ${JSON.stringify(ATTACKS[i]).slice(0, 80)}`);
  }
  assert.equal(replies.closed, true, "the port was closed");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(env.context.pages().length, pagesBefore, "no tab opened");
  assert.deepEqual(await storage("sync", "settings"), settingsBefore, "settings untouched");
  assert.deepEqual(await env.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);
  assert.equal(await env.worker.evaluate(() => ({}).polluted), undefined);
  // The worker keeps running and answers its own pages.
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extensionId}/popup.html`);
  assert.deepEqual(await popup.evaluate(() => chrome.runtime.sendMessage({ type: "ping" })), { type: "pong", version: VERSION });
});

test("a hostile page: posted messages, forged events, fake entries and globals change nothing", async () => {
  const { page, errors } = await openPage(env.context, PAGE.url);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  const pagesBefore = env.context.pages().length;
  const seen = await page.evaluate(async () => {
    // The page world has no extension API at all.
    const runtime = typeof chrome !== "undefined" && chrome.runtime && chrome.runtime.sendMessage;
    for (const msg of [{ type: "open", url: "https://gitlab.com/a/b", mode: "open" }, { type: "save_settings" }]) {
      window.postMessage(msg, "*");
      document.dispatchEvent(new CustomEvent("gitpod-for-gitlab", { detail: msg }));
    }
    // The content script's marker is in its isolated world; the page's own is just a global.
    window.__gitpodForGitLab = { start: -1, forged: true };
    // A fake entry of ours elsewhere in the page.
    const fake = document.createElement("li");
    fake.setAttribute("data-gitpod-ext", "");
    fake.setAttribute("data-gitpod-ext-action", "gitpod");
    const a = document.createElement("a");
    a.href = "javascript:alert(1)";
    fake.append(a);
    document.body.append(fake);
    await new Promise((r) => setTimeout(r, 500));
    return { runtime: Boolean(runtime) };
  });
  assert.equal(seen.runtime, false);
  // Our entry is still the one in GitLab's control, with the real URL; the fake is ignored.
  assert.equal(await entryHref(page), PAGE.gitpod);
  assert.equal(await page.locator(`[data-testid="action-dropdown"] ${ENTRY}`).count(), 1);
  assert.equal(env.context.pages().length, pagesBefore, "no tab opened");
  assert.equal(await storage("sync", "settings"), undefined);
  assert.equal(await storage("sync", "last_action"), undefined);
  assert.deepEqual(errors, []);
});

test("storage: garbage of every type and an old schema; the content script and popup keep working", async () => {
  const cases = [
    // [settings, last_action, what the entry must point at, the action pre-selected]
    [42, [1, 2], PAGE.gitpod],
    ["https://gitpod.example.test", "gitpod_options", PAGE.gitpod],
    [{ gitpod_origin: { href: "https://evil.test" }, open_in_new_tab: "no" }, { "gitlab.com": 7 }, PAGE.gitpod],
    [{ gitpod_origin: "javascript:alert(1)//" }, { "gitlab.com": "<img src=x onerror=alert(1)>" }, PAGE.gitpod],
    [{ gitpod_origin: "https://user:pw@gitpod.example.test" }, null, PAGE.gitpod],
    [null, { "gitlab.com": "gitpod_options", ["x".repeat(300)]: "webide" }, PAGE.gitpod, "gitpod_options"],
    // An old schema (no `schema`, version 0, and a field a former version wrote): readable values kept.
    [{ schema: 0, gitpod_origin: "https://gitpod.example.test", legacy_field: true }, { "GITLAB.COM": "gitpod" },
      PAGE.gitpod.replace("https://gitpod.io", GITPOD_SELF)],
    [{ gitpod_origin: "https://gitpod.example.test/", open_in_new_tab: false }, {},
      PAGE.gitpod.replace("https://gitpod.io", GITPOD_SELF)],
  ];
  for (const [i, [settings, last, want, chosen = "gitpod"]] of cases.entries()) {
    await env.worker.evaluate(async () => chrome.storage.sync.clear());
    await setStorage("sync", { settings, last_action: last });
    const { page, errors } = await openPage(env.context, PAGE.url);
    await page.locator(ENTRY).waitFor({ state: "attached" });
    assert.equal(await entryHref(page), want, `case #${i}`);
    await page.waitForSelector(`[data-gitpod-ext-action="${chosen}"][data-gitpod-ext-last]`, { state: "attached" });
    assert.deepEqual(errors, [], `case #${i}`);
    await page.close();
  }
  // The old schema's values survive a save from the popup, which writes the current schema
  // and keeps fields it does not know.
  await env.worker.evaluate(async () => chrome.storage.sync.clear());
  await setStorage("sync", { settings: { schema: 0, gitpod_origin: GITPOD_SELF, legacy_field: true } });
  const { page } = await openPage(env.context, PAGE.url);
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.textContent("#gitpod-url"), PAGE.gitpod.replace("https://gitpod.io", GITPOD_SELF));
  await popup.click("#settings > summary");
  await popup.uncheck("#open-in-new-tab");
  await popup.click("#save");
  await waitFor(async () => (await popup.textContent("#settings-message")) === "Saved.", "Saved.");
  assert.deepEqual(await storage("sync", "settings"), {
    // Migrated to schema 3: the old origin is a custom Gitpod, named as its entries were.
    schema: 3, target: "custom", gitpod_origin: GITPOD_SELF, target_name: "Gitpod", editor: "", workspace_class: "",
    host_targets: {}, open_in_new_tab: false, toolbar_opens_directly: false, in_page_entries: true, legacy_field: true,
  });
});

test("storage over its quota: settings and the last action are kept locally and read back", async () => {
  // Fill chrome.storage.sync until even a small item no longer fits.
  const filled = await env.worker.evaluate(async () => {
    let n = 0;
    let lastError = "";
    for (const size of [8000, 4000, 2000, 1000, 500, 250, 120, 60]) {
      for (;;) {
        try {
          await chrome.storage.sync.set({ [`fill${n}`]: "x".repeat(size) });
          n++;
        } catch (e) {
          lastError = String(e);
          break;
        }
      }
    }
    return { n, used: await chrome.storage.sync.getBytesInUse(null), lastError };
  });
  assert.match(filled.lastError, /quota/i);
  assert.ok(filled.used > 102400 - 100, `sync is full: ${filled.used} bytes`);

  // The popup saves settings anyway (to local storage) and shows them again.
  const { page } = await openPage(env.context, PAGE.url);
  const popup = await env.clickToolbar(page);
  await popup.click("#settings > summary");
  await popup.fill("#gitpod-origin", GITPOD_SELF);
  await popup.click("#save");
  await waitFor(async () => (await popup.textContent("#settings-message")) === "Saved.", "Saved.");
  assert.equal((await storage("local", "settings")).gitpod_origin, GITPOD_SELF);
  assert.equal(await storage("sync", "settings"), undefined, "no stale copy in sync");
  const again = await env.clickToolbar(page);
  assert.equal(await again.textContent("#gitpod-url"), PAGE.gitpod.replace("https://gitpod.io", GITPOD_SELF));

  // The content script reads them, and remembers a choice despite the full sync area.
  const { page: gitlab, errors } = await openPage(env.context, PAGE.url);
  await gitlab.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await entryHref(gitlab), PAGE.gitpod.replace("https://gitpod.io", GITPOD_SELF));
  await gitlab.click('[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]');
  const options = gitlab.locator('[data-testid="gitpod-ext-options-menu-item"] a');
  const [opened] = await Promise.all([newTab(), options.click()]);
  await opened.close();
  await waitFor(async () => (await storage("local", "last_action"))?.["gitlab.com"] === "gitpod_options", "the choice kept locally");
  const { page: reloaded } = await openPage(env.context, PAGE.url);
  await reloaded.waitForSelector('[data-gitpod-ext-action="gitpod_options"][data-gitpod-ext-last]', { state: "attached" });
  assert.deepEqual(errors, []);
});

test("strict CSP (script-src 'self'): page untouched without errors; toolbar, shortcut and context menu still open Gitpod", async () => {
  env.server.setCsp(CSP.strict);
  try {
    const { page, errors } = await openPage(env.context, PAGE.url);
    const before = await page.content();
    await waitFor(async () => (await env.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).length > 0,
      "the worker's note", 8000);
    assert.equal(await page.locator("[data-gitpod-ext]").count(), 0);
    assert.equal(await page.content(), before, "the page is as GitLab rendered it");
    assert.deepEqual(errors, []);
    const title = await env.worker.evaluate(async (tabId) => chrome.action.getTitle({ tabId }), (await tabOf(page)).id);
    assert.match(title, /security policy blocks the in-page Gitpod entry/);

    const tab = await tabOf(page);
    const [viaShortcut] = await Promise.all([newTab(), env.worker.evaluate((tab) => self.gitpodForGitLab.onCommand("open-in-gitpod", tab), tab)]);
    await viaShortcut.waitForLoadState();
    await landsOn(viaShortcut, PAGE.gitpod);
    await viaShortcut.close();

    const link = "https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/4242";
    const [viaMenu] = await Promise.all([newTab(), env.worker.evaluate(([tab, linkUrl]) =>
      self.gitpodForGitLab.onContextMenuClick({ menuItemId: "open-link-in-gitpod", linkUrl, pageUrl: tab.url }, tab), [tab, link])]);
    await viaMenu.waitForLoadState();
    await landsOn(viaMenu, `https://gitpod.io/#${link}`);
    await viaMenu.close();

    const popup = await env.clickToolbar(page);
    assert.match(await popup.textContent("#blocked"), /security policy keeps the Gitpod entry out/);
    const [viaPopup] = await Promise.all([newTab(), popup.click("#open")]);
    await viaPopup.waitForLoadState();
    await landsOn(viaPopup, PAGE.gitpod);
  } finally {
    env.server.setCsp(CSP.gitlab);
  }
});

test("strict CSP: a closed tab's note is dropped when the next one is written (no tab listener needed)", async () => {
  env.server.setCsp(CSP.strict);
  try {
    const notes = async () => Object.keys(await env.worker.evaluate(async () => chrome.storage.session.get(null))).filter((k) => k.startsWith("blocked:")).sort();
    const { page: first } = await openPage(env.context, PAGE.url);
    const firstId = (await tabOf(first)).id;
    await waitFor(async () => (await notes()).includes(`blocked:${firstId}`), "the first tab's note", 8000);
    await first.close();
    const { page: second } = await openPage(env.context, PAGE.url);
    const secondId = (await tabOf(second)).id;
    await waitFor(async () => (await notes()).includes(`blocked:${secondId}`), "the second tab's note", 8000);
    await waitFor(async () => !(await notes()).includes(`blocked:${firstId}`), "the closed tab's note dropped");
    // The worker stays idle otherwise: no tab listener hooked for this.
    assert.equal(await env.worker.evaluate(() => chrome.tabs.onRemoved.hasListeners()), false);
    await second.close();
  } finally {
    env.server.setCsp(CSP.gitlab);
  }
});

test("GitLab's real CSP header: the entry appears and works", async () => {
  const { page, errors } = await openPage(env.context, PAGE.url);
  const response = await page.reload();
  assert.equal(response.headers()["content-security-policy"], CSP.gitlab);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await entryHref(page), PAGE.gitpod);
  assert.deepEqual(errors, []);
});
