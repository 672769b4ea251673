// The worker, the popup and the toolbar, as a user meets them: the real toolbar popup (opened by
// clicking the extension's action on a tab), the connect-your-account flow against a stand-in
// Gitpod, settings, direct toolbar mode, the shortcut, the link context menu, a self-hosted
// GitLab enabled and removed, corrupted storage, and hostile messages.

import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitFor, inExtensionWorld, ENTRY, VERSION , landsOn } from "./harness.mjs";
import { AUTH_ERROR, CSP, SELF_HOSTED } from "./server.mjs";

const PAGE = {
  url: "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
  gitpod: "https://gitpod.io/#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
  options: "https://app.ona.com/?autostart=false#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
  prebuild: "https://gitpod.io/#prebuild/https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
};
const SELF = {
  origin: `https://${SELF_HOSTED}`,
  url: `https://${SELF_HOSTED}/tanuki-org/ci-cd/runner-tools/tanuki-cli`,
  gitpod: `https://gitpod.io/#https://${SELF_HOSTED}/tanuki-org/ci-cd/runner-tools/tanuki-cli`,
};

let env;
// Pre-granted (see `launch`): the self-hosted GitLab and a self-hosted Gitpod, so the popup's
// permission requests for them resolve without Chrome's unanswerable prompt.
const GITPOD_SELF = "https://gitpod.example.test";
// The self-hosted Gitpod is served too (a tab may navigate to it).
before(async () => { env = await launch({ preGranted: [`https://${SELF_HOSTED}/*`, `${GITPOD_SELF}/*`], hosts: [new URL(GITPOD_SELF).host] }); });
after(async () => { await env?.close(); });
beforeEach(async () => {
  env.server.setAuthorize("success");
  await env.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    await chrome.action.setBadgeText({ text: "" });
  });
  for (const p of env.context.pages().slice(1)) await p.close();
});

const storage = (area, key) => env.storage(area, key);
const setStorage = (area, items) => env.setStorage(area, items);
const newTab = () => env.context.waitForEvent("page", { timeout: 5000 });

/** The tab of `page` as the browser hands it to a listener under activeTab (with its URL). */
async function tabOf(page) {
  await page.bringToFront();
  const tab = await env.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
  return { ...tab, url: page.url() };
}

async function popupOn(url) {
  const { page, errors } = await openPage(env.context, url);
  const popup = await env.clickToolbar(page);
  return { page, errors, popup };
}

test("popup on a GitLab page: the Gitpod URL, the host's last action pre-selected, opened as chosen", async () => {
  await setStorage("sync", { last_action: { "gitlab.com": "gitpod_options" } });
  const { page, popup } = await popupOn(PAGE.url);
  assert.equal(await popup.textContent("#gitpod-url"), PAGE.options);
  assert.equal(await popup.locator("#open-options").getAttribute("data-preselected"), "");
  assert.equal(await popup.locator("#open[data-preselected]").count(), 0);
  // gitpod.io refuses #prebuild/ URLs: not offered there (a custom instance offers it, below).
  assert.equal(await popup.locator("#open-prebuild").count(), 0);
  // Copy puts the shown URL on the clipboard (read back from the GitLab page).
  await popup.click("#copy");
  // The label changes once the (asynchronous) clipboard write is done.
  await waitFor(async () => (await popup.textContent("#copy")) === "Copied", "the copy button to say Copied");
  await env.context.grantPermissions(["clipboard-read"], { origin: "https://gitlab.com" });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), PAGE.options);
  // Pointing at an action shows its URL; choosing it opens that URL next to the page.
  await popup.hover("#open");
  assert.equal(await popup.textContent("#gitpod-url"), PAGE.gitpod);
  const [opened] = await Promise.all([newTab(), popup.click("#open")]);
  await opened.waitForLoadState();
  await landsOn(opened, PAGE.gitpod);
  assert.equal(await opened.evaluate(() => history.length), 1);
  assert.deepEqual(await storage("sync", "last_action"), { "gitlab.com": "gitpod" });
  await waitFor(() => popup.isClosed(), "the popup to close after opening");
  // Next time Gitpod (plain) leads.
  const again = await env.clickToolbar(page);
  assert.equal(await again.locator("#open").getAttribute("data-preselected"), "");
});

