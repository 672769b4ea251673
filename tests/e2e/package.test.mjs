// What ships: the Firefox build passes `web-ext lint` with no error, the Chrome store zip loads
// and works as unpacked, both manifests ask for exactly the permissions README lists, and no
// shipped script or page parses HTML from strings, evaluates code or inlines script.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EXTENSION_DIR, ENTRY, expectedExtensionId, launch, openPage } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const DIST = dirname(EXTENSION_DIR);
const FIREFOX_DIR = join(DIST, "firefox");
const zipOf = (browser) => {
  const name = readdirSync(DIST).find((f) => f.startsWith(`gitpod-gitlab-${browser}-`) && f.endsWith(".zip"));
  assert.ok(name, `the ${browser} zip was built`);
  return join(DIST, name);
};
const manifestOf = (dir) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));

test("web-ext lint: the Firefox build has no errors and no warnings", () => {
  let out;
  try {
    out = execFileSync(join(here, "node_modules/.bin/web-ext"), ["lint", "--source-dir", FIREFOX_DIR, "--output=json", "--no-config-discovery"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = e.stdout; // exits non-zero when it finds errors: the report says which
  }
  const report = JSON.parse(out);
  const lines = [...report.errors, ...report.warnings].map((m) => `${m.code}: ${m.message} (${m.file ?? ""})`);
  assert.equal(report.summary.errors, 0, lines.join("\n"));
  assert.equal(report.summary.warnings, 0, lines.join("\n"));
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
});

test("both manifests ask for exactly the documented permissions", () => {
  for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
    const m = manifestOf(dir);
    assert.deepEqual(m.permissions, ["storage", "activeTab", "scripting", "contextMenus"], dir);
    assert.deepEqual(m.host_permissions, ["https://gitpod.io/*"], dir);
    assert.deepEqual(m.optional_host_permissions, ["https://*/*", "http://*/*"], dir);
    assert.deepEqual(m.content_scripts.map((c) => c.matches), [["https://gitlab.com/*"]], dir);
    // Only the content wasm, only where the manifest's content script runs, only at the
    // per-session dynamic address (pages cannot probe for the extension).
    assert.deepEqual(m.web_accessible_resources, [{ resources: ["content.wasm"], matches: m.content_scripts[0].matches, use_dynamic_url: true }], dir);
    assert.equal(m.externally_connectable, undefined, dir);
    assert.ok(!JSON.stringify(m).includes("<all_urls>"), dir);
  }
  assert.deepEqual(Object.keys(manifestOf(EXTENSION_DIR).background), ["service_worker"]);
  assert.deepEqual(Object.keys(manifestOf(FIREFOX_DIR).background), ["scripts"]);
  assert.equal(manifestOf(FIREFOX_DIR).key, undefined, "Firefox ignores key; it is not shipped there");
});

test("shipped scripts and pages: no HTML from strings, no eval, no inline script", () => {
  for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
    const files = readdirSync(dir).filter((f) => f.endsWith(".js") || f.endsWith(".html"));
    assert.ok(files.length >= 4, `${dir}: ${files}`);
    for (const f of files) {
      const text = readFileSync(join(dir, f), "utf8");
      for (const banned of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser", "setTimeout(\"", "javascript:"]) {
        assert.ok(!text.includes(banned), `${dir}/${f} contains ${banned}`);
      }
      if (f.endsWith(".html")) {
        for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          assert.match(m[1], /\bsrc=/, `${f}: inline script`);
          assert.equal(m[2].trim(), "", `${f}: inline script body`);
        }
        assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `${f}: inline event handler`);
      }
    }
  }
});

test("the Chrome store zip loads unpacked and works", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gitpod-gitlab-zip-"));
  execFileSync("python3", ["-m", "zipfile", "-e", zipOf("chrome"), dir]);
  const env = await launch({ from: dir });
  try {
    assert.equal(env.extensionId, expectedExtensionId());
    const { page, errors } = await openPage(env.context, "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli");
    await page.locator(ENTRY).waitFor({ state: "attached" });
    assert.equal(await page.locator(`${ENTRY} a`).getAttribute("href"),
      "https://gitpod.io/#https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli");
    assert.deepEqual(errors, []);
  } finally {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
