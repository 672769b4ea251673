// `cargo xtask bench`: how much the extension costs, measured in real headless Chromium with
// the built extension. Prints a table and writes JSON (BENCH_OUT). Reports, never asserts:
// times depend on the machine.
//
// - sizes of every shipped .wasm and .js, raw and gzip -9, and what a GitLab page pulls in;
// - start-up: content script start to wasm ready (isolated world timings), median and p95;
// - injection: GitLab's control inserted by the page (after 400 ms) to our entry present;
// - page cost: a synthetic 10 000-line merge-request diff that keeps mutating, page task and
//   script time and long tasks with the extension vs without, in the same run;
// - memory: JS heap and wasm memory after 1, 100 and 200 in-page navigations (the second hundred
//   tells a leak, which keeps growing, from warm-up, which does not).

import { readFileSync, readdirSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch, inExtensionWorld, ENTRY, EXTENSION_DIR } from "./harness.mjs";
import { fixtureSets } from "./server.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 30);
const COST_ROUNDS = Number(process.env.BENCH_COST_ROUNDS || 5);
const LATE = "https://gitlab.com/tanuki-org/tanuki-runner/-/tree/main/docs?ref_type=heads";
const EDIT = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli";
const DIFF = "https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/4821/diffs";

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const stats = (xs) => ({ runs: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

// ---- sizes ---------------------------------------------------------------------------------

function sizes() {
  const rows = [];
  const dist = join(EXTENSION_DIR, "..");
  const built = JSON.parse(readFileSync(join(dist, "sizes.json"), "utf8"));
  for (const r of built.filter((r) => r.name.endsWith(".wasm"))) rows.push({ file: r.name, raw: r.raw, gzip: r.gzip });
  for (const f of readdirSync(EXTENSION_DIR).filter((f) => f.endsWith(".js"))) {
    const bytes = readFileSync(join(EXTENSION_DIR, f));
    rows.push({ file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const content = rows.find((r) => r.file === "content.js");
  return { files: rows, page_pulls: { file: "content.js (wasm embedded)", raw: content.raw, gzip: content.gzip } };
}

// ---- helpers -------------------------------------------------------------------------------


/** Page-world probe: when GitLab's control and our entry first appeared (performance.now()). */
const PROBE = `(() => {
  const seen = (window.__bench = { control: null, entry: null, longTasks: 0, longTaskMs: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { seen.longTasks++; seen.longTaskMs += e.duration; } })
    .observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    const now = performance.now();
    if (seen.control === null && document.querySelector('[data-testid="code-dropdown"]')) seen.control = now;
    if (seen.entry === null && document.querySelector('${ENTRY}')) seen.entry = now;
  }).observe(document, { childList: true, subtree: true });
})();`;

// ---- start-up and injection ----------------------------------------------------------------

async function startupAndInjection(env) {
  const startup = [], injection = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await env.context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(LATE);
    await page.waitForFunction(() => window.__bench.entry !== null && window.__bench.control !== null, null, { timeout: 10000 });
    const seen = await page.evaluate(() => window.__bench);
    const t = await inExtensionWorld(page, "({ start: __gitpodForGitLab.start, ready: __gitpodForGitLab.ready })");
    startup.push(t.ready - t.start);
    injection.push(seen.entry - seen.control);
    await page.close();
  }
  return { startup: stats(startup), injection: stats(injection) };
}

// ---- page cost -----------------------------------------------------------------------------

/** The shared MR fixture plus a 10 000-line diff that a script keeps re-rendering. */
function syntheticDiff() {
  const mr = fixtureSets().find((f) => f.url.includes("/merge_requests/"));
  const html = readFileSync(mr.path, "utf8");
  const rows = Array.from({ length: 10000 }, (_, i) =>
    `<tr class="line_holder" id="L${i}"><td class="diff-line-num">${i + 1}</td><td class="line_content">` +
    `<span class="line">const value${i} = compute(${i}); // line ${i}</span></td></tr>`).join("");
  const script = `<script nonce="fixture-nonce">
    // Highlighting, comments and virtual scrolling: 200 rows rewritten and one row added and
    // removed every 16 ms.
    (() => {
      const body = document.getElementById("bench-diff");
      let tick = 0;
      setInterval(() => {
        tick++;
        for (let k = 0; k < 200; k++) {
          const row = body.rows[(tick * 200 + k) % body.rows.length];
          row.className = tick % 2 ? "line_holder hll" : "line_holder";
          row.cells[1].firstChild.textContent = "const value = compute(" + tick + "); // " + k;
        }
        const extra = body.insertRow();
        extra.insertCell().textContent = "+";
        extra.insertCell().textContent = "note " + tick;
        if (body.rows.length > 10001) body.deleteRow(0);
      }, 16);
    })();
  </script>`;
  const diff = `<table class="diff-table code"><tbody id="bench-diff">${rows}</tbody></table>`;
  // Inside #content-body, where GitLab renders diffs and where the extension observes.
  const marker = 'id="content-body" class="content" itemscope>';
  if (!html.includes(marker)) throw new Error("MR fixture without #content-body");
  return html.replace(marker, marker + diff).replace("</body>", `${script}</body>`);
}

async function pageCost(envWith, envWithout) {
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
  for (let r = 0; r < COST_ROUNDS; r++) {
    // Alternate so both see the same machine state.
    withExt.push(await measure(envWith));
    without.push(await measure(envWithout));
  }
  const med = (xs, k) => quantile(xs.map((x) => x[k]), 0.5);
  const w = { task_ms: med(withExt, "taskMs"), script_ms: med(withExt, "scriptMs"), long_tasks: med(withExt, "longTasks") };
  const wo = { task_ms: med(without, "taskMs"), script_ms: med(without, "scriptMs"), long_tasks: med(without, "longTasks") };
  return { window_ms: 3000, rounds: COST_ROUNDS, with_extension: w, without_extension: wo,
    task_ratio: w.task_ms / wo.task_ms, script_ratio: w.script_ms / wo.script_ms };
}

// ---- memory --------------------------------------------------------------------------------

/** A heap snapshot's self sizes summed by kind: V8's compiled code (grows as functions tier
 * up, a bounded cost), native (DOM, performance entries) and JS values (objects, closures,
 * arrays, strings): what a leak would grow. Taking the snapshot collects garbage first. */
async function heapByKind(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(""));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const type = fields.indexOf("type");
  const size = fields.indexOf("self_size");
  const kinds = { code: 0, native: 0, js_values: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    const t = types[nodes[i + type]];
    kinds[t === "code" ? "code" : t === "native" ? "native" : "js_values"] += nodes[i + size];
  }
  return kinds;
}

/** Heap after 1, 100 and 200 in-page navigations, with the extension (JS heap of the page's
 * isolate, which holds the content script's world too, and the wasm memory) and without. */
async function memory(env, withExtension) {
  const page = await env.context.newPage();
  await page.goto(EDIT);
  if (withExtension) await page.locator(ENTRY).waitFor({ state: "attached" });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const sample = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize").value;
    const [wasm, held] = withExtension
      ? await inExtensionWorld(page, "[__gitpodForGitLab.memory.buffer.byteLength, __gitpodForGitLab.externrefs?.length ?? 0]")
      : [0, 0];
    return { js_heap: heap, wasm_memory: wasm, externref_slots: held };
  };
  const navigate = async (i) => {
    const dir = i % 2 ? "src" : "docs";
    await page.click(`a[data-spa-nav][href$="/${dir}"]`);
    await page.waitForFunction(({ entry, dir, withExtension }) => location.pathname.endsWith(dir) &&
      (!withExtension || document.querySelector(entry)?.querySelector("a")?.getAttribute("href").endsWith(dir)),
    { entry: ENTRY, dir, withExtension }, { timeout: 3000 });
  };
  await navigate(0);
  const first = await sample();
  for (let i = 1; i < 100; i++) await navigate(i);
  const hundred = await sample();
  const kindsAt100 = await heapByKind(cdp);
  for (let i = 100; i < 200; i++) await navigate(i);
  const twoHundred = await sample();
  const kindsAt200 = await heapByKind(cdp);
  await cdp.detach();
  await page.close();
  return { after_1: first, after_100: hundred, after_200: twoHundred,
    js_heap_growth: hundred.js_heap - first.js_heap, wasm_growth: hundred.wasm_memory - first.wasm_memory,
    js_heap_growth_second_100: twoHundred.js_heap - hundred.js_heap,
    wasm_growth_second_100: twoHundred.wasm_memory - hundred.wasm_memory,
    heap_growth_second_100_by_kind: Object.fromEntries(Object.keys(kindsAt200).map((k) => [k, kindsAt200[k] - kindsAt100[k]])) };
}

// ---- main ----------------------------------------------------------------------------------

const size = sizes();
const diffPage = { [DIFF]: syntheticDiff() };
const envWith = await launch({ pages: diffPage });
const envWithout = await launch({ pages: diffPage, extension: false });
let result;
try {
  const timing = await startupAndInjection(envWith);
  const cost = await pageCost(envWith, envWithout);
  const mem = await memory(envWith, true);
  const memBaseline = await memory(envWithout, false);
  result = { date: new Date().toISOString(), chromium: envWith.context.browser().version(), sizes: size, ...timing,
    page_cost: cost, memory: mem, memory_without_extension: memBaseline };
} finally {
  await envWith.close();
  await envWithout.close();
}

const lines = [];
lines.push("file                          raw        gzip -9");
for (const f of size.files) lines.push(`${f.file.padEnd(28)}${String(f.raw).padStart(9)}  ${String(f.gzip).padStart(9)}`);
lines.push(`a GitLab page pulls: ${size.page_pulls.file}, ${kb(size.page_pulls.raw)} raw / ${kb(size.page_pulls.gzip)} gzip`);
lines.push("");
lines.push(`start-up (script start → wasm ready), ${result.startup.runs} loads: median ${ms(result.startup.median)}, p95 ${ms(result.startup.p95)}`);
lines.push(`injection (control inserted → entry present), ${result.injection.runs} loads: median ${ms(result.injection.median)}, p95 ${ms(result.injection.p95)}`);
const c = result.page_cost;
lines.push(`page cost over ${c.window_ms} ms of a mutating 10 000-line diff (median of ${c.rounds}):`);
lines.push(`  with extension:    task ${ms(c.with_extension.task_ms)}, script ${ms(c.with_extension.script_ms)}, long tasks ${c.with_extension.long_tasks}`);
lines.push(`  without extension: task ${ms(c.without_extension.task_ms)}, script ${ms(c.without_extension.script_ms)}, long tasks ${c.without_extension.long_tasks}`);
lines.push(`  ratio: task ${c.task_ratio.toFixed(3)}, script ${c.script_ratio.toFixed(3)}`);
const m = result.memory;
const signed = (v) => `${v >= 0 ? "+" : ""}${kb(v)}`;
lines.push(`memory after 1 / 100 / 200 in-page navigations (growth over the first hundred, the second):`);
lines.push(`  with extension:    JS heap ${kb(m.after_1.js_heap)} / ${kb(m.after_100.js_heap)} / ${kb(m.after_200.js_heap)} ` +
  `(${signed(m.js_heap_growth)}, ${signed(m.js_heap_growth_second_100)}), wasm ${kb(m.after_1.wasm_memory)} / ` +
  `${kb(m.after_100.wasm_memory)} / ${kb(m.after_200.wasm_memory)} (${signed(m.wasm_growth)}, ${signed(m.wasm_growth_second_100)})`);
const b = result.memory_without_extension;
lines.push(`  without extension: JS heap ${kb(b.after_1.js_heap)} / ${kb(b.after_100.js_heap)} / ${kb(b.after_200.js_heap)} ` +
  `(${signed(b.js_heap_growth)}, ${signed(b.js_heap_growth_second_100)})`);
const byKind = (r) => Object.entries(r.heap_growth_second_100_by_kind).map(([k, v]) => `${k.replace("_", " ")} ${signed(v)}`).join(", ");
lines.push(`  second hundred by heap snapshot, with: ${byKind(m)}; without: ${byKind(b)}`);
lines.push(`  Rust-held JS values (externref slots) after 1 / 100 / 200: ${m.after_1.externref_slots} / ${m.after_100.externref_slots} / ${m.after_200.externref_slots}`);
console.log(lines.join("\n"));
const out = process.env.BENCH_OUT || join(EXTENSION_DIR, "..", "bench.json");
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
console.log(`\nwritten: ${out}`);