test("settings: invalid Gitpod URLs are refused with a clear error; valid settings are used and unknown fields kept", async () => {
  await setStorage("sync", { settings: { schema: 1, gitpod_origin: "https://gitpod.io", open_in_new_tab: true, from_a_newer_version: "keep me" } });
  const { page, popup } = await popupOn(PAGE.url);
  await popup.click("#settings > summary");
  for (const [input, error] of [
    ["javascript:alert(1)", /only http:\/\/ and https:\/\/ are allowed/],
    ["https://gitpod.example.test/workspaces?x=1", /enter only the scheme and host/],
    ["not a url", /enter a URL such as https:\/\/gitpod.example.com/],
  ]) {
    await popup.fill("#gitpod-origin", input);
    await popup.click("#save");
    assert.match(await popup.textContent("#settings-message"), error);
  }
  assert.equal((await storage("sync", "settings")).gitpod_origin, "https://gitpod.io", "nothing saved");

  // New tabs off: the Gitpod URL replaces the page in its tab.
  await popup.fill("#gitpod-origin", "https://gitpod.io/");
  await popup.uncheck("#open-in-new-tab");
  await popup.click("#save");
  await waitFor(async () => (await popup.textContent("#settings-message")) === "Saved.", "Saved.");
  // gitpod.io typed as a URL is the Gitpod preset (schema 3 written, unknown fields kept).
  assert.deepEqual(await storage("sync", "settings"), {
    schema: 3, target: "gitpod", gitpod_origin: "https://gitpod.io", target_name: "Gitpod", editor: "", workspace_class: "",
    host_targets: {}, open_in_new_tab: false, toolbar_opens_directly: false, in_page_entries: true, from_a_newer_version: "keep me",
  });
  // (A fresh popup: headless Chromium does not resize an open popup's viewport.)
  const fresh = await env.clickToolbar(page);
  await fresh.click("#open-options");
  await landsOn(page, PAGE.options);
  assert.deepEqual(await storage("sync", "last_action"), { "gitlab.com": "gitpod_options" });

  // A self-hosted Gitpod: its origin is used by every URL the popup shows.
  const next = await popupOn(PAGE.url);
  await next.popup.click("#settings > summary");
  assert.equal(await next.popup.isChecked("#open-in-new-tab"), false);
  await next.popup.fill("#gitpod-origin", "https://gitpod.example.test");
  await next.popup.click("#save");
  await waitFor(async () => (await next.popup.textContent("#gitpod-url")).startsWith("https://gitpod.example.test/"), "new origin");
  assert.equal(await next.popup.textContent("#gitpod-url"), PAGE.options.replace("https://app.ona.com", "https://gitpod.example.test"));
  // A custom instance may be an old one: the legacy prebuild is offered there, labelled so.
  assert.match(await next.popup.getAttribute("#open-prebuild", "title"), /no longer accepted/);
  await next.popup.click("#open-prebuild");
  await next.page.waitForURL(PAGE.prebuild.replace("https://gitpod.io", "https://gitpod.example.test"));
  assert.deepEqual(await storage("sync", "last_action"), { "gitlab.com": "gitpod_prebuild" });
});

/** The connect flow exists on Gitpod Classic only (Dedicated, self-hosted): the stand-in. */
const CLASSIC = { schema: 3, target: "custom", gitpod_origin: GITPOD_SELF, target_name: "Acme Gitpod" };

