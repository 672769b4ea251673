// Memory: the JS heap a GitLab tab holds because of the extension, and its growth over in-page
// navigations (a leak keeps growing; warm-up does not).
import { inExtensionWorld, ENTRY } from "../harness.mjs";
import { EDIT, NO_ENTRY } from "./pages.mjs";

/** A real GitLab page's own scripts have long filled V8's number-to-string cache (a 64 KB
 * table V8 grows on first heavy use); the fixture's few lines have not, and instantiating any
 * wasm module grows it. Filled first, so it is counted for neither side. */
const LIKE_GITLAB = `for (let i = 0; i < 50000; i++) String(i);`;

/** JS heap after GC of a fresh tab on the Edit page, once the entry is there (or after the
 * same wait without it). Only CDP is used on the page: Playwright's selector engine would add
 * its own script to the heap. */
async function heapOf(env, expectEntry, entry = ENTRY, url = EDIT) {
  const page = await env.context.newPage();
  await page.addInitScript(LIKE_GITLAB);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(url);
  const present = async () =>
    (await cdp.send("Runtime.evaluate", { expression: `!!document.querySelector('${entry}')`, returnByValue: true })).result.value;
  const since = Date.now();
  while (expectEntry && !(await present()) && Date.now() - since < 5000) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1000));
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize").value;
  await cdp.detach();
  await page.close();
  return heap;
}

/** Median JS heap over the page: ours, and a content script of one line (the isolated world
 * every extension's content script costs, whatever it does), against no extension. */
export async function heapOverPage({ ours, floor, none, official }, rounds, officialEntry) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const a = [], f = [], n = [], o = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await heapOf(ours, true));
    f.push(await heapOf(floor, false));
    n.push(await heapOf(none, false));
    if (official) o.push(await heapOf(official, true, officialEntry));
  }
  return { rounds, with_extension: med(a), one_line_content_script: med(f), without_extension: med(n),
    over_page: med(a) - med(n), isolated_world_floor: med(f) - med(n), ours_above_floor: med(a) - med(f),
    official_over_page: official ? med(o) - med(n) : null };
}

/** The same on a page that can carry no entry (a pipeline list), where ours loads no wasm. */
export async function heapOnPageWithoutEntry({ ours, floor, none, official }, rounds) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const a = [], f = [], n = [], o = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await heapOf(ours, false, ENTRY, NO_ENTRY));
    f.push(await heapOf(floor, false, ENTRY, NO_ENTRY));
    n.push(await heapOf(none, false, ENTRY, NO_ENTRY));
    if (official) o.push(await heapOf(official, false, ENTRY, NO_ENTRY));
  }
  return { rounds, over_page: med(a) - med(n), isolated_world_floor: med(f) - med(n),
    ours_above_floor: med(a) - med(f), official_over_page: official ? med(o) - med(n) : null };
}

/** What our content script did on the page that needs no entry: its state and whether it
 * fetched the wasm (`via`). */
export async function markerWithoutEntry(env) {
  const page = await env.context.newPage();
  await page.goto(NO_ENTRY, { waitUntil: "load" });
  await new Promise((r) => setTimeout(r, 1500)); // longer than the fallback ever waits
  const marker = await inExtensionWorld(page, "({ state: __gitpodForGitLab.state ?? null, via: __gitpodForGitLab.via ?? null })");
  await page.close();
  return marker;
}

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
export async function growthOverNavigations(env, withExtension) {
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
