// Page cost: a 10 000-line merge-request diff that keeps mutating; the page's task and script
// time and long tasks with the extension vs without, alternating in the same run.
import { PROBE, quantile } from "./timing.mjs";
import { DIFF, EDIT } from "./pages.mjs";

/** Script time a page load costs: V8's `ScriptDuration` (every world's JS and wasm on the
 * page's thread) from navigation to 2.5 s after `load`, with each extension against none,
 * loads rotated; the median difference. */
export async function scriptTimeOverLoad(envs, entry, runs) {
  const loadScript = async (env, selector) => {
    const page = await env.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(EDIT, { waitUntil: "load" });
    const since = Date.now();
    const present = async () =>
      (await cdp.send("Runtime.evaluate", { expression: `!!document.querySelector('${selector}')`, returnByValue: true })).result.value;
    // The same window for every browser: 2.5 s after load (the entry comes well within it).
    while (selector && !(await present()) && Date.now() - since < 2500) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, Math.max(0, 2500 - (Date.now() - since))));
    const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
    await cdp.detach();
    await page.close();
    return m.ScriptDuration * 1000;
  };
  const times = Object.fromEntries(Object.keys(envs).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, env] of Object.entries(envs)) times[name].push(await loadScript(env, entry[name]));
  }
  const base = quantile(times.none, 0.5);
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { median: quantile(xs, 0.5), over_page: quantile(xs, 0.5) - base }]));
}

export async function pageCost(envWith, envWithout, rounds) {
  const measure = async (env) => {
    const page = await env.context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(DIFF);
    await page.waitForTimeout(500); // past load and injection
    const metric = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const a = await metric();
    const before = await page.evaluate(() => ({ ...window.__bench }));
    await page.waitForTimeout(3000);
    const b = await metric();
    const after = await page.evaluate(() => ({ ...window.__bench }));
    await cdp.detach();
    await page.close();
    return {
      taskMs: (b.TaskDuration - a.TaskDuration) * 1000,
      scriptMs: (b.ScriptDuration - a.ScriptDuration) * 1000,
      longTasks: after.longTasks - before.longTasks,
    };
  };
  const withExt = [], without = [];
  for (let r = 0; r < rounds; r++) {
    withExt.push(await measure(envWith));
    without.push(await measure(envWithout));
  }
  const med = (xs, k) => quantile(xs.map((x) => x[k]), 0.5);
  const w = { task_ms: med(withExt, "taskMs"), script_ms: med(withExt, "scriptMs"), long_tasks: med(withExt, "longTasks") };
  const wo = { task_ms: med(without, "taskMs"), script_ms: med(without, "scriptMs"), long_tasks: med(without, "longTasks") };
  return { window_ms: 3000, rounds, with_extension: w, without_extension: wo,
    task_ratio: w.task_ms / wo.task_ms, script_ratio: w.script_ms / wo.script_ms };
}