test("connect flow (Gitpod Classic): the authorize page in a tab, success detected, tab closed, outcome shown", async () => {
  await setStorage("sync", { settings: CLASSIC });
  const { popup } = await popupOn(PAGE.url);
  assert.equal(await popup.getAttribute("#account", "data-flow"), "custom");
  assert.equal(await popup.textContent("#connect"), "Connect gitlab.com account");
  await popup.click("#connect");
  await waitFor(async () => (await storage("local", "connect"))?.state === "connected", "connected", 8000);
  const authorize = env.server.gitpodHits.find((h) => h.includes("/api/authorize"));
  assert.equal(authorize,
    `${GITPOD_SELF}/api/authorize?returnTo=https%3A%2F%2Fgitpod.example.test%2Fcomplete-auth%3Fmessage%3Dsuccess&host=gitlab.com&override=true&scopes=`);
  await waitFor(() => !env.context.pages().some((p) => p.url().includes("/complete-auth")), "the flow's tab to close");
  assert.equal(await env.worker.evaluate(() => chrome.action.getBadgeText({})), "✓");
  await waitFor(async () => !(await env.worker.evaluate(() => chrome.tabs.onUpdated.hasListeners())), "idle again: tab listeners unhooked");
  const { popup: after } = await popupOn(PAGE.url);
  assert.equal(await after.textContent("#connect-status"), "Connected gitlab.com to Gitpod.");
  assert.equal(await env.worker.evaluate(() => chrome.action.getBadgeText({})), "", "opening the popup clears the badge");
  // How to disconnect: revoke on GitLab.
  assert.equal(await after.getAttribute("#revoke-link", "href"), "https://gitlab.com/-/user_settings/applications");
});

test("connect flow (Gitpod Classic): Gitpod's error report is decoded and shown, with the integrations page offered", async () => {
  await setStorage("sync", { settings: CLASSIC });
  env.server.setAuthorize("error");
  const { popup } = await popupOn(PAGE.url);
  await popup.click("#connect");
  await waitFor(async () => (await storage("local", "connect"))?.state === "failed", "failed", 8000);
  assert.equal(await env.worker.evaluate(() => chrome.action.getBadgeText({})), "!");
  const { popup: after } = await popupOn(PAGE.url);
  assert.equal(await after.textContent("#connect-status"), `Connecting gitlab.com failed: ${AUTH_ERROR.error}`);
  assert.equal(await after.getAttribute("#integrations-link", "href"), `${GITPOD_SELF}/user/integrations`);
});

test("connect flow (Gitpod Classic): closing the tab before Gitpod answers is reported, with the integrations page offered", async () => {
  await setStorage("sync", { settings: CLASSIC });
  env.server.setAuthorize("hang");
  const { popup } = await popupOn(PAGE.url);
  const [flow] = await Promise.all([newTab(), popup.click("#connect")]);
  await waitFor(async () => (await storage("local", "connect"))?.state === "pending", "pending");
  // Tab events reach the worker only while a flow runs (otherwise every tab update would wake it).
  const listening = () => env.worker.evaluate(() => chrome.tabs.onUpdated.hasListeners() && chrome.tabs.onRemoved.hasListeners());
  assert.equal(await listening(), true);
  await flow.close();
  await waitFor(async () => (await storage("local", "connect"))?.state === "abandoned", "abandoned");
  await waitFor(async () => !(await env.worker.evaluate(() => chrome.tabs.onUpdated.hasListeners())), "tab listeners unhooked");
  const { popup: after } = await popupOn(PAGE.url);
  assert.match(await after.textContent("#connect-status"), /did not complete/);
  assert.equal(await after.getAttribute("#integrations-link", "href"), `${GITPOD_SELF}/user/integrations`);
});

test("gitpod.io and Ona: no connect button (it would end on Ona's login); the account section says what happens", async () => {
  const authorizes = () => env.server.gitpodHits.filter((h) => h.includes("/api/authorize")).length;
  const before = authorizes();
  for (const [settings, forwarded] of [[{}, true], [{ schema: 3, target: "ona" }, false]]) {
    await setStorage("sync", { settings });
    const { page, popup } = await popupOn(PAGE.url);
    assert.equal(await popup.locator("#connect").count(), 0);
    assert.equal(await popup.locator("#account-forwarded").count(), forwarded ? 1 : 0);
    assert.equal(await popup.textContent("#account-ona"),
      "Ona asks for access to your gitlab.com account when you start your first environment from it: nothing to connect here.");
    assert.equal(await popup.getAttribute("#ona-gitlab-docs", "href"), "https://ona.com/docs/ona/source-control/gitlab");
    assert.equal(await popup.getAttribute("#revoke-link", "href"), "https://gitlab.com/-/user_settings/applications");
    assert.equal(await popup.locator("#register-guide").count(), 0, "gitlab.com needs no registration");
    await popup.close();
    await page.close();
  }
  // A hostile or stale popup asking anyway is refused by the worker: no tab opens.
  const tab = await env.context.newPage();
  await tab.goto(`chrome-extension://${env.extensionId}/popup.html`);
  const reply = await tab.evaluate(() => chrome.runtime.sendMessage({ type: "connect", host: "gitlab.com" }));
  assert.deepEqual(reply, { type: "error", message: "Ona asks for GitLab access itself" });
  await tab.close();
  assert.equal(authorizes(), before, "no authorize page asked for");
});

