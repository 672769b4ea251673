// The official Gitpod extension's figures, as issue #13 measured them: official v2.5.4 (Plasmo +
// React, built from its source), measured on the same machine kind, same Chromium, same
// GitLab-like page, loads rotated, N = 30. Fixed constants: this repository does not build the
// official extension. `target` is issue #13's goal for ours.
export const OFFICIAL = "official v2.5.4, measured on the same machine kind";

export const ROWS = [
  { key: "content_raw", label: "content script a page loads, raw", unit: "B", official: 193649, target: 64000 },
  { key: "content_gzip", label: "content script a page loads, gzip -9", unit: "B", official: 60352, target: 20000 },
  { key: "zip", label: "store zip", unit: "B", official: 205421, target: 150000 },
  { key: "js_heap", label: "JS heap over the page, after GC", unit: "KB", official: 942, target: 150 },
  { key: "wasm_initial", label: "wasm linear memory per tab, initial", unit: "KB", official: null, target: 192 },
  { key: "wasm_peak", label: "wasm linear memory per tab, peak", unit: "KB", official: null, target: 192 },
  { key: "nav_churn", label: "nav → entry, page whose DOM keeps changing, median", unit: "ms", official: 108, target: 54 },
  { key: "late_median", label: "late-mounted control → entry, median", unit: "ms", official: 21.7, target: null },
  { key: "late_p95", label: "late-mounted control → entry, p95", unit: "ms", official: 51.1, target: 16 },
];
