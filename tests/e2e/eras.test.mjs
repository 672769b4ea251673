// Every GitLab era and page kind (each fixture of ../shared and ../fixtures): exactly one
// Gitpod item inside GitLab's own control, the exact URL, opened in a new tab; GitLab's own
// Gitpod item is never duplicated; the last action is remembered per host; in-page navigation
// keeps one entry with the current URL; the entry works from the keyboard.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitFor, ENTRY , landsOn } from "./harness.mjs";
import { fixtureSets } from "./server.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const NATIVE = '[data-qa-selector="gitpod_button"], [data-testid="gitpod-menu-item"]';



/** Our main entry and GitLab's own Gitpod items, as the page shows them. */
async function gitpodItems(page) {
  return page.evaluate(({ entry, native }) => {
    const labelOf = (li) => {
      // An item's label: its first text (our "Last used" mark comes after it).
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) return n.textContent.trim();
      return "";
    };
    const ours = [...document.querySelectorAll(entry)];
    const natives = [...document.querySelectorAll(native)].map((e) => e.closest("li") || e);
    for (const li of document.querySelectorAll("li:not([data-gitpod-ext])")) {
      if (labelOf(li).toLowerCase() === "gitpod" && !natives.includes(li)) natives.push(li);
    }
    return { ours: ours.length, native: natives.length };
  }, { entry: ENTRY, native: NATIVE });
}

async function lastActions() {
  return env.worker.evaluate(async () => (await chrome.storage.sync.get("last_action")).last_action || {});
}

async function resetMemory() {
  await env.worker.evaluate(async () => { await chrome.storage.sync.clear(); await chrome.storage.local.clear(); });
}

/** Waits until the content script has dealt with the page's control. */
async function settled(page) {
  await page.waitForFunction(({ entry, native }) => {
    if (document.querySelector(entry)) return true;
    const labelOf = (li) => {
      // An item's label: its first text (our "Last used" mark comes after it).
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) return n.textContent.trim();
      return "";
    };
    const nat = document.querySelector(native) ||
      [...document.querySelectorAll("li")].find((li) => labelOf(li).toLowerCase() === "gitpod");
    return nat && nat.closest("[data-gitpod-ext-last], li")?.hasAttribute("data-gitpod-ext-last");
  }, { entry: ENTRY, native: NATIVE }, { timeout: 5000 });
}

