// Sizes: every shipped .wasm and .js, raw and gzip -9; what a GitLab page loads (the content
// script and the wasm it fetches); the store zips.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { EXTENSION_DIR } from "../harness.mjs";

const measure = (path) => {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

export function sizes() {
  const dist = join(EXTENSION_DIR, "..");
  const files = readdirSync(EXTENSION_DIR)
    .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"))
    .sort()
    .map((file) => ({ file, ...measure(join(EXTENSION_DIR, file)) }));
  const pulled = files.filter((f) => f.file === "content.js" || f.file === "content.wasm");
  const page = { files: pulled.map((f) => f.file), raw: 0, gzip: 0 };
  for (const f of pulled) {
    page.raw += f.raw;
    page.gzip += f.gzip;
  }
  const zips = readdirSync(dist)
    .filter((f) => f.endsWith(".zip"))
    .sort()
    .map((file) => ({ file, bytes: statSync(join(dist, file)).size }));
  return { files, page_loads: page, zips };
}
