// The benchmark's printed report: the issue #13 table (ours beside the official extension and
// the target, with ratios), then the details.
import { OFFICIAL, ROWS } from "./reference.mjs";

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const signed = (v) => `${v >= 0 ? "+" : ""}${kb(v)}`;

/** Each table row's figure for our build, in the row's unit. */
function ours(r) {
  const zip = r.sizes.zips.find((z) => z.file.includes("chrome"));
  return {
    content_raw: r.sizes.page_loads.raw,
    content_gzip: r.sizes.page_loads.gzip,
    zip: zip?.bytes,
    js_heap: r.js_heap_over_page.over_page / 1024,
    wasm_initial: r.wasm_initial_memory / 1024,
    wasm_peak: r.wasm_peak_memory / 1024,
    nav_churn: r.navigation_on_churning_page.rerendered.median,
    late_median: r.injection.median,
    late_p95: r.injection.p95,
  };
}

const fmt = (v, unit) => (v === null || v === undefined ? "–" : unit === "B" ? String(Math.round(v)) : v.toFixed(1));

export function report(r) {
  const mine = ours(r);
  const lines = [];
  lines.push(`issue #13 table (official: ${OFFICIAL}; ratio = ours / official)`);
  lines.push(`${"".padEnd(54)}${"official".padStart(10)}${"ours".padStart(10)}${"target".padStart(10)}${"ratio".padStart(8)}  met`);
  for (const row of ROWS) {
    const v = mine[row.key];
    const ratio = row.official ? (v / row.official).toFixed(2) : "–";
    const met = row.target === null ? "" : v <= row.target ? "yes" : "no";
    lines.push(`${`${row.label} (${row.unit})`.padEnd(54)}${fmt(row.official, row.unit).padStart(10)}${fmt(v, row.unit).padStart(10)}` +
      `${fmt(row.target, row.unit).padStart(10)}${ratio.padStart(8)}  ${met}`);
  }
  lines.push("");
  lines.push("file                          raw        gzip -9");
  for (const f of r.sizes.files) lines.push(`${f.file.padEnd(28)}${String(f.raw).padStart(9)}  ${String(f.gzip).padStart(9)}`);
  lines.push(`a GitLab page loads ${r.sizes.page_loads.files.join(" + ")}: ${r.sizes.page_loads.raw} B raw / ${r.sizes.page_loads.gzip} B gzip -9`);
  for (const z of r.sizes.zips) lines.push(`${z.file}: ${z.bytes} B`);
  lines.push("");
  lines.push(`start-up (script start → wasm ready), ${r.startup.runs} loads: median ${ms(r.startup.median)}, p95 ${ms(r.startup.p95)}`);
  lines.push(`wasm ready relative to DOMContentLoaded (negative: before it): median ${ms(r.ready_after_dom_content_loaded.median)}, p95 ${ms(r.ready_after_dom_content_loaded.p95)}`);
  lines.push(`late mount (control inserted → entry present), ${r.injection.runs} loads: median ${ms(r.injection.median)}, p95 ${ms(r.injection.p95)}`);
  const n = r.navigation_on_churning_page;
  lines.push(`navigation → entry with the new URL, churning page, ${n.rerendered.runs} each: GitLab re-renders the header: median ${ms(n.rerendered.median)}, ` +
    `p95 ${ms(n.rerendered.p95)}; URL only: median ${ms(n.url_only.median)}, p95 ${ms(n.url_only.p95)}`);
  const c = r.page_cost;
  lines.push(`page cost over ${c.window_ms} ms of a mutating 10 000-line diff (median of ${c.rounds}):`);
  lines.push(`  with extension:    task ${ms(c.with_extension.task_ms)}, script ${ms(c.with_extension.script_ms)}, long tasks ${c.with_extension.long_tasks}`);
  lines.push(`  without extension: task ${ms(c.without_extension.task_ms)}, script ${ms(c.without_extension.script_ms)}, long tasks ${c.without_extension.long_tasks}`);
  lines.push(`  ratio: task ${c.task_ratio.toFixed(3)}, script ${c.script_ratio.toFixed(3)}`);
  const h = r.js_heap_over_page;
  lines.push(`JS heap over the page after GC (median of ${h.rounds}): ${signed(h.over_page)}; a one-line content script: ${signed(h.isolated_world_floor)} ` +
    `(the isolated world itself); ours above that: ${signed(h.ours_above_floor)}`);
  lines.push(`wasm linear memory: initial ${kb(r.wasm_initial_memory)}, peak (after 200 navigations) ${kb(r.wasm_peak_memory)}`);
  const m = r.memory;
  lines.push(`memory after 1 / 100 / 200 in-page navigations (growth over the first hundred, the second):`);
  lines.push(`  with extension:    JS heap ${kb(m.after_1.js_heap)} / ${kb(m.after_100.js_heap)} / ${kb(m.after_200.js_heap)} ` +
    `(${signed(m.js_heap_growth)}, ${signed(m.js_heap_growth_second_100)}), wasm ${kb(m.after_1.wasm_memory)} / ` +
    `${kb(m.after_100.wasm_memory)} / ${kb(m.after_200.wasm_memory)} (${signed(m.wasm_growth)}, ${signed(m.wasm_growth_second_100)})`);
  const b = r.memory_without_extension;
  lines.push(`  without extension: JS heap ${kb(b.after_1.js_heap)} / ${kb(b.after_100.js_heap)} / ${kb(b.after_200.js_heap)} ` +
    `(${signed(b.js_heap_growth)}, ${signed(b.js_heap_growth_second_100)})`);
  const byKind = (x) => Object.entries(x.heap_growth_second_100_by_kind).map(([k, v]) => `${k.replace("_", " ")} ${signed(v)}`).join(", ");
  lines.push(`  second hundred by heap snapshot, with: ${byKind(m)}; without: ${byKind(b)}`);
  lines.push(`  Rust-held JS values (externref slots) after 1 / 100 / 200: ${m.after_1.externref_slots} / ${m.after_100.externref_slots} / ${m.after_200.externref_slots}`);
  return lines.join("\n");
}
