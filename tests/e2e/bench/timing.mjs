// Times, in the page's own clock (performance.now()): start-up, a late-mounted control to our
// entry, and an in-page navigation to the entry carrying the new URL on a churning page.
import { inExtensionWorld, ENTRY } from "../harness.mjs";
import { LATE, CHURN_NAV } from "./pages.mjs";

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
export const stats = (xs) => ({ runs: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });

/** Page-world probe: when GitLab's control and the entry (`entry`: ours, or the official
 * extension's) first appeared, and when DOMContentLoaded fired. */
const probe = (entry) => `(() => {
  const seen = (window.__bench = { control: null, entry: null, dcl: null, longTasks: 0, longTaskMs: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { seen.longTasks++; seen.longTaskMs += e.duration; } })
    .observe({ type: "longtask", buffered: true });
  document.addEventListener("DOMContentLoaded", () => { seen.dcl = performance.now(); });
  new MutationObserver(() => {
    const now = performance.now();
    if (seen.control === null && document.querySelector('[data-testid="code-dropdown"]')) seen.control = now;
    if (seen.entry === null && document.querySelector('${entry}')) seen.entry = now;
  }).observe(document, { childList: true, subtree: true });
})();`;
const PROBE = probe(ENTRY);
export { PROBE };

/** Start-up (content script start → wasm ready, and ready relative to DOMContentLoaded: the
 * script starts at document_start, so negative means ready before the page is) and injection
 * (GitLab's control mounted 400 ms after load → our entry present). */
export async function startupAndInjection(env, runs, { entry = ENTRY, ours = true } = {}) {
  const startup = [], readyAfterDcl = [], injection = [], initialMemory = [];
  for (let i = 0; i < runs; i++) {
    const page = await env.context.newPage();
    await page.addInitScript(probe(entry));
    await page.goto(LATE);
    await page.waitForFunction(() => window.__bench.entry !== null && window.__bench.control !== null, null, { timeout: 10000 });
    const seen = await page.evaluate(() => window.__bench);
    // The official extension's entry may come before GitLab's control (it anchors elsewhere).
    injection.push(seen.entry - seen.control);
    if (!ours) {
      await page.close();
      continue;
    }
    const t = await inExtensionWorld(page, "({ start: __gitpodForGitLab.start, ready: __gitpodForGitLab.ready, memory: __gitpodForGitLab.initialMemory })");
    startup.push(t.ready - t.start);
    readyAfterDcl.push(t.ready - seen.dcl);
    initialMemory.push(t.memory);
    await page.close();
  }
  if (!ours) return { injection: stats(injection) };
  return { startup: stats(startup), ready_after_dom_content_loaded: stats(readyAfterDcl), injection: stats(injection),
    wasm_initial_memory: Math.max(...initialMemory) };
}

/** DOMContentLoaded of the Edit page (navigation timing, from navigation start) in each
 * browser of `envs` (by name), loads rotated so drift hits all alike; the median delay of each
 * against `none`. */
export async function domContentLoaded(envs, url, runs) {
  const times = Object.fromEntries(Object.keys(envs).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, env] of Object.entries(envs)) {
      const page = await env.context.newPage();
      await page.goto(url, { waitUntil: "load" });
      times[name].push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventStart));
      await page.close();
    }
  }
  const base = quantile(times.none, 0.5);
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { ...stats(xs), delay_median: quantile(xs, 0.5) - base }]));
}

/** Page-world probe: the time of a click on an in-page navigation link (or of `__navigate`'s
 * pushState), and when our entry first carries the new URL. */
const NAV_PROBE = `(() => {
  const nav = (window.__nav = { t0: null, t1: null, want: null });
  const check = () => {
    if (nav.t0 === null || nav.t1 !== null) return;
    const href = document.querySelector('${ENTRY} a')?.getAttribute("href");
    if (href && href.endsWith(nav.want)) nav.t1 = performance.now();
  };
  addEventListener("click", (e) => {
    const a = e.target.closest?.("a[data-spa-nav]");
    if (a) Object.assign(nav, { t0: performance.now(), t1: null, want: a.getAttribute("href") });
  }, true);
  // A router that changes the URL and re-renders nothing (the Navigation API tells us).
  window.__navigate = (path) => {
    Object.assign(nav, { t0: performance.now(), t1: null, want: path });
    history.pushState({}, "", path);
    check();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["href"] });
})();`;

/** Navigations on the churning project page: GitLab's router re-rendering the header (a click
 * on a tree link), and a URL change that re-renders nothing. */
export async function navigationOnChurn(env, runs) {
  const page = await env.context.newPage();
  await page.addInitScript(NAV_PROBE);
  await page.goto(CHURN_NAV);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  const rerender = [], urlOnly = [];
  const base = new URL(CHURN_NAV).pathname.replace(/\/churn$/, "");
  for (let i = 0; i < runs; i++) {
    const dir = i % 2 ? "src" : "docs";
    // The element's own click(): the churning table keeps moving the link, which Playwright's
    // pointer click waits to see still.
    await page.evaluate((dir) => document.querySelector(`a[data-spa-nav][href$="/${dir}"]`).click(), dir);
    await page.waitForFunction(() => window.__nav.t1 !== null, null, { timeout: 5000 });
    rerender.push(await page.evaluate(() => window.__nav.t1 - window.__nav.t0));
    await page.waitForTimeout(50);
    await page.evaluate((path) => window.__navigate(path), `${base}/-/blob/main/${dir}/README.md`);
    await page.waitForFunction(() => window.__nav.t1 !== null, null, { timeout: 5000 });
    urlOnly.push(await page.evaluate(() => window.__nav.t1 - window.__nav.t0));
    await page.waitForTimeout(50);
  }
  await page.close();
  return { rerendered: stats(rerender), url_only: stats(urlOnly) };
}
