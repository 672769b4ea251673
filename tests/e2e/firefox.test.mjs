// Firefox ESR, headless, driven over WebDriver by geckodriver: the Firefox build installed as a
// temporary add-on, every GitLab era's fixture served as https://gitlab.com (Firefox resolves
// every host to 127.0.0.1 and reaches the fixture server on :443), the Gitpod item clicked as a
// user clicks it, and the page Gitpod opens checked. Firefox lets wasm run in content scripts
// under a strict CSP, so there the entry appears too.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { EXTENSION_DIR, ENTRY, VERSION, afterRedirect } from "./harness.mjs";
import { CSP, fixtureSets, realPages, startServer } from "./server.mjs";
import { UNKNOWN, fallbackPages } from "./fallback_pages.mjs";
import { EDIT as LANG_EDIT, languagePages } from "./lang_pages.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const GECKODRIVER = process.env.GECKODRIVER || "geckodriver";
const FIREFOX_BUILD = join(dirname(EXTENSION_DIR), "firefox");
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const ADDON_ID = "gitpod-for-gitlab@gitpod-gitlab.invalid";
const ADDON_UUID = "6b1f7a52-3c1e-4d0a-9f3e-5a0d2c7b9e11";
const NATIVE = '[data-qa-selector="gitpod_button"], [data-testid="gitpod-menu-item"]';

let server;
let driver;
let base; // http://127.0.0.1:<port>/session/<id>

