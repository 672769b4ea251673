// Gitpod as it is today, per target, as a user meets it: gitpod.io (forwarding to Ona, served by
// a stand-in of its minimal mode), Ona, and a Dedicated instance (a Gitpod Classic stand-in).
// For each: the URL every in-page entry, popup button, the shortcut and the link context menu
// open (with options too) and where the tab ends up, and the popup's account section. Then:
// the first-run options page (on install, not on update), two GitLab hosts routed to two
// targets, launch presets on Dedicated set in the options page, and GitLab pages left untouched.

import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, waitFor, landsOn, ENTRY, EXTENSION_DIR } from "./harness.mjs";
import { SELF_HOSTED } from "./server.mjs";

const SHOTS = join(EXTENSION_DIR, "../screenshots");
mkdirSync(SHOTS, { recursive: true });
const OPTIONS_ENTRY = '[data-testid="gitpod-ext-options-menu-item"]';
const PATH = "/tanuki-org/ci-cd/runner-tools/tanuki-cli";
const PAGE = `https://gitlab.com${PATH}`;
const SELF = `https://${SELF_HOSTED}${PATH}`;
const LINK = "https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/4242";
const DEDICATED = "https://acme.gitpod.cloud";
const ONA_DOCS = "https://ona.com/docs/ona/source-control/gitlab";

let env;
before(async () => {
  env = await launch({ preGranted: [`https://${SELF_HOSTED}/*`, `${DEDICATED}/*`] });
});
after(async () => { await env?.close(); });
beforeEach(async () => {
  await env.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
  for (const p of env.context.pages().slice(1)) await p.close();
});

const newTab = () => env.context.waitForEvent("page", { timeout: 5000 });
const hooks = (name, ...args) => env.worker.evaluate(([n, a]) => self.gitpodForGitLab[n](...a), [name, args]);

/** Saves settings as the settings form does (`target` and `host_targets` in the form's shape,
 * from an extension page), after enabling `hosts`: the worker validates them and redoes what
 * depends on them (menus, toolbar). */
async function useSettings({ target, host_targets = [], ...flags }, hosts = []) {
  const tab = await env.context.newPage();
  await tab.goto(`chrome-extension://${env.extensionId}/popup.html`);
  const replies = await tab.evaluate(async ([target, host_targets, flags, hosts]) => {
    const out = [];
    for (const origin of hosts) out.push(await chrome.runtime.sendMessage({ type: "enable_host", origin }));
    out.push(await chrome.runtime.sendMessage({
      type: "save_settings", target, host_targets, flags,
    }));
    return out;
  }, [target, host_targets, flags, hosts]);
  await tab.close();
  assert.deepEqual(replies.filter((r) => r.type !== "done"), []);
}

async function tabOf(page) {
  await page.bringToFront();
  const tab = await env.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
  return { ...tab, url: page.url() };
}

/** Every way a user opens `page` on this target, and where each lands. */
async function everyWayOpens(url, expect) {
  const { page, errors } = await openPage(env.context, url);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  // In-page entries.
  assert.equal(await page.locator(`${ENTRY} a`).getAttribute("href"), expect.open, "entry");
  assert.equal(await page.locator(`${OPTIONS_ENTRY} a`).getAttribute("href"), expect.options, "options entry");
  for (const [selector, want] of [[ENTRY, expect.open], [OPTIONS_ENTRY, expect.options]]) {
    await page.click('[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]');
    const [tab] = await Promise.all([newTab(), page.locator(`${selector} a`).click()]);
    await landsOn(tab, want);
    await tab.close();
  }
  // The popup's buttons, as the target offers them.
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.locator("#open-prebuild").count(), expect.prebuild ? 1 : 0, "prebuild offered");
  await popup.hover("#open-options");
  assert.equal(await popup.textContent("#gitpod-url"), expect.options);
  const [viaPopup] = await Promise.all([newTab(), popup.click("#open-options")]);
  await landsOn(viaPopup, expect.options);
  await viaPopup.close();
  // The shortcut (the host's last action: with options, just used) and the link menu.
  const tab = await tabOf(page);
  const [viaShortcut] = await Promise.all([newTab(), hooks("onCommand", "open-in-gitpod", tab)]);
  await landsOn(viaShortcut, expect.options);
  await viaShortcut.close();
  await env.worker.evaluate(() => chrome.storage.sync.set({ last_action: {} }));
  const [viaMenu] = await Promise.all([newTab(), hooks("onContextMenuClick", { menuItemId: expect.menuItem ?? "open-link-in-gitpod", linkUrl: expect.link.page, pageUrl: url }, tab)]);
  await landsOn(viaMenu, expect.link.open);
  await viaMenu.close();
  assert.deepEqual(errors, []);
  return page;
}

