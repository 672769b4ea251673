// Page cost: a 10 000-line merge-request diff that keeps mutating; the page's task and script
// time and long tasks with the extension vs without, alternating in the same run.
import { PROBE, quantile } from "./timing.mjs";
import { DIFF } from "./pages.mjs";


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
