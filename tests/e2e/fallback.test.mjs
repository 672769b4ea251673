// The fallback: on a project code page whose control no anchor knows (a GitLab that changed its
// markup again), exactly one GitLab-styled "Gitpod" button with the page's Gitpod URL, in the
// page's action bar (else at the top of #content-body); never on other pages, never where
// GitLab shows its own Gitpod item, never on a page of a known era; it follows in-page
// navigation and gives way to a known control that mounts late. The popup says which it is.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitFor, ENTRY , landsOn } from "./harness.mjs";
import { fixtureSets } from "./server.mjs";
import { UNKNOWN, NEVER, fallbackPages, gitlabPage } from "./fallback_pages.mjs";

const FALLBACK = '[data-testid="gitpod-ext-fallback"]';
/** The fallback comes within this long of the page's `load` once the page has settled (no
 * fixed timer: a quiet page gets it sooner). */
const DUE_MS = 1000;
const LATE = "https://gitlab.com/tanuki-org/next-gitlab/-/blob/main/late.md";

let env;
before(async () => {
  // A page whose known Edit dropdown mounts well after the fallback is due.
  const late = gitlabPage({
    title: "late",
    dataPage: "projects:blob:show",
    body: `<div data-testid="blob-controls"></div>
      <template data-insert-after-ms="4000" data-target='[data-testid="blob-controls"]'><div class="gl-new-dropdown" data-testid="action-dropdown"><button aria-haspopup="true" aria-expanded="false" aria-controls="late-menu" class="btn gl-button">Edit</button><div id="late-menu" class="gl-new-dropdown-panel"><ul class="gl-new-dropdown-contents"><li tabindex="0" data-testid="webide-menu-item" class="gl-new-dropdown-item"><a tabindex="-1" class="gl-new-dropdown-item-content" href="/-/ide/project/tanuki-org/next-gitlab/edit/main/-/late.md"><span class="gl-new-dropdown-item-text-wrapper">Open in Web IDE</span></a></li></ul></div></div></template>`,
  });
  env = await launch({ pages: { ...fallbackPages(), [LATE]: late } });
});
after(async () => { await env?.close(); });

for (const p of UNKNOWN) {
  test(`unknown control on a ${p.kind} page: one fallback button with the page's Gitpod URL`, async () => {
    const { page, errors } = await openPage(env.context, p.url);
    const button = page.locator(FALLBACK);
    await button.waitFor({ state: "attached", timeout: DUE_MS + 3000 });
    const ms = await page.evaluate(() => Math.round(performance.now() - performance.getEntriesByType("navigation")[0].loadEventStart));
    assert.ok(ms <= DUE_MS + 200, `the fallback ${ms} ms after load`);
    assert.equal(await page.locator(FALLBACK).count(), 1);
    assert.equal(await page.locator(`${ENTRY}, [data-gitpod-ext]:not(${FALLBACK})`).count(), 0, "no entry anywhere else");
    assert.equal(await button.getAttribute("href"), p.gitpod_url);
    assert.ok(await button.evaluate((b, spot) => b.parentElement.matches(spot), p.spot), `in ${p.spot}`);
    assert.match(await button.getAttribute("class"), /\bbtn\b.*\bgl-button\b/, "GitLab's button classes");
    assert.equal((await button.textContent()).trim(), "Gitpod");
    const [tab] = await Promise.all([env.context.waitForEvent("page"), button.click()]);
    await tab.waitForLoadState();
    await landsOn(tab, p.gitpod_url);
    await tab.close();
    // Still one after more time and another refresh.
    await page.evaluate(() => document.querySelector("#content-body").append(document.createElement("div")));
    await page.waitForTimeout(300);
    assert.equal(await page.locator(FALLBACK).count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("the fallback follows in-page navigation", async () => {
  const p = UNKNOWN.find((x) => x.kind === "project");
  const { page, errors } = await openPage(env.context, p.url);
  await page.locator(FALLBACK).waitFor({ state: "attached", timeout: DUE_MS + 3000 });
  await page.click("a[data-spa-nav]");
  const want = "https://gitpod.io/#https://gitlab.com/tanuki-org/next-gitlab/-/tree/main/docs";
  await waitFor(async () => (await page.locator(FALLBACK).getAttribute("href")) === want, "the fallback to follow the URL");
  // To a project page that is no code page: it goes.
  await page.evaluate(() => history.pushState({}, "", "/tanuki-org/next-gitlab/-/pipelines"));
  await waitFor(async () => (await page.locator(FALLBACK).count()) === 0, "the fallback to go on the pipelines page");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a known control that mounts late takes over from the fallback", async () => {
  const { page, errors } = await openPage(env.context, LATE);
  await page.locator(FALLBACK).waitFor({ state: "attached", timeout: DUE_MS + 1500 });
  await page.locator(ENTRY).waitFor({ state: "attached", timeout: 5000 });
  assert.equal(await page.locator(FALLBACK).count(), 0, "the fallback is gone");
  assert.equal(await page.locator(ENTRY).count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("no fallback on other pages, where GitLab shows its own Gitpod item, or on any known era", async () => {
  const known = fixtureSets().filter((f) => f.gitpod_url);
  const opened = [];
  for (const url of [...NEVER.map((p) => p.url), ...known.map((f) => f.url)]) {
    opened.push({ url, ...(await openPage(env.context, url)) });
  }
  // All tabs have been open for longer than the fallback waits.
  await new Promise((r) => setTimeout(r, DUE_MS + 1000));
  for (const { url, page, errors } of opened) {
    assert.equal(await page.locator(FALLBACK).count(), 0, `no fallback on ${url}`);
    assert.deepEqual(errors, [], url);
    await page.close();
  }
});

test("the popup says where Gitpod is on the page, and why", async () => {
  const cases = [
    [UNKNOWN[0].url, "Fallback button on this page (GitLab's control not recognised)."],
    ["https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli", "Gitpod is in GitLab's Edit menu."],
    ["https://gitlab.com/gitlab-org/gitlab-foss", "GitLab's own Gitpod item is there (we added none)."],
    ["https://gitlab.com/tanuki-org/legacy-runner", "Gitpod is beside GitLab's Web IDE button."],
    ["https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/3907", "Gitpod is in the merge request's Code menu, under \"Review changes\"."],
  ];
  for (const [url, says] of cases) {
    const { page } = await openPage(env.context, url);
    await page.waitForSelector(`${ENTRY}, ${FALLBACK}, [data-gitpod-ext-last]`, { state: "attached", timeout: DUE_MS + 3000 });
    const popup = await env.clickToolbar(page);
    await waitFor(async () => (await popup.textContent("#diagnosis").catch(() => "")) === says, `the popup to say: ${says}`);
    await popup.close();
    await page.close();
  }
});
