// `cargo xtask bench`: how much the extension costs, measured in real headless Chromium with
// the built extension, beside the official extension measured in the same run where its build
// is there (reference.mjs). Prints a table and writes JSON (BENCH_OUT). Reports, never asserts: times depend on the machine.
//
// sizes.mjs: what ships and what a GitLab page loads; timing.mjs: start-up, late mount → entry,
// navigation → entry on a churning page; cost.mjs: page cost on a mutating 10 000-line diff;
// memory.mjs: JS heap over the page and its growth over in-page navigations.

import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, EXTENSION_DIR, ENTRY } from "../harness.mjs";
import { sizes } from "./sizes.mjs";
import { startupAndInjection, navigationOnChurn, domContentLoaded } from "./timing.mjs";
import { officialDir, officialSizes, OFFICIAL_ENTRY } from "./reference.mjs";
import { pageCost, scriptTimeOverLoad } from "./cost.mjs";
import { heapOverPage, heapOnPageWithoutEntry, markerWithoutEntry, growthOverNavigations } from "./memory.mjs";
import { DIFF_PAGE, CHURN_PAGE, NO_ENTRY_PAGE, EDIT, NO_ENTRY } from "./pages.mjs";
import { report } from "./report.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 30);
const ROUNDS = Number(process.env.BENCH_COST_ROUNDS || 5);

// The floor: our build with a one-line content script (the isolated world any content script
// costs a tab).
const floorDir = mkdtempSync(join(tmpdir(), "gitpod-gitlab-floor-"));
cpSync(EXTENSION_DIR, floorDir, { recursive: true });
writeFileSync(join(floorDir, "content.js"), 'document.documentElement.dataset.floor = "1";\n');

const pages = { ...DIFF_PAGE(), ...CHURN_PAGE(), ...NO_ENTRY_PAGE() };
const ours = await launch({ pages });
const none = await launch({ pages, extension: false });
const floor = await launch({ pages, from: floorDir });
const officialBuild = officialDir();
if (!officialBuild) console.log("the official extension's build is not there (../shared/reference/official-extension-2.5.4): ours alone");
const official = officialBuild ? await launch({ pages, from: officialBuild, anyId: true, firstRun: "keep" }) : null;
let result;
try {
  const timing = await startupAndInjection(ours, RUNS);
  const navigation = await navigationOnChurn(ours, RUNS);
  const cost = await pageCost(ours, none, ROUNDS);
  const heap = await heapOverPage({ ours, floor, none, official }, ROUNDS, OFFICIAL_ENTRY);
  const dcl = await domContentLoaded(official ? { none, ours, official } : { none, ours }, EDIT, RUNS);
  const scriptTime = await scriptTimeOverLoad(official ? { none, ours, official } : { none, ours },
    { none: null, ours: ENTRY, official: OFFICIAL_ENTRY }, Math.min(RUNS, 15));
  const idleHeap = await heapOnPageWithoutEntry({ ours, floor, none, official }, ROUNDS);
  const idleDcl = await domContentLoaded(official ? { none, ours, official } : { none, ours }, NO_ENTRY, RUNS);
  const idleMarker = await markerWithoutEntry(ours);
  const officialTiming = official ? await startupAndInjection(official, RUNS, { entry: OFFICIAL_ENTRY, ours: false }) : null;
  const growth = await growthOverNavigations(ours, true);
  const growthBaseline = await growthOverNavigations(none, false);
  result = {
    date: new Date().toISOString(), chromium: ours.context.browser().version(), sizes: sizes(), ...timing,
    navigation_on_churning_page: navigation, page_cost: cost, js_heap_over_page: heap,
    wasm_peak_memory: growth.after_200.wasm_memory, memory: growth, memory_without_extension: growthBaseline,
    dom_content_loaded: dcl, script_time_over_load: scriptTime,
    page_without_entry: { url: NO_ENTRY, marker: idleMarker, js_heap_over_page: idleHeap, dom_content_loaded: idleDcl },
    official: official ? { version: "2.5.4", ...officialSizes(officialBuild), injection: officialTiming.injection,
      js_heap_over_page: heap.official_over_page, dcl_delay: dcl.official.delay_median,
      idle_heap: idleHeap.official_over_page, script_over_load: scriptTime.official.over_page, idle_dcl_delay: idleDcl.official.delay_median } : null,
  };
} finally {
  await ours.close();
  await none.close();
  await floor.close();
  await official?.close();
  rmSync(floorDir, { recursive: true, force: true });
}

console.log(report(result));
const out = process.env.BENCH_OUT || join(EXTENSION_DIR, "..", "bench.json");
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
console.log(`\nwritten: ${out}`);