test("toolbar direct mode opens the page in Gitpod on click; elsewhere the popup explains", async () => {
  const { popup } = await popupOn(PAGE.url);
  await popup.click("#settings > summary");
  await popup.check("#toolbar-direct");
  await popup.click("#save");
  await waitFor(async () => (await storage("sync", "settings"))?.toolbar_opens_directly === true, "saved");
  await setStorage("sync", { last_action: { "gitlab.com": "gitpod_options" } });
  const page = env.context.pages().find((p) => p.url() === PAGE.url);
  const [opened] = await Promise.all([newTab(), env.clickToolbar(page, { expectPopup: false })]);
  await opened.waitForLoadState();
  await landsOn(opened, PAGE.options);
  // Not a GitLab page: the popup opens there instead, and says so.
  const other = await env.context.newPage();
  await other.goto("https://gitpod.io/some/page");
  const explain = await env.clickToolbar(other);
  assert.match(await explain.textContent("#notice"), /gitpod\.io is not a GitLab this extension knows/);
  // Back to the popup.
  await explain.click("#settings > summary");
  await explain.uncheck("#toolbar-direct");
  await explain.click("#save");
  await waitFor(async () => (await storage("sync", "settings"))?.toolbar_opens_directly === false, "saved");
  assert.ok(await env.clickToolbar(page), "the popup is back");
});

test("shortcut: Alt+Shift+G is declared and opens the current page with the last action", async () => {
  await setStorage("sync", { last_action: { "gitlab.com": "gitpod_options" } });
  const commands = await env.worker.evaluate(() => chrome.commands.getAll());
  assert.equal(commands.find((c) => c.name === "open-in-gitpod")?.shortcut, "Alt+Shift+G");
  const { page } = await openPage(env.context, PAGE.url);
  const tab = await tabOf(page);
  const [opened] = await Promise.all([newTab(), env.worker.evaluate(async (tab) => {
    if (!chrome.commands.onCommand.hasListener(self.gitpodForGitLab.onCommand)) throw new Error("not the registered listener");
    self.gitpodForGitLab.onCommand("open-in-gitpod", tab);
  }, tab)]);
  await opened.waitForLoadState();
  await landsOn(opened, PAGE.options);
  await page.close();
});

test("context menu: Open link in Gitpod opens the link's Gitpod URL; other links are ignored", async () => {
  const { page } = await openPage(env.context, PAGE.url);
  const tab = await tabOf(page);
  const click = (linkUrl) => env.worker.evaluate(async ([tab, linkUrl]) => {
    if (!chrome.contextMenus.onClicked.hasListener(self.gitpodForGitLab.onContextMenuClick)) throw new Error("not registered");
    self.gitpodForGitLab.onContextMenuClick({ menuItemId: "open-link-in-gitpod", linkUrl, pageUrl: tab.url }, tab);
  }, [tab, linkUrl]);
  const mr = "https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/4242/diffs";
  const [opened] = await Promise.all([newTab(), click(mr)]);
  await opened.waitForLoadState();
  await landsOn(opened, "https://gitpod.io/#https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/4242");
  const before = env.context.pages().length;
  await click("https://example.org/some/project");
  await click("javascript:alert(1)");
  await page.waitForTimeout(500);
  assert.equal(env.context.pages().length, before, "no tab for links outside enabled GitLab hosts");
});

