// The benchmark's printed report: the table (ours beside the official extension measured in the
// same run, and the target, with ratios), then the details.
import { ROWS } from "./reference.mjs";

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
    dcl_delay: r.dom_content_loaded.ours.delay_median,
    script_over_load: r.script_time_over_load.ours.over_page,
    // What a page that needs no entry loads of ours: the boot script alone, unless it fetched the wasm.
    idle_loads: r.page_without_entry.marker.via === null ? r.sizes.files.find((f) => f.file === "content.js").gzip : r.sizes.page_loads.gzip,
    idle_heap: r.page_without_entry.js_heap_over_page.over_page / 1024,
    idle_dcl: r.page_without_entry.dom_content_loaded.ours.delay_median,
  };
}

/** The official extension's figures from the same run (none where its build was absent). */
function theirs(r) {
  const o = r.official;
  if (!o) return {};
  return {
    content_raw: o.page_loads.raw,
    content_gzip: o.page_loads.gzip,
    zip: o.zip,
    js_heap: o.js_heap_over_page / 1024,
    nav_churn: null,
    // Before GitLab's control (it anchors elsewhere, not in the control): not comparable.
    late_median: o.injection.median >= 0 ? o.injection.median : null,
    late_p95: o.injection.median >= 0 ? o.injection.p95 : null,
    dcl_delay: o.dcl_delay,
    script_over_load: o.script_over_load,
    idle_loads: o.page_loads.gzip,
    idle_heap: o.idle_heap / 1024,
    idle_dcl: o.idle_dcl_delay,
  };
}

const fmt = (v, unit) => (v === null || v === undefined ? "–" : unit === "B" ? String(Math.round(v)) : v.toFixed(1));

export function report(r) {
  const mine = ours(r);
  const other = theirs(r);
  const lines = [];
  lines.push(r.official
    ? `ours beside the official extension v${r.official.version}, measured in this run (ratio = ours / official)`
    : "ours alone: the official extension's build is not there (../shared/reference/official-extension-2.5.4)");
  lines.push(`${"".padEnd(54)}${"official".padStart(10)}${"ours".padStart(10)}${"target".padStart(10)}${"ratio".padStart(8)}  met`);
  for (const row of ROWS) {
    const v = mine[row.key];
    const official = other[row.key];
    const ratio = official ? (v / official).toFixed(2) : "–";
    const met = row.target === null ? "" : v <= row.target ? "yes" : "no";
    lines.push(`${`${row.label} (${row.unit})`.padEnd(54)}${fmt(official, row.unit).padStart(10)}${fmt(v, row.unit).padStart(10)}` +
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
  if (r.official) {
    lines.push(`official v${r.official.version}: a GitLab page loads ${r.official.page_loads.files.join(" + ")}; its store zip estimated from its files ` +
      `(deflate -9 + zip headers); its entry appears ${ms(r.official.injection.median)} after GitLab's late control (negative: before it, outside the control)`);
  }
  const d = r.dom_content_loaded;
  lines.push(`DOMContentLoaded of the Edit page, ${d.none.runs} loads each, rotated: without extension median ${ms(d.none.median)}; ` +
    Object.entries(d).filter(([k]) => k !== "none").map(([k, v]) => `${k} median ${ms(v.median)} (${v.delay_median >= 0 ? "+" : ""}${ms(v.delay_median)})`).join("; "));
  const w = r.page_without_entry;
  lines.push(`page needing no entry (${w.url}, data-page projects:pipelines:index): our content script ${w.marker.state}, wasm ${w.marker.via === null ? "not fetched" : "fetched (" + w.marker.via + ")"}; ` +
    `JS heap over the page ${kb(w.js_heap_over_page.over_page)} (one-line script floor ${kb(w.js_heap_over_page.isolated_world_floor)}); DOMContentLoaded ` +
    Object.entries(w.dom_content_loaded).filter(([k]) => k !== "none").map(([k, v]) => `${k} ${v.delay_median >= 0 ? "+" : ""}${ms(v.delay_median)}`).join(", "));
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