test("gitpod.io (forwards to Ona): Open keeps gitpod.io's URL and lands on Ona; with options goes to Ona directly", async () => {
  const page = await everyWayOpens(PAGE, {
    open: `https://gitpod.io/#${PAGE}`,
    options: `https://app.ona.com/?autostart=false#${PAGE}`,
    prebuild: false,
    link: { page: LINK, open: `https://gitpod.io/#${LINK}` },
  });
  // The stand-in forwarded with the query dropped, as gitpod.io does: a query there is lost.
  assert.ok(env.server.onaHits.includes("/"), "Ona reached through gitpod.io");
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.getAttribute("#account", "data-flow"), "gitpod");
  assert.equal(await popup.locator("#connect").count(), 0);
  assert.match(await popup.textContent("#account-forwarded"), /gitpod\.io now opens Ona/);
  assert.equal(await popup.getAttribute("#ona-gitlab-docs", "href"), ONA_DOCS);
  await popup.click("#settings > summary");
  assert.equal(await popup.textContent("#gitpod-target option:checked"), "Gitpod → Ona (gitpod.io)");
  assert.match(await popup.textContent("#target-help"), /forwards every workspace link to Ona/);
  assert.equal(await popup.isHidden("#target-presets-row"), true, "no presets: the redirect would drop them");
  await popup.screenshot({ path: join(SHOTS, "popup-target-gitpod.png"), fullPage: true });
});

test("Ona: autostart=true to open, autostart=false with options; the account section explains Ona's own flow", async () => {
  await useSettings({ target: { target: "ona" } });
  const page = await everyWayOpens(PAGE, {
    open: `https://app.ona.com/?autostart=true#${PAGE}`,
    options: `https://app.ona.com/?autostart=false#${PAGE}`,
    prebuild: false,
    link: { page: LINK, open: `https://app.ona.com/?autostart=true#${LINK}` },
  });
  assert.ok(env.server.onaHits.includes("/?autostart=true"), "Ona asked to start at once");
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.getAttribute("#account", "data-flow"), "ona");
  assert.equal(await popup.locator("#connect").count(), 0);
  assert.equal(await popup.locator("#account-forwarded").count(), 0);
  assert.match(await popup.textContent("#account-ona"), /Ona asks for access to your gitlab\.com account/);
  assert.match(await popup.textContent("#disconnect"), /To withdraw Ona's access/);
  await popup.screenshot({ path: join(SHOTS, "popup-target-ona.png"), fullPage: true });
});

test("Dedicated (Gitpod Classic): every mode on its own origin, legacy prebuild offered, the connect flow and its guide", async () => {
  await useSettings({ target: { target: "custom", gitpod_origin: DEDICATED, target_name: "Acme" } });
  const page = await everyWayOpens(PAGE, {
    open: `${DEDICATED}/#${PAGE}`,
    options: `${DEDICATED}/?autostart=false#${PAGE}`,
    prebuild: true,
    link: { page: LINK, open: `${DEDICATED}/#${LINK}` },
  });
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.getAttribute("#account", "data-flow"), "custom");
  assert.equal(await popup.textContent("#connect"), "Connect gitlab.com account");
  await popup.click("#connect");
  await waitFor(async () => (await env.storage("local", "connect"))?.state === "connected", "connected", 8000);
  assert.ok(env.server.gitpodHits.some((h) => h.startsWith(`${DEDICATED}/api/authorize?`)), "its own authorize page");
  await popup.screenshot({ path: join(SHOTS, "popup-target-dedicated.png"), fullPage: true }).catch(() => {});
});