async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** One WebDriver command; throws with WebDriver's message on an error. */
async function wd(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

const script = (fn, ...args) => wd("POST", "/execute/sync", { script: `return (${fn})(...arguments)`, args });

async function until(check, what, ms = 8000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  server = await startServer({ port: 443, pages: { ...fallbackPages(), ...languagePages() } }).catch((e) => {
    throw new Error(`Firefox tests serve GitLab on 127.0.0.1:443 and could not listen there (${e.code}): run as root, or lower net.ipv4.ip_unprivileged_port_start`);
  });
  const port = await freePort();
  // Firefox's own chatter (telemetry, favicons) is not ours: WebDriver errors carry what matters.
  // System access: the add-on's own pages can only be opened from the browser's chrome.
  driver = spawn(GECKODRIVER, ["--port", String(port), "--log", "fatal", "--allow-system-access"], { stdio: "ignore" });
  const root = `http://127.0.0.1:${port}`;
  await until(async () => fetch(`${root}/status`).then((r) => r.ok, () => false), "geckodriver", 15000);
  const res = await fetch(`${root}/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      capabilities: {
        alwaysMatch: {
          browserName: "firefox",
          acceptInsecureCerts: true,
          "moz:firefoxOptions": {
            binary: FIREFOX,
            args: ["-headless"],
            prefs: {
              "network.dns.forceResolve": "127.0.0.1",
              // A fixed internal UUID, so the test can open the add-on's own pages.
              "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
              // A permission request resolves without a prompt (none can be answered headless).
              "extensions.webextOptionalPermissionPrompts": false,
              "browser.shell.checkDefaultBrowser": false,
              "app.update.enabled": false,
            },
          },
        },
      },
    }),
  });
  const { value } = await res.json();
  if (!res.ok) throw new Error(`new session: ${value?.message}`);
  base = `${root}/session/${value.sessionId}`;
  const addon = await wd("POST", "/moz/addon/install", { path: FIREFOX_BUILD, temporary: true });
  assert.equal(addon, ADDON_ID);
});

after(async () => {
  if (base) await wd("DELETE", "").catch(() => {});
  driver?.kill();
  await server?.close();
});

/** Opens one of the add-on's own pages in a new tab and switches to it. WebDriver may not
 * navigate to moz-extension: URLs; the browser's own UI may. */
async function openAddonPage(file) {
  const before = await wd("GET", "/window/handles");
  await wd("POST", "/moz/context", { context: "chrome" });
  await script((url) => {
    const principal = Services.scriptSecurityManager.getSystemPrincipal();
    gBrowser.selectedTab = gBrowser.addTab(url, { triggeringPrincipal: principal });
  }, `moz-extension://${ADDON_UUID}/${file}`);
  await wd("POST", "/moz/context", { context: "content" });
  // The new tab showing `file` (not another one that opened meanwhile, e.g. the first run's).
  await until(async () => {
    for (const handle of (await wd("GET", "/window/handles")).filter((h) => !before.includes(h))) {
      await wd("POST", "/window", { handle });
      if ((await wd("GET", "/url")).startsWith(`moz-extension://${ADDON_UUID}/${file}`)) return true;
    }
    return false;
  }, file);
}

/** The Gitpod item the page shows once the content script is done: ours or GitLab's own. */
async function gitpodLink() {
  const found = await until(() => script((entry, native) => {
    const ours = document.querySelector(entry);
    if (ours) return { link: ours.matches("a, button") ? ours : ours.querySelector("a, button"), ours: true, count: document.querySelectorAll(entry).length };
    const label = (li) => {
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) return n.textContent.trim();
      return "";
    };
    const nat = document.querySelector(native) ||
      [...document.querySelectorAll("li")].find((li) => label(li).toLowerCase() === "gitpod");
    const item = nat && (nat.closest("li") || nat);
    if (item && item.hasAttribute("data-gitpod-ext-last")) return { link: item.querySelector("a") || nat, ours: false, count: 0 };
    return null;
  }, ENTRY, NATIVE), "the Gitpod item");
  return found;
}

const eras = fixtureSets().filter((f) => f.gitpod_url);

for (const fixture of eras) {
  test(`Firefox: ${fixture.file}: the Gitpod item opens ${fixture.gitpod_url}`, async () => {
    await wd("POST", "/url", { url: fixture.url });
    let { link, ours, count } = await gitpodLink();
    if (ours) assert.equal(count, 1, "one entry");
    // As a user: open the dropdown holding the item (GitLab UI's toggle or the imitation's).
    // (A button of ours beside GitLab's lone Web IDE button is in no menu.)
    const toggle = await script((a) => a.closest(".gl-new-dropdown, .btn-group, #web-ide-link, .dropdown")?.querySelector("[aria-expanded], [aria-haspopup]") || null, link);
    if (toggle) await wd("POST", `/element/${toggle[ELEMENT]}/click`, {});
    await until(() => wd("GET", `/element/${link[ELEMENT]}/displayed`), "the item to show");
    if ((await wd("GET", `/element/${link[ELEMENT]}/name`)).toLowerCase() === "button") {
      // A split button's item selects; the primary button then performs Gitpod.
      await wd("POST", `/element/${link[ELEMENT]}/click`, {});
      link = await until(() => script(() => {
        const primary = document.querySelector("#web-ide-link .split-content-button");
        return primary && primary.textContent.trim() === "Gitpod" ? primary : null;
      }), "the split button to perform Gitpod");
    }
    const href = await wd("GET", `/element/${link[ELEMENT]}/attribute/href`);
    assert.equal(href, fixture.gitpod_url);
    const home = await wd("GET", "/window");
    const before = await wd("GET", "/window/handles");
    await wd("POST", `/element/${link[ELEMENT]}/click`, {});
    // Ours opens a new tab (the default setting); GitLab's own item may navigate this one.
    const opened = await until(async () => {
      const handles = await wd("GET", "/window/handles");
      const fresh = handles.find((h) => !before.includes(h));
      if (fresh) return fresh;
      const url = await wd("GET", "/url");
      return url === afterRedirect(fixture.gitpod_url) ? home : null;
    }, "Gitpod to open");
    await wd("POST", "/window", { handle: opened });
    await until(async () => (await wd("GET", "/url")) === afterRedirect(fixture.gitpod_url), `the tab to show ${fixture.gitpod_url}`);
    if (opened !== home) {
      await wd("DELETE", "/window");
      await wd("POST", "/window", { handle: home });
    }
  });
}

// Pages GitLab itself rendered (a sample across the kinds of control): the entry in GitLab's
// control, or the fallback, opening the canonical URL (real_pages.test.mjs has them all).
const SAMPLE = /split-button-xiph|fork-buttons-logged-in-gt|edit-dropdown-after-router|mr-widget|tree-legacy-route/;
for (const p of realPages().filter((f) => SAMPLE.test(f.file))) {
  test(`Firefox: saved page ${p.file}: ${p.control ? "the entry in " + p.control : "the fallback"} opens ${p.gitpod_url}`, async () => {
    await wd("POST", "/url", { url: p.url });
    const selector = p.control ? ENTRY : '[data-testid="gitpod-ext-fallback"]';
    const found = await until(() => script((sel, control) => {
      const all = document.querySelectorAll(sel);
      if (all.length !== 1) return null;
      const e = all[0];
      const inside = control ? Boolean(e.closest(control)) : true;
      return { link: e.matches("a, button") ? e : e.querySelector("a, button"), inside };
    }, selector, p.control || null), "the Gitpod entry");
    assert.ok(found.inside, `inside ${p.control}`);
    let link = found.link;
    if (p.select) {
      await wd("POST", `/element/${link[ELEMENT]}/click`, {});
      link = await until(() => script((c, want) => {
        const primary = document.querySelector(`${c} .split-content-button`);
        return primary && primary.getAttribute("href") === want ? primary : null;
      }, p.control, p.gitpod_url), "the split button to perform Gitpod");
    }
    assert.equal(await wd("GET", `/element/${link[ELEMENT]}/attribute/href`), p.gitpod_url);
    const home = await wd("GET", "/window");
    const before = await wd("GET", "/window/handles");
    await wd("POST", `/element/${link[ELEMENT]}/click`, {});
    const opened = await until(async () => (await wd("GET", "/window/handles")).find((h) => !before.includes(h)), "Gitpod to open");
    await wd("POST", "/window", { handle: opened });
    await until(async () => (await wd("GET", "/url")) === afterRedirect(p.gitpod_url), `the tab to show ${p.gitpod_url}`);
    await wd("DELETE", "/window");
    await wd("POST", "/window", { handle: home });
  });
}

/** Presses keys as a user does (WebDriver key actions on whatever has the focus). */
async function press(...keys) {
  const actions = keys.flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]);
  await wd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
}
const KEY = { Enter: "\uE007", ArrowDown: "\uE015", Space: " " };