test("self-hosted GitLab: no entry until the host is enabled; enabled from the popup, listed, removed", async () => {
  const { page, errors, console: log } = await openPage(env.context, SELF.url);
  await page.waitForTimeout(800);
  assert.equal(await page.locator(ENTRY).count(), 0, "not enabled yet");
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.textContent("#enable-host"), `Enable on ${SELF_HOSTED}`);
  await popup.click("#enable-host");
  // The open page gets the entry at once, with its own host in the Gitpod URL.
  await page.locator(ENTRY).waitFor({ state: "attached", timeout: 5000 });
  assert.equal(await page.locator(`${ENTRY} a`).getAttribute("href"), SELF.gitpod);
  // The manifest makes content.wasm web-accessible to gitlab.com only: here the worker hands
  // the bytes over (on gitlab.com the content script fetches the file, see skeleton.test.mjs).
  assert.equal(await inExtensionWorld(page, "__gitpodForGitLab.via"), "worker");
  // The file is not even tried there: no refused load in the page's console.
  assert.deepEqual(log.filter((l) => l.includes("content.wasm")), []);
  await waitFor(async () => (await popup.textContent("#page-message").catch(() => "")) === `Enabled on ${SELF.origin}.`, "confirmation");
  assert.equal(await popup.textContent("#gitpod-url"), SELF.gitpod);
  assert.deepEqual(await storage("sync", "gitlab_hosts"), [SELF.origin]);
  // A reload runs the registered content script; exactly one entry.
  await page.reload();
  await page.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await page.locator(ENTRY).count(), 1);
  // The popup lists the host and shows the registration guide for it.
  // On the default target (gitpod.io → Ona) the guide is Ona's: an admin adds the host to a runner.
  const listed = await env.clickToolbar(page);
  assert.equal(await listed.locator("#connect").count(), 0);
  assert.equal(await listed.textContent("#register-guide summary"), `${SELF_HOSTED} not known to Ona yet?`);
  assert.match(await listed.textContent("#register-guide"), new RegExp(`host ${SELF_HOSTED.replace(/\./g, "\\.")} and a GitLab OAuth application`));
  assert.equal(await listed.getAttribute("#guide-ona-docs", "href"), "https://ona.com/docs/ona/source-control/gitlab");
  await listed.click("#settings > summary");
  assert.deepEqual(await listed.locator("#host-list li span").allTextContents(), [SELF.origin]);
  await listed.click(`#host-list button[data-origin="${SELF.origin}"]`);
  await listed.locator("#no-hosts").waitFor();
  assert.deepEqual(await storage("sync", "gitlab_hosts"), []);
  assert.deepEqual(await env.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);
  await page.reload();
  await page.waitForTimeout(800);
  assert.equal(await page.locator(ENTRY).count(), 0, "removed");
  assert.deepEqual(errors, []);
});

test("corrupted storage: the popup works on defaults and keeps every readable value", async () => {
  await setStorage("sync", {
    settings: { schema: "seven", gitpod_origin: 42, open_in_new_tab: "yes", toolbar_opens_directly: null },
    last_action: "garbage",
    gitlab_hosts: { not: "a list" },
  });
  await setStorage("local", { connect: [1, 2, 3] });
  const { popup } = await popupOn(PAGE.url);
  const problems = [];
  popup.on("pageerror", (e) => problems.push(String(e)));
  assert.equal(await popup.textContent("#gitpod-url"), PAGE.gitpod);
  assert.equal(await popup.locator("#connect-status").count(), 0);
  await popup.click("#settings > summary");
  assert.equal(await popup.inputValue("#gitpod-origin"), "https://gitpod.io");
  assert.equal(await popup.isChecked("#open-in-new-tab"), true);
  assert.equal(await popup.locator("#no-hosts").count(), 1);

  // One readable value among garbage is kept.
  await setStorage("sync", { settings: { gitpod_origin: "https://gitpod.example.test", open_in_new_tab: [] },
    gitlab_hosts: [SELF.origin, 7, "javascript:alert(1)", null] });
  const { popup: again } = await popupOn(PAGE.url);
  assert.equal(await again.textContent("#gitpod-url"), PAGE.gitpod.replace("https://gitpod.io", "https://gitpod.example.test"));
  await again.click("#settings > summary");
  assert.deepEqual(await again.locator("#host-list li span").allTextContents(), [SELF.origin]);
  assert.deepEqual(problems, []);
});