// The pages rendered by GitLab's real UI library have their own, stricter suite (real_ui.test.mjs).
for (const fixture of fixtureSets().filter((f) => !f.real_ui)) {
  test(`${fixture.file}: ${fixture.gitpod_url ? "one Gitpod item opening the expected URL" : "left untouched"}`, async () => {
    await resetMemory();
    const { page, errors } = await openPage(env.context, fixture.url);
    if (!fixture.gitpod_url) {
      await page.waitForTimeout(600);
      assert.equal(await page.locator("[data-gitpod-ext]").count(), 0);
      assert.deepEqual(errors, []);
      await page.close();
      return;
    }
    await settled(page);
    const items = await gitpodItems(page);
    assert.equal(items.ours + items.native, 1, `exactly one Gitpod item: ${JSON.stringify(items)}`);
    // The item to use: ours, or GitLab's own.
    const item = items.ours
      ? page.locator(ENTRY)
      : page.locator(`li:has(${NATIVE}), li[data-gitpod-ext-last]`).first();
    // As a user: open the dropdown holding the item, choose the item, Gitpod opens. In a split
    // button (13.5–16.0) items only select: then the primary button opens it.
    // (A button of ours beside GitLab's lone Web IDE button is itself the link, in no menu.)
    let link = (await item.evaluate((e) => e.matches("a, button"))) ? item : item.locator("a, button").first();
    const inMenu = await link.evaluate((a) => {
      const toggle = a.closest(".gl-new-dropdown, .btn-group, #web-ide-link, .dropdown")?.querySelector('[aria-haspopup="true"]');
      toggle?.setAttribute("data-test-toggle", "");
      return Boolean(toggle);
    });
    if (inMenu) await page.click("[data-test-toggle]");
    await link.waitFor({ state: "visible" });
    if ((await link.evaluate((a) => a.tagName)) === "BUTTON") {
      await link.click();
      link = page.locator("#web-ide-link .split-content-button");
      await waitFor(async () => (await link.textContent()).trim() === "Gitpod", "the split button to perform Gitpod");
    }
    assert.equal(await link.getAttribute("href"), fixture.gitpod_url);
    if ((await link.getAttribute("target")) === "_blank") {
      const [opened] = await Promise.all([env.context.waitForEvent("page"), link.click()]);
      await opened.waitForLoadState();
      await landsOn(opened, fixture.gitpod_url);
      await opened.close();
    } else {
      // GitLab's own item without a target (15.x) opens Gitpod in the same tab.
      await Promise.all([landsOn(page, fixture.gitpod_url), link.click()]);
    }
    assert.equal((await lastActions())["gitlab.com"] ?? "gitpod", "gitpod", "choosing Gitpod is remembered");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

const SPLIT = "https://gitlab.com/tanuki-org/tanuki-runner";
const EDIT = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli";
const NATIVE_SPLIT = "https://gitlab.com/tanuki-org/tanuki-runner/-/tree/feature/retry-logic/docs";

test("the last action is pre-selected across reloads and pages of the same host", async () => {
  await resetMemory();
  // First visit: Gitpod is the split button's primary action.
  let { page } = await openPage(env.context, SPLIT);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  const primary = page.locator("#web-ide-link .split-content-button");
  await page.waitForFunction(() => document.querySelector("#web-ide-link .split-content-button").textContent.trim() === "Gitpod");
  assert.equal(await primary.getAttribute("href"), "https://gitpod.io/#https://gitlab.com/tanuki-org/tanuki-runner");
  // Choose Web IDE from the menu: remembered for gitlab.com.
  await page.click("#web-ide-link .dropdown-toggle");
  await page.locator('#web-ide-link .dropdown-menu [data-qa-selector="web_ide_button"]').click();
  await waitFor(async () => (await lastActions())["gitlab.com"] === "webide", "webide remembered");
  await page.close();

  // Reload: GitLab's own button (Web IDE) again, and its item marked as the last used.
  ({ page } = await openPage(env.context, SPLIT));
  await page.locator(ENTRY).waitFor({ state: "attached" });
  await page.waitForFunction(() => document.querySelector("#web-ide-link .split-content-button").textContent.trim() === "Web IDE");
  await page.waitForSelector('#web-ide-link li[data-gitpod-ext-last] [data-qa-selector="web_ide_button"]', { state: "attached" });
  await page.close();

  // Another page of the same host (a 17.x Edit dropdown): Web IDE marked, Gitpod after it.
  ({ page } = await openPage(env.context, EDIT));
  await page.locator(ENTRY).waitFor({ state: "attached" });
  await page.waitForSelector('[data-testid="webide-menu-item"][data-gitpod-ext-last]', { state: "attached" });
  assert.deepEqual(await menuTexts(page), ["Web IDE", "Gitpod", "Gitpod with options…", "Edit single file"]);
  // Choose "Gitpod with options": opens ?autostart=false, remembered, listed first next time.
  await page.click('[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]');
  const options = page.locator('[data-testid="gitpod-ext-options-menu-item"] a');
  const [opened] = await Promise.all([env.context.waitForEvent("page"), options.click()]);
  await opened.waitForLoadState();
  // gitpod.io would drop the query on its way to Ona: "with options" goes to Ona itself.
  await landsOn(opened, "https://app.ona.com/?autostart=false#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli");
  await opened.close();
  await waitFor(async () => (await lastActions())["gitlab.com"] === "gitpod_options", "gitpod_options remembered");
  await page.reload();
  await page.waitForSelector('[data-testid="gitpod-ext-options-menu-item"][data-gitpod-ext-last]', { state: "attached" });
  // The menu keeps its order (ours next to Web IDE); the mark shows the last used.
  assert.deepEqual(await menuTexts(page), ["Web IDE", "Gitpod", "Gitpod with options…", "Edit single file"]);
  assert.equal((await page.locator('[data-testid="gitpod-ext-options-menu-item"] [data-gitpod-ext-mark]').textContent()).trim(), "Last used");
  await page.close();

  // Memory is per host: another host's choice does not leak into gitlab.com, and survives.
  await env.worker.evaluate(async () => {
    const { last_action } = await chrome.storage.sync.get("last_action");
    await chrome.storage.sync.set({ last_action: { ...last_action, "gitlab.example.test": "edit" } });
  });
  ({ page } = await openPage(env.context, EDIT));
  await page.waitForSelector('[data-testid="gitpod-ext-options-menu-item"][data-gitpod-ext-last]', { state: "attached" });
  await page.close();
  assert.deepEqual(await lastActions(), { "gitlab.com": "gitpod_options", "gitlab.example.test": "edit" });
});

test("GitLab's own Gitpod item is driven and remembered, never duplicated", async () => {
  await resetMemory();
  await env.worker.evaluate(() => chrome.storage.sync.set({ last_action: { "gitlab.com": "webide" } }));
  const { page } = await openPage(env.context, NATIVE_SPLIT);
  await page.waitForSelector('#web-ide-link li[data-gitpod-ext-last] [data-qa-selector="web_ide_button"]', { state: "attached" });
  assert.equal(await page.locator("[data-gitpod-ext]").count(), 0);
  await page.click("#web-ide-link .dropdown-toggle");
  const native = page.locator('#web-ide-link [data-qa-selector="gitpod_button"]');
  // The fixture's native link has no target: it navigates this tab.
  await native.click();
  await waitFor(async () => (await lastActions())["gitlab.com"] === "gitpod", "native Gitpod remembered");
  // Next time GitLab's own Gitpod item carries the mark; GitLab's button stays GitLab's.
  const again = await openPage(env.context, NATIVE_SPLIT);
  await again.page.waitForSelector('#web-ide-link li[data-gitpod-ext-last] [data-qa-selector="gitpod_button"]', { state: "attached" });
  assert.equal(await again.page.locator("[data-gitpod-ext]").count(), 0);
  await again.page.close();
  await page.close().catch(() => {});
});

test("100 in-page navigations leave exactly one entry carrying the current URL", async () => {
  await resetMemory();
  const { page, errors } = await openPage(env.context, EDIT);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  for (let i = 0; i < 100; i++) {
    const dir = i % 2 ? "src" : "docs";
    await page.click(`a[data-spa-nav][href$="/${dir}"]`);
    const want = `https://gitpod.io/#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli/-/tree/main/${dir}`;
    await page.waitForFunction(({ entry, want }) => {
      const all = document.querySelectorAll(entry);
      return all.length === 1 && all[0].querySelector("a").getAttribute("href") === want;
    }, { entry: ENTRY, want }, { timeout: 3000 });
  }
  assert.equal(await page.locator(ENTRY).count(), 1);
  assert.equal(await page.locator("[data-gitpod-ext]").count(), 2, "Gitpod and Gitpod with options, once each");
  assert.equal(page.url(), "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli/-/tree/main/src");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a URL change that re-renders nothing still updates the entry (Navigation API)", async () => {
  await resetMemory();
  const { page, errors } = await openPage(env.context, EDIT);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  const base = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli";
  for (const [path, want] of [["/-/tree/main/docs", "/-/tree/main/docs"], ["/-/blob/main/README.md", "/-/blob/main/README.md"], ["", ""]]) {
    await page.evaluate((url) => history.pushState({}, "", url), base + path);
    await page.waitForFunction(({ entry, want }) => document.querySelector(entry)?.querySelector("a")?.getAttribute("href") === want,
      { entry: ENTRY, want: `https://gitpod.io/#${base}${want}` }, { timeout: 3000 });
  }
  await page.goBack();
  await page.waitForFunction(({ entry, want }) => document.querySelector(entry)?.querySelector("a")?.getAttribute("href") === want,
    { entry: ENTRY, want: `https://gitpod.io/#${base}/-/blob/main/README.md` }, { timeout: 3000 });
  assert.equal(await page.locator("[data-gitpod-ext]").count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: the entry is focusable like GitLab's items, Enter opens Gitpod", async () => {
  // (GitLab's own arrow-key navigation reaching it is in real_ui.test.mjs: these imitation
  // pages have none.)
  await resetMemory();
  const { page } = await openPage(env.context, EDIT);
  await page.click('[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]');
  const entry = page.locator(ENTRY);
  await entry.waitFor({ state: "visible" });
  assert.equal(await entry.getAttribute("tabindex"), "0");
  await entry.focus();
  const [opened] = await Promise.all([env.context.waitForEvent("page"), page.keyboard.press("Enter")]);
  await opened.waitForLoadState();
  await landsOn(opened, "https://gitpod.io/#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli");
  await opened.close();
  // The split button's entry has the roles of its siblings.
  const split = await openPage(env.context, SPLIT);
  await split.page.locator(ENTRY).waitFor({ state: "attached" });
  assert.equal(await split.page.locator(`${ENTRY}[role="presentation"] > button[role="menuitem"]`).count(), 1);
  await split.page.close();
  await page.close();
});

/** Each item's label (its first text; our "Last used" mark comes after it). */
function menuTexts(page) {
  return page.$$eval('[data-testid="action-dropdown"] .gl-new-dropdown-contents > li', (lis) => lis.map((li) => {
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) return n.textContent.trim();
    return "";
  }));
}