// GitLab UI's own keyboard handling in Firefox: the toggle opens on Enter, its arrow keys walk
// to our entry, Enter or Space on it opens Gitpod (menus whose items navigate).
const keyboardPages = fixtureSets().filter((f) => f.real_ui && f.choose === "navigate" && /edit-dropdown|tree-code/.test(f.file));
for (const fixture of keyboardPages) {
  for (const key of ["Enter", "Space"]) {
    test(`Firefox: ${fixture.file} (${fixture.real_ui}): ${key} on the entry, reached with GitLab's arrow keys`, async () => {
      await wd("POST", "/url", { url: fixture.url });
      await gitpodLink();
      await script((control) => document.querySelector(control).querySelector("[aria-expanded]").focus(), fixture.control);
      await press(KEY.Enter);
      await until(() => script((control) => document.querySelector(control).querySelector("[aria-expanded]").getAttribute("aria-expanded") === "true", fixture.control), "the menu to open");
      for (let i = 0; i < 12 && !(await script((entry) => Boolean(document.activeElement?.closest(entry)), ENTRY)); i++) {
        await press(KEY.ArrowDown);
      }
      assert.ok(await script((entry) => Boolean(document.activeElement?.closest(entry)), ENTRY), "arrow keys reach the entry");
      const home = await wd("GET", "/window");
      const before = await wd("GET", "/window/handles");
      await press(KEY[key]);
      const opened = await until(async () => (await wd("GET", "/window/handles")).find((h) => !before.includes(h)), "Gitpod to open");
      await wd("POST", "/window", { handle: opened });
      await until(async () => (await wd("GET", "/url")) === afterRedirect(fixture.gitpod_url), `the tab to show ${fixture.gitpod_url}`);
      await wd("DELETE", "/window");
      await wd("POST", "/window", { handle: home });
      assert.equal(await script((control) => document.querySelector(control).querySelector("[aria-expanded]").getAttribute("aria-expanded"), fixture.control), "false", "the menu closed");
    });
  }
}

