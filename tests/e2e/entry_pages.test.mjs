// Pages that can carry no entry (`src/entry_pages.rs`: dashboards, pipelines, settings, issue
// lists) get the boot check only: no wasm fetched or compiled, nothing written into the page,
// and the popup still says what the extension did there. GitLab's router taking such a page to
// a code page loads the content script then; code pages load it as before.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, waitFor, inExtensionWorld, ENTRY } from "./harness.mjs";
import { gitlabPage, UNKNOWN } from "./fallback_pages.mjs";

const FALLBACK = '[data-testid="gitpod-ext-fallback"]';
const BASE = "https://gitlab.com/tanuki-org/next-gitlab";
const TREE = UNKNOWN.find((p) => p.kind === "tree");

/** What the boot marker says (isolated world): its state, and whether a wasm was fetched. */
const marker = (page) =>
  inExtensionWorld(page, "JSON.stringify({ state: __gitpodForGitLab.state ?? null, via: __gitpodForGitLab.via ?? null, ready: __gitpodForGitLab.ready ?? null })")
    .then(JSON.parse);

const IDLE = [
  { url: "https://gitlab.com/dashboard/projects", dataPage: "dashboard:projects:index", project: null, body: "<h1>Projects</h1>" },
  { url: "https://gitlab.com/tanuki-org", dataPage: "groups:show", project: null, body: "<h1>tanuki-org</h1>" },
  { url: `${BASE}/-/pipelines`, dataPage: "projects:pipelines:index", body: "<h1>Pipelines</h1>" },
  { url: `${BASE}/-/settings/ci_cd`, dataPage: "projects:settings:ci_cd:show", body: "<h1>CI/CD Settings</h1>" },
  // An issue list whose router opens a tree in place (GitLab's routers change the path, not the page).
  { url: `${BASE}/-/issues`, dataPage: "projects:issues:index",
    body: `<h1>Issues</h1><p><a id="to-tree" href="/tanuki-org/next-gitlab/-/tree/release/2.0/src">tree</a></p>` },
];

let env;
before(async () => {
  const pages = {};
  for (const p of [...IDLE, TREE]) pages[p.url] = gitlabPage({ title: p.dataPage, ...p });
  env = await launch({ pages });
});
after(async () => { await env?.close(); });

test("pages that can carry no entry load no wasm and stay untouched", async () => {
  for (const p of IDLE) {
    const { page, errors, console } = await openPage(env.context, p.url);
    await page.waitForLoadState("load");
    await waitFor(async () => (await marker(page)).state === "idle", `idle on ${p.url}`);
    await page.waitForTimeout(1500); // longer than the fallback ever waits
    assert.deepEqual(await marker(page), { state: "idle", via: null, ready: null }, p.url);
    assert.equal(await page.locator("[data-gitpod-ext], [data-gitpod-ext-last]").count(), 0, p.url);
    assert.deepEqual(errors, [], p.url);
    assert.deepEqual(console.filter((l) => /gitpod/i.test(l)), [], p.url);
    await page.close();
  }
});

test("the popup says there is nothing to add on such a page", async () => {
  const { page } = await openPage(env.context, IDLE[2].url);
  await waitFor(async () => (await marker(page)).state === "idle", "idle");
  const popup = await env.clickToolbar(page);
  await waitFor(async () => (await popup.textContent("#diagnosis").catch(() => "")) === "No Gitpod entry on this kind of page: open the project from here.",
    "the popup's sentence");
  // The toolbar's own buttons still open this page's project.
  assert.equal(await popup.locator("#open").count(), 1);
  await popup.close();
  await page.close();
});

test("GitLab's router taking such a page to a code page loads the content script then", async () => {
  const { page, errors } = await openPage(env.context, IDLE[4].url);
  await waitFor(async () => (await marker(page)).state === "idle", "idle");
  // The page's router (main world): the path changes, the page re-renders in place.
  await page.evaluate((html) => {
    document.getElementById("to-tree").addEventListener("click", (e) => {
      e.preventDefault();
      history.pushState({}, "", e.currentTarget.getAttribute("href"));
      document.getElementById("content-body").innerHTML = html;
    });
  }, TREE.body);
  await page.click("#to-tree");
  const button = page.locator(FALLBACK);
  await button.waitFor({ state: "attached", timeout: 4000 });
  assert.equal(await button.getAttribute("href"), TREE.gitpod_url);
  const m = await marker(page);
  assert.equal(m.state, "fallback");
  assert.equal(m.via, "file");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a code page loads it after DOMContentLoaded, never before", async () => {
  const { page, errors } = await openPage(env.context, TREE.url);
  await page.locator(FALLBACK).waitFor({ state: "attached", timeout: 4000 });
  const dcl = await page.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventStart);
  const m = await marker(page);
  assert.equal(m.via, "file");
  assert.ok(m.ready > dcl, `wasm ready at ${m.ready} ms, DOMContentLoaded at ${dcl} ms`);
  assert.equal(await page.locator(ENTRY).count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
