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
    assert.deepEqual(m.host_permissions, [], dir);
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

const unzip = (zip) => {
  const dir = mkdtempSync(join(tmpdir(), "gitpod-gitlab-unzip-"));
  execFileSync("python3", ["-m", "zipfile", "-e", zip, dir]);
  return dir;
};
const cargoVersion = () => readFileSync(join(here, "../../Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];

test("the store zips: what the stores check, offline", () => {
  const version = cargoVersion();
  for (const browser of ["chrome", "firefox"]) {
    const zip = zipOf(browser);
    assert.ok(zip.endsWith(`-${version}.zip`), `${zip}: named with Cargo.toml's version`);
    const dir = unzip(zip);
    try {
      const m = manifestOf(dir);
      assert.equal(m.manifest_version, 3, browser);
      assert.equal(m.version, version, `${browser}: Cargo.toml's version`);
      // Chrome Web Store: "key field is not allowed in manifest".
      assert.equal(m.key, undefined, `${browser}: no key`);
      // Every icon the manifest names is in the package, and is a PNG.
      const icons = [...Object.values(m.icons), ...Object.values(m.action.default_icon)];
      for (const icon of icons) assert.equal(readFileSync(join(dir, icon)).subarray(1, 4).toString(), "PNG", icon);
      assert.ok(m.icons["128"], "a 128 px icon for the store");
      // Name and description as the store shows them (default locale): within the stores' limits.
      const en = JSON.parse(readFileSync(join(dir, "_locales", m.default_locale, "messages.json"), "utf8"));
      const text = (v) => v.replace(/^__MSG_(\w+)__$/, (_, k) => en[k].message);
      assert.ok(text(m.name).length <= 75 && text(m.short_name).length <= 45, "name length");
      assert.ok(text(m.description).length <= 132, `description length ${text(m.description).length}`);
      // No remote code: scripts only from the package, no remote sources in the CSP.
      assert.doesNotMatch(JSON.stringify(m.content_security_policy), /https?:/);
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".html") || f.endsWith(".js"))) {
        const body = readFileSync(join(dir, f), "utf8");
        assert.doesNotMatch(body, /<script[^>]+src=["']?(https?:)?\/\//i, `${f}: remote script`);
        assert.doesNotMatch(body, /importScripts\(\s*["'`]https?:|import\(\s*["'`]https?:/, `${f}: remote import`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test("THIRD_PARTY_LICENSES: in both zips, every crate with its licence, nothing that does not ship", () => {
  const lock = readFileSync(join(here, "../../Cargo.lock"), "utf8");
  const texts = ["chrome", "firefox"].map((browser) => {
    const dir = unzip(zipOf(browser));
    try {
      return readFileSync(join(dir, "THIRD_PARTY_LICENSES"), "utf8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  assert.equal(texts[0], texts[1]);
  const listed = [...texts[0].matchAll(/^([\w-]+) (\d[^:]*): (.+?) (\S*)$/gm)].map((m) => ({ name: m[1], version: m[2], license: m[3] }));
  const names = listed.map((c) => c.name);
  for (const shipped of ["wasm-bindgen", "js-sys", "web-sys", "lol_alloc", "gloo-events", "web-extensions-sys"]) {
    assert.ok(names.includes(shipped), `${shipped} is listed`);
  }
  // No wasm links serde any more (values cross as the core's Loose: src/loose.rs); the host
  // tests keep it.
  for (const hostOnly of ["serde", "serde_json", "serde-wasm-bindgen"]) {
    assert.ok(!names.includes(hostOnly), `${hostOnly} is not listed`);
  }
  // Procedural macros run in the compiler; they are not in the wasm.
  for (const compileTime of ["syn", "quote", "proc-macro2", "wasm-bindgen-macro", "serde_derive"]) {
    assert.ok(!names.includes(compileTime), `${compileTime} is not listed`);
  }
  for (const c of listed) {
    assert.ok(lock.includes(`name = "${c.name}"\nversion = "${c.version}"`), `${c.name} ${c.version} is in Cargo.lock`);
    assert.match(c.license, /MIT|Apache-2.0|Zlib|Unicode|BSD|Unlicense/, `${c.name}: a licence`);
  }
  // The licence texts themselves are there (MIT's and Apache's wording).
  assert.match(texts[0], /Permission is hereby granted, free of charge/);
  assert.match(texts[0], /Apache License\s+Version 2\.0/);
});

test("the Chrome store zip loads unpacked and works", async () => {
  const dir = unzip(zipOf("chrome"));
  const env = await launch({ from: dir, anyId: true });
  try {
    // No manifest key in the store zip: the store assigns the id.
    assert.notEqual(env.extensionId, expectedExtensionId());
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