for (const p of UNKNOWN.filter((x) => ["tree", "merge request"].includes(x.kind))) {
  test(`Firefox: unknown control on a ${p.kind} page: one fallback button opening ${p.gitpod_url}`, async () => {
    await wd("POST", "/url", { url: p.url });
    const button = await until(() => script(() => {
      const all = document.querySelectorAll('[data-testid="gitpod-ext-fallback"]');
      return all.length === 1 ? all[0] : null;
    }), "the fallback button", 8000);
    assert.equal(await wd("GET", `/element/${button[ELEMENT]}/attribute/href`), p.gitpod_url);
    const home = await wd("GET", "/window");
    const before = await wd("GET", "/window/handles");
    await wd("POST", `/element/${button[ELEMENT]}/click`, {});
    const opened = await until(async () => (await wd("GET", "/window/handles")).find((h) => !before.includes(h)), "Gitpod to open");
    await wd("POST", "/window", { handle: opened });
    await until(async () => (await wd("GET", "/url")) === afterRedirect(p.gitpod_url), `the tab to show ${p.gitpod_url}`);
    await wd("DELETE", "/window");
    await wd("POST", "/window", { handle: home });
  });
}

test("Firefox: a strict CSP (script-src 'self') does not keep the entry out", async () => {
  server.setCsp(CSP.strict);
  try {
    const fixture = eras.find((f) => f.file.includes("project-edit-dropdown"));
    await wd("POST", "/url", { url: fixture.url });
    const { link, ours } = await gitpodLink();
    assert.equal(ours, true);
    assert.equal(await wd("GET", `/element/${link[ELEMENT]}/attribute/href`), fixture.gitpod_url);
  } finally {
    server.setCsp(CSP.gitlab);
  }
});

test("Firefox: the background page runs the Rust worker and the popup page renders", async () => {
  await openAddonPage("popup.html");
  await until(() => script(() => Boolean(document.querySelector("#app > section"))), "the popup to render");
  const replies = await wd("POST", "/execute/async", {
    script: `const done = arguments[arguments.length - 1];
      Promise.all([browser.runtime.sendMessage({ type: "ping" }), browser.runtime.sendMessage({ type: "launch_missiles" })]).then(done, (e) => done(String(e)));`,
    args: [],
  });
  assert.deepEqual(replies, [{ type: "pong", version: VERSION }, { type: "error", message: "malformed request" }]);
});

test("Firefox: a German GitLab page gets German entries, a Japanese one Japanese", async () => {
  for (const [lang, label] of [["de", "Gitpod mit Optionen…"], ["ja", "Gitpod（オプション付き）…"]]) {
    await wd("POST", "/url", { url: `${LANG_EDIT}?lang=${lang}` });
    const text = await until(() => script((sel) => {
      const item = document.querySelector(sel);
      if (!item) return null;
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) return n.textContent.trim();
      return null;
    }, '[data-testid="gitpod-ext-options-menu-item"]'), `the ${lang} entry`);
    assert.equal(text, label);
  }
});