test("a page whose CSP blocks WebAssembly: untouched, and the popup explains and still opens Gitpod", async () => {
  env.server.setCsp(CSP.strict);
  try {
    const { page, errors } = await openPage(env.context, PAGE.url);
    // The content script reports the CompileError to the worker, which notes it for this tab.
    await waitFor(async () => (await env.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).length > 0,
      "the worker's note", 8000);
    const popup = await env.clickToolbar(page);
    assert.equal(await page.locator("[data-gitpod-ext]").count(), 0);
    assert.deepEqual(errors, []);
    assert.match(await popup.textContent("#blocked"), /security policy keeps the Gitpod entry out/);
    const [opened] = await Promise.all([newTab(), popup.click("#open")]);
    await opened.waitForLoadState();
    await landsOn(opened, PAGE.gitpod);
  } finally {
    env.server.setCsp(CSP.gitlab);
  }
});

test("hostile messages: malformed, oversized, forged from a page, or without a grant are refused", async () => {
  const tab = await env.context.newPage();
  await tab.goto(`chrome-extension://${env.extensionId}/popup.html`);
  const replies = await tab.evaluate(async () => {
    const send = (m) => chrome.runtime.sendMessage(m);
    return {
      badUrl: await send({ type: "open", url: "javascript:alert(1)", mode: "open" }),
      badMode: await send({ type: "open", url: "https://gitlab.com/a/b", mode: "rm -rf" }),
      badOrigin: await send({ type: "save_settings", target: { target: "custom", gitpod_origin: "javascript:alert(1)" }, flags: { open_in_new_tab: true } }),
      badHostTarget: await send({ type: "save_settings", target: { target: "ona" }, host_targets: [{ host: "evil.test/x", target: { target: "ona" } }] }),
      oldShape: await send({ type: "save_settings", gitpod_origin: "https://gitpod.io", open_in_new_tab: true, toolbar_opens_directly: false }),
      huge: await send({ type: "connect", host: "a".repeat(5000) }),
      badHost: await send({ type: "connect", host: "gitlab.com/../evil?x=" }),
      notGranted: await send({ type: "enable_host", origin: "https://gitlab.not-granted.test" }),
      extra: await send({ type: "disable_host", origin: "https://x.test", also: "this" }),
    };
  });
  assert.match(replies.badUrl.message, /cannot be opened in Gitpod/);
  assert.equal(replies.badMode.message, "malformed request");
  assert.match(replies.badOrigin.message, /Gitpod instance URL: javascript: only http/);
  assert.equal(replies.badHostTarget.message, "evil.test/x: not a GitLab host name");
  assert.equal(replies.oldShape.message, "malformed request");
  assert.equal(replies.huge.message, "request too long");
  assert.equal(replies.badHost.message, "not a GitLab host name");
  assert.equal(replies.notGranted.message, "no permission for https://gitlab.not-granted.test");
  assert.equal(replies.extra.message, "malformed request");
  assert.equal(await storage("sync", "settings"), undefined, "nothing saved");
  assert.deepEqual(await env.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);

  // A content script (what a compromised page could at most reach) may not change anything.
  // (On the pre-granted self-hosted host, where the test may run a script in the isolated world.)
  const { page } = await openPage(env.context, SELF.url);
  const { id: tabId } = await tabOf(page);
  const forged = await env.worker.evaluate(async (tabId) => {
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId },
      func: () => chrome.runtime.sendMessage({ type: "save_settings", target: { gitpod_origin: "https://evil.test" }, flags: { toolbar_opens_directly: true } }),
    });
    return result;
  }, tabId);
  assert.deepEqual(forged, { type: "error", message: "not allowed from a web page" });
  assert.equal(await storage("sync", "settings"), undefined);
  // The worker still answers.
  assert.deepEqual(await tab.evaluate(() => chrome.runtime.sendMessage({ type: "ping" })), { type: "pong", version: VERSION });
});
