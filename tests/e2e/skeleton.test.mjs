// The walking skeleton, end to end: the extension loads with its pinned id, the Rust worker
// answers typed messages (and is not needed by GitLab pages), and on a GitLab page the Gitpod entry sits in GitLab's Edit dropdown
// and opens exactly the expected Gitpod URL in a new tab.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitFor, inExtensionWorld, expectedExtensionId, ENTRY, VERSION , landsOn } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const EDIT = {
  url: "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
  gitpod: "https://gitpod.io/#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli",
};

test("the extension loads with the id pinned by its manifest key", () => {
  assert.equal(env.extensionId, expectedExtensionId());
});

test("the Rust worker answers a ping and refuses malformed messages", async () => {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/popup.html`);
  const replies = await page.evaluate(async () => {
    const send = (m) => chrome.runtime.sendMessage(m);
    return [await send({ type: "ping" }), await send({ type: "launch_missiles" }), await send("ping"),
            await send({ type: "ping", extra: 1 })];
  });
  assert.deepEqual(replies[0], { type: "pong", version: VERSION });
  for (const r of replies.slice(1)) assert.deepEqual(r, { type: "error", message: "malformed request" });
  await page.close();
});

test("the content wasm is a packaged file the content script fetches; the page cannot", async () => {
  const { page, errors } = await openPage(env.context, EDIT.url);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  // Compiled from the file as it streams in: no base64 copy in the tab's JS heap.
  assert.equal(await inExtensionWorld(page, "__gitpodForGitLab.via"), "file");
  // use_dynamic_url: at its static address the file is not web-accessible, so a page cannot
  // probe for the extension.
  const probe = await page.evaluate((id) => fetch(`chrome-extension://${id}/content.wasm`).then(() => "fetched", () => "refused"), expectedExtensionId());
  assert.equal(probe, "refused");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Edit dropdown: one Gitpod entry that opens the page's Gitpod URL in a new tab", async () => {
  await env.worker.evaluate(async () => { await chrome.storage.sync.clear(); });
  const { page, errors, console: log } = await openPage(env.context, EDIT.url);
  const entry = page.locator(ENTRY);
  await entry.waitFor({ state: "attached" });
  assert.equal(await entry.count(), 1);
  // Inside GitLab's own control, styled as GitLab's items.
  const order = await page.$$eval('[data-testid="action-dropdown"] .gl-new-dropdown-contents > li', (lis) =>
    lis.map((li) => [...li.querySelectorAll("*")].find((e) => e.childNodes[0]?.nodeType === 3 && e.childNodes[0].textContent.trim())?.childNodes[0].textContent.trim()));
  // Next to GitLab's Web IDE item; first visit: Gitpod is the last action, marked so.
  assert.deepEqual(order, ["Web IDE", "Gitpod", "Gitpod with options…", "Edit single file"]);
  assert.equal((await entry.locator("[data-gitpod-ext-mark]").textContent()).trim(), "Last used");
  assert.equal(await entry.locator("a").getAttribute("href"), EDIT.gitpod);

  // As a user: open the Edit dropdown, click Gitpod, land on Gitpod in a new tab.
  await page.click('[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]');
  await entry.waitFor({ state: "visible" });
  const [opened] = await Promise.all([env.context.waitForEvent("page"), entry.locator("a").click()]);
  await opened.waitForLoadState();
  await landsOn(opened, EDIT.gitpod);
  assert.ok(env.server.gitpodHits.includes("/"), "the stand-in Gitpod was reached");
  assert.deepEqual(errors, []);
  assert.deepEqual(log.filter((l) => l.includes("Gitpod for GitLab")), [], "nothing logged on a working page");
  await opened.close();
  await page.close();
});

test("the entry needs no worker: a stopped worker stays stopped, and a message wakes it", async () => {
  const page = await env.context.newPage();
  const session = await env.context.newCDPSession(page);
  const workers = async () =>
    (await session.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker");
  for (const w of await workers()) await session.send("Target.closeTarget", { targetId: w.targetId });
  await waitFor(async () => (await workers()).length === 0, "the worker to stop");
  await page.goto(EDIT.url);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await page.locator(`${ENTRY} a`).first().getAttribute("href"), EDIT.gitpod);
  await page.waitForTimeout(300);
  assert.equal((await workers()).length, 0, "a GitLab page load does not wake the worker");
  // Anything that needs the worker (popup, toolbar, a blocked page's note) wakes it.
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extensionId}/popup.html`);
  assert.deepEqual(await popup.evaluate(() => chrome.runtime.sendMessage({ type: "ping" })), { type: "pong", version: VERSION });
  await session.detach();
  await popup.close();
  await page.close();
});

test("a matched page that is not GitLab is left untouched, without errors", async () => {
  const { page, errors, console: log } = await openPage(env.context, "https://gitlab.com/-/not-a-gitlab-page-own");
  const before = await page.content();
  await page.waitForTimeout(500);
  assert.equal(await page.locator(ENTRY).count(), 0);
  assert.equal(await page.content(), before);
  assert.deepEqual(errors, []);
  assert.ok(log.filter((l) => l.includes("Gitpod")).length <= 1, `at most one console line: ${log}`);
  await page.close();
});