test("two GitLab hosts, two targets: gitlab.com opens in Ona, the company GitLab in its Dedicated instance", async () => {
  await useSettings({
    target: { target: "gitpod" },
    host_targets: [
      { host: "gitlab.com", target: { target: "ona" } },
      { host: SELF_HOSTED, target: { target: "custom", gitpod_origin: DEDICATED, target_name: "Acme" } },
    ],
  }, [`https://${SELF_HOSTED}`]);
  await everyWayOpens(PAGE, {
    open: `https://app.ona.com/?autostart=true#${PAGE}`,
    options: `https://app.ona.com/?autostart=false#${PAGE}`,
    prebuild: false,
    link: { page: LINK, open: `https://app.ona.com/?autostart=true#${LINK}` },
    menuItem: "open-link-in-gitpod:Ona",
  });
  const self = await everyWayOpens(SELF, {
    open: `${DEDICATED}/#${SELF}`,
    options: `${DEDICATED}/?autostart=false#${SELF}`,
    prebuild: true,
    link: { page: SELF, open: `${DEDICATED}/#${SELF}` },
    menuItem: "open-link-in-gitpod:Acme",
  });
  assert.equal((await self.locator(ENTRY).textContent()).includes("Acme"), true, "labelled with its target's name");
  // One link item per target, each on its own hosts' links only (an unknown id fails to update).
  for (const id of ["open-link-in-gitpod:Ona", "open-link-in-gitpod:Acme"]) {
    await env.worker.evaluate((id) => new Promise((ok, fail) => chrome.contextMenus.update(id, {}, () =>
      chrome.runtime.lastError ? fail(new Error(chrome.runtime.lastError.message)) : ok())), id);
  }
  // The popup's account section follows the tab's host.
  const popup = await env.clickToolbar(self);
  assert.equal(await popup.getAttribute("#account", "data-flow"), "custom");
  assert.equal(await popup.textContent("#callback-url"), `${DEDICATED}/auth/${SELF_HOSTED}/callback`);
  await popup.click("#settings > summary");
  assert.equal(await popup.inputValue('[data-host="gitlab.com"] select'), "ona");
  assert.equal(await popup.inputValue(`[data-host="${SELF_HOSTED}"] select`), "custom");
  await popup.screenshot({ path: join(SHOTS, "popup-per-host-targets.png"), fullPage: true });
});

test("options page: a host's target chosen beside the host; presets for Dedicated only, applied to Open", async () => {
  await useSettings({ target: { target: "gitpod" } }, [`https://${SELF_HOSTED}`]);
  await env.worker.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get("settings");
    await chrome.storage.sync.set({ settings: { ...settings, from_a_newer_version: 1 } });
  });
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.extensionId}/options.html`);
  await options.locator("#settings-form").waitFor();
  assert.equal(await options.locator("#targets-explained li").count(), 3);
  // Dedicated as the default, with presets.
  await options.selectOption("#gitpod-target", "custom");
  assert.equal(await options.isVisible("#target-presets-row"), true);
  await options.fill("#gitpod-origin", DEDICATED);
  await options.fill("#target-name", "Acme");
  await options.fill("#target-editor", "intellij");
  await options.fill("#target-class", "g1 large");
  await options.click("#save");
  assert.match(await options.textContent("#settings-message"), /letters, digits/);
  await options.fill("#target-class", "g1-large");
  // gitlab.com to Ona, beside its host: no presets offered there.
  const row = options.locator('[data-host="gitlab.com"]');
  await row.locator("select").selectOption("ona");
  assert.equal(await row.locator('[id$="target-presets-row"]').isHidden(), true);
  await options.click("#save");
  await waitFor(async () => (await options.textContent("#settings-message")) === "Saved.", "Saved.");
  const stored = await env.storage("sync", "settings");
  assert.deepEqual(
    { target: stored.target, editor: stored.editor, workspace_class: stored.workspace_class, hosts: stored.host_targets, kept: stored.from_a_newer_version },
    { target: "custom", editor: "intellij", workspace_class: "g1-large", kept: 1,
      hosts: { "gitlab.com": { target: "ona", gitpod_origin: "https://app.ona.com", target_name: "Ona", editor: "", workspace_class: "" } } });
  await options.screenshot({ path: join(SHOTS, "options-targets.png"), fullPage: true });
  // The self-hosted GitLab follows the default: Dedicated, with its presets on Open only.
  const { page } = await openPage(env.context, SELF);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await page.locator(`${ENTRY} a`).getAttribute("href"), `${DEDICATED}/?editor=intellij&workspaceClass=g1-large#${SELF}`);
  assert.equal(await page.locator(`${OPTIONS_ENTRY} a`).getAttribute("href"), `${DEDICATED}/?autostart=false#${SELF}`);
  // gitlab.com: Ona, no presets.
  const { page: com } = await openPage(env.context, PAGE);
  await com.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await com.locator(`${ENTRY} a`).getAttribute("href"), `https://app.ona.com/?autostart=true#${PAGE}`);
});