test("Firefox: the options page explains the targets, saves the Gitpod target; installing ran the first run", async () => {
  await openAddonPage("options.html");
  await until(() => script(() => Boolean(document.querySelector("#settings-form"))), "the options page to render");
  assert.equal(await script(() => document.querySelectorAll("#targets-explained li").length), 3);
  // Firefox shows an options_ui page inside about:addons, which WebDriver does not list as a
  // window; the first-run record proves the install opened it (Chromium checks the page itself).
  const welcomed = await wd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; browser.storage.local.get('welcomed').then((r) => done(r.welcomed), (e) => done(String(e)));",
    args: [],
  });
  assert.equal(welcomed, true, "the first run happened on install");
  assert.equal(await script(() => document.title), "Gitpod for GitLab settings");
  await script(() => {
    const select = document.querySelector("#gitpod-target");
    select.value = "ona";
    select.dispatchEvent(new Event("change"));
  });
  assert.equal(await script(() => document.querySelector("#gitpod-origin").value), "https://app.ona.com");
  const save = await wd("POST", "/element", { using: "css selector", value: "#save" });
  await wd("POST", `/element/${save[ELEMENT]}/click`, {});
  await until(() => script(() => document.querySelector("#settings-message")?.textContent === "Saved."), "Saved.");
  const stored = await wd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; browser.storage.sync.get('settings').then((r) => done(r.settings), (e) => done(String(e)));",
    args: [],
  });
  assert.equal(stored.target, "ona");
  assert.equal(stored.gitpod_origin, "https://app.ona.com");
  // Back to the default for the tests after this one.
  await wd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; browser.storage.sync.clear().then(() => done(true));",
    args: [],
  });
});

// Each target in Firefox: the entries' URLs and where Gitpod opens (gitpod.io forwards to Ona).
const PROJECT = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli";
for (const [what, settings, open, options] of [
  ["Gitpod → Ona", {}, `https://gitpod.io/#${PROJECT}`, `https://app.ona.com/?autostart=false#${PROJECT}`],
  ["Ona", { schema: 3, target: "ona" }, `https://app.ona.com/?autostart=true#${PROJECT}`, `https://app.ona.com/?autostart=false#${PROJECT}`],
  ["Dedicated with presets", { schema: 3, target: "custom", gitpod_origin: "https://acme.gitpod.cloud", target_name: "Acme", editor: "intellij" },
    `https://acme.gitpod.cloud/?editor=intellij#${PROJECT}`, `https://acme.gitpod.cloud/?autostart=false#${PROJECT}`],
]) {
  test(`Firefox: target ${what}: the entries open ${open} and ${options}`, async () => {
    await openAddonPage("options.html");
    await wd("POST", "/execute/async", {
      script: "const done = arguments[arguments.length - 1]; browser.storage.sync.clear().then(() => browser.storage.sync.set({ settings: arguments[0] })).then(() => done(true));",
      args: [settings],
    });
    await wd("POST", "/url", { url: PROJECT });
    const hrefs = await until(() => script((entry) => {
      const a = document.querySelector(`${entry} a`);
      const b = document.querySelector('[data-testid="gitpod-ext-options-menu-item"] a');
      return a && b ? [a.getAttribute("href"), b.getAttribute("href")] : null;
    }, ENTRY), "the entries");
    assert.deepEqual(hrefs, [open, options]);
    for (const [selector, want] of [[`${ENTRY} a`, open], ['[data-testid="gitpod-ext-options-menu-item"] a', options]]) {
      const toggle = await wd("POST", "/element", { using: "css selector", value: '[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]' });
      await wd("POST", `/element/${toggle[ELEMENT]}/click`, {});
      const link = await wd("POST", "/element", { using: "css selector", value: selector });
      await until(() => wd("GET", `/element/${link[ELEMENT]}/displayed`), "the entry to show");
      const home = await wd("GET", "/window");
      const before = await wd("GET", "/window/handles");
      await wd("POST", `/element/${link[ELEMENT]}/click`, {});
      const opened = await until(async () => (await wd("GET", "/window/handles")).find((h) => !before.includes(h)), "Gitpod to open");
      await wd("POST", "/window", { handle: opened });
      await until(async () => (await wd("GET", "/url")) === afterRedirect(want), `the tab to show ${afterRedirect(want)}`);
      await wd("DELETE", "/window");
      await wd("POST", "/window", { handle: home });
    }
    await wd("DELETE", "/window");
    await wd("POST", "/window", { handle: (await wd("GET", "/window/handles"))[0] });
  });
}
