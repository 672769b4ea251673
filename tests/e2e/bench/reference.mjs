// The official Gitpod/Ona extension (v2.5.4, MIT, its production build: see
// ../shared/reference/official-extension-2.5.4/README.md), measured in the same run as ours
// where that folder is there (OFFICIAL_EXTENSION overrides the path); the bench says so where
// it is not. `target` is issue #23's goal for ours.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync, gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));

/** The official build's folder, or null. */
export function officialDir() {
  const dir = process.env.OFFICIAL_EXTENSION || join(here, "../../../../shared/reference/official-extension-2.5.4/chrome-mv3-prod");
  return existsSync(join(dir, "manifest.json")) ? dir : null;
}

/** What the official extension puts into a GitLab page: its content-script UI's host element. */
export const OFFICIAL_ENTRY = "plasmo-csui";

const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

/** Its sizes, measured as ours are: the content scripts a gitlab.com page loads (raw, gzip -9)
 * and the store zip it would make (each file deflated at level 9 plus zip's fixed headers:
 * 30 + 46 bytes and the name twice per entry, 22 at the end). */
export function officialSizes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const scripts = manifest.content_scripts
    .filter((c) => c.matches.some((m) => m.startsWith("https://gitlab.com/")))
    .flatMap((c) => c.js);
  const page = { files: scripts, raw: 0, gzip: 0 };
  for (const f of scripts) {
    const bytes = readFileSync(join(dir, f));
    page.raw += bytes.length;
    page.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  let zip = 22;
  for (const p of walk(dir)) {
    const name = relative(dir, p);
    zip += 30 + 46 + 2 * Buffer.byteLength(name) + deflateRawSync(readFileSync(p), { level: 9 }).length;
  }
  return { page_loads: page, zip };
}

export const ROWS = [
  { key: "content_raw", label: "content script a page loads, raw", unit: "B", target: 64000 },
  { key: "content_gzip", label: "content script a page loads, gzip -9", unit: "B", target: 20000 },
  { key: "zip", label: "store zip", unit: "B", target: 150000 },
  { key: "js_heap", label: "JS heap over the page, after GC", unit: "KB", target: null },
  { key: "dcl_delay", label: "DOMContentLoaded later than without extension, median", unit: "ms", target: 1 },
  { key: "script_over_load", label: "script time a page load costs (ScriptDuration), median", unit: "ms", target: 8 },
  { key: "idle_loads", label: "page needing no entry: what it loads, gzip -9", unit: "B", target: null },
  { key: "idle_heap", label: "page needing no entry: JS heap over the page", unit: "KB", target: null },
  { key: "idle_dcl", label: "page needing no entry: DOMContentLoaded later, median", unit: "ms", target: 1 },
  { key: "wasm_initial", label: "wasm linear memory per tab, initial", unit: "KB", target: 192 },
  { key: "wasm_peak", label: "wasm linear memory per tab, peak", unit: "KB", target: 192 },
  { key: "nav_churn", label: "nav → entry, page whose DOM keeps changing, median", unit: "ms", target: null },
  { key: "late_median", label: "late-mounted control → entry, median", unit: "ms", target: null },
  { key: "late_p95", label: "late-mounted control → entry, p95", unit: "ms", target: 16 },
];