test("GitLab pages untouched, if the user wants: nothing injected; popup, toolbar, shortcut and link menu still open", async () => {
  const { page: first } = await openPage(env.context, PAGE);
  const popupBefore = await env.clickToolbar(first);
  await popupBefore.click("#settings > summary");
  await popupBefore.uncheck("#in-page-entries");
  await popupBefore.click("#save");
  await waitFor(async () => (await env.storage("sync", "settings"))?.in_page_entries === false, "saved");
  const { page, errors } = await openPage(env.context, PAGE);
  await page.waitForLoadState("load");
  await page.waitForTimeout(1500); // past the fallback's settle time
  assert.equal(await page.locator('[data-gitpod-ext], [data-testid^="gitpod-ext-"], [data-gitpod-ext-last]').count(), 0, "nothing of ours");
  const popup = await env.clickToolbar(page);
  assert.match(await popup.textContent("#diagnosis"), /In-page entries are off/);
  const [viaPopup] = await Promise.all([newTab(), popup.click("#open")]);
  await landsOn(viaPopup, `https://gitpod.io/#${PAGE}`);
  await viaPopup.close();
  const tab = await tabOf(page);
  const [viaShortcut] = await Promise.all([newTab(), hooks("onCommand", "open-in-gitpod", tab)]);
  await landsOn(viaShortcut, `https://gitpod.io/#${PAGE}`);
  await viaShortcut.close();
  const [viaMenu] = await Promise.all([newTab(), hooks("onContextMenuClick", { menuItemId: "open-link-in-gitpod", linkUrl: LINK, pageUrl: PAGE }, tab)]);
  await landsOn(viaMenu, `https://gitpod.io/#${LINK}`);
  assert.deepEqual(errors, []);
});

test("first run: installing opens the options page once; a browser restart and an update keep the settings and open nothing", async () => {
  assert.match(env.firstRunPage ?? "", new RegExp(`options=${env.extensionId}|${env.extensionId}/options\\.html`), `first run opened ${env.firstRunPage}`);
  const settings = { schema: 3, target: "ona", open_in_new_tab: false };
  const first = await launch({ keepProfile: true });
  assert.ok(first.firstRunPage, "a fresh profile is an install");
  await first.setStorage("sync", { settings });
  await first.close();
  const [major, minor, patch] = (await import("./harness.mjs")).VERSION.split(".").map(Number);
  for (const [what, manifestPatch] of [["restart", null], ["update", { version: `${major}.${minor}.${patch + 1}` }]]) {
    const again = await launch({ profileDir: first.profile, keepProfile: true, manifestPatch, firstRun: "keep" });
    try {
      await new Promise((r) => setTimeout(r, 2500));
      const shown = again.context.pages().map((p) => p.url()).filter((u) => u.includes("options"));
      assert.deepEqual(shown, [], `no options page on ${what}`);
      assert.deepEqual(await again.storage("sync", "settings"), settings, `settings kept on ${what}`);
      assert.equal(await again.worker.evaluate(() => chrome.runtime.getManifest().version), manifestPatch?.version ?? `${major}.${minor}.${patch}`);
    } finally {
      await again.close();
    }
  }
  (await import("node:fs")).rmSync(first.profile, { recursive: true, force: true });
});
