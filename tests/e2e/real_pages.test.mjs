// Pages GitLab itself rendered and others saved (tests/fixtures/gitlab-real, with provenance):
// a page that shows a Web IDE action gets exactly one Gitpod entry inside that control of
// GitLab's, with the canonical URL, within 1.5 s of `load`, and choosing it as a user does
// opens that URL; a page without one gets the fallback button in its action bar within 1 s of
// `load`; GitLab's own Gitpod item is never doubled; the page logs no error. The ms from `load`
// to the entry are printed for the closing note.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, waitFor, ENTRY, EXTENSION_DIR , landsOn } from "./harness.mjs";
import { realPages } from "./server.mjs";

const FALLBACK = '[data-testid="gitpod-ext-fallback"]';
const OURS = "[data-gitpod-ext]";
/** Each page's control (or action bar) with ours in it, to look at. */
const SHOTS = join(EXTENSION_DIR, "../screenshots");

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Opens `url` with a probe in the page's world that notes when our element first appears. */
async function open(url) {
  const page = await env.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript((selector) => {
    const note = () => {
      if (window.__oursAt === undefined && document.querySelector(selector)) window.__oursAt = performance.now();
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true });
  }, OURS);
  await page.goto(url);
  return { page, errors };
}

/** ms from the page's `load` to our first element. */
async function msFromLoad(page) {
  await page.waitForFunction(() => window.__oursAt !== undefined && performance.getEntriesByType("navigation")[0]?.loadEventStart > 0);
  return page.evaluate(() => Math.round(window.__oursAt - performance.getEntriesByType("navigation")[0].loadEventStart));
}

/** The Gitpod items of the page: ours (main entries) and GitLab's own (by label or marker). */
async function gitpodItems(page) {
  return page.evaluate((entry) => {
    const label = (e) => {
      const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) if (n.textContent.trim()) return n.textContent.trim();
      return "";
    };
    const native = [...document.querySelectorAll("li, a, button")].filter((e) =>
      // (A split button's primary shows the selected action, ours included: not an item.)
      !e.closest("[data-gitpod-ext], .split-content-button") && /^(open in )?(gitpod|ona)$/i.test(label(e)) && !e.querySelector("li, a, button"));
    return { ours: document.querySelectorAll(entry).length, native: native.length };
  }, ENTRY);
}

const timings = [];
after(() => {
  console.log("\nload → Gitpod entry (real pages):");
  for (const t of timings) console.log(`  ${t.file} (${t.era}): ${t.what}, ${t.ms} ms`);
});

for (const p of realPages()) {
  const kind = p.control ? `one entry in ${p.control}` : `the fallback in ${p.fallback}`;
  test(`${p.file} (GitLab ${p.era}): ${kind}, opening ${p.gitpod_url}`, async () => {
    await env.worker.evaluate(async () => { await chrome.storage.sync.clear(); });
    const { page, errors } = await open(p.url);
    if (p.control) {
      await page.locator(ENTRY).waitFor({ state: "attached", timeout: 5000 });
      const ms = await msFromLoad(page);
      timings.push({ file: p.file, era: p.era, what: p.anchor, ms });
      assert.ok(ms <= 1500, `entry ${ms} ms after load`);
      const items = await gitpodItems(page);
      assert.deepEqual(items, { ours: 1, native: 0 }, "exactly one Gitpod item");
      const entry = page.locator(ENTRY);
      assert.ok(await entry.evaluate((e, c) => Boolean(e.closest(c)), p.control), `inside ${p.control}`);
      assert.equal(await page.locator(FALLBACK).count(), 0, "no fallback beside GitLab's control");
      if (p.after) {
        // Right after GitLab's Web IDE item, in its group.
        assert.ok(await entry.evaluate((e, a) => e.previousElementSibling?.matches(a), p.after), `after ${p.after}`);
      }
      let link = (await entry.evaluate((e) => e.matches("a"))) ? entry : entry.locator("a, button").first();
      if (p.select) {
        // A split button's item selects; its primary button then performs Gitpod.
        await link.click();
        link = page.locator(`${p.control} .split-content-button`);
        await waitFor(async () => (await link.getAttribute("href")) === p.gitpod_url, "the split button to perform Gitpod");
      }
      assert.equal(await link.getAttribute("href"), p.gitpod_url);
      const [tab] = await Promise.all([env.context.waitForEvent("page"), link.click()]);
      await tab.waitForLoadState();
      await landsOn(tab, p.gitpod_url);
      await tab.close();
    } else {
      const button = page.locator(FALLBACK);
      await button.waitFor({ state: "attached", timeout: 5000 });
      const ms = await msFromLoad(page);
      timings.push({ file: p.file, era: p.era, what: "fallback", ms });
      assert.ok(ms <= 1000, `fallback ${ms} ms after load`);
      assert.equal(await page.locator(OURS).count(), 1, "the fallback alone");
      assert.ok(await button.evaluate((b, spot) => b.parentElement.matches(spot), p.fallback), `in ${p.fallback}`);
      assert.equal(await button.getAttribute("href"), p.gitpod_url);
      const [tab] = await Promise.all([env.context.waitForEvent("page"), button.click()]);
      await tab.waitForLoadState();
      await landsOn(tab, p.gitpod_url);
      await tab.close();
    }
    // To look at: GitLab UI's stylesheet of about that era (the saved pages link the original
    // instance's, which is not served), menus shown open.
    const major = parseInt(p.era, 10);
    const css = major <= 15 ? 62 : major <= 17 ? 108 : 123;
    await page.addStyleTag({ url: `/-/real-ui-assets/gitlab-ui-${css}.css` });
    await page.addStyleTag({ content: ".dropdown-menu, .gl-new-dropdown-panel { display: block !important; position: static !important; } svg { max-width: 16px; max-height: 16px; }" });
    mkdirSync(SHOTS, { recursive: true });
    const region = page.locator(p.control || p.fallback).first();
    await region.screenshot({ path: join(SHOTS, `saved-${p.file.replace(/\.html$/, "")}.png`) });
    // Still exactly one a while later (no flicker, no second copy).
    await page.waitForTimeout(300);
    assert.equal(await page.locator(`${ENTRY}, ${FALLBACK}`).count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
