// Launches real Chromium with the built, unpacked extension, every GitLab/Gitpod host mapped to
// the fixture server, and a fresh profile. Shared by every e2e test file.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR || join(here, "../../dist/chrome"));
export const HOSTS = ["gitlab.com", "gitpod.io", "app.ona.com", "gitpod.example.test", "acme.gitpod.cloud", "gitlab.example.test"];

/** Where a Gitpod URL the extension opened ends up: gitpod.io sends `/#<context>` on to Ona
 * (its minimal mode, served so by the stand-in); every other URL stays. */
export function afterRedirect(url) {
  return url.startsWith("https://gitpod.io/#") ? url.replace("https://gitpod.io/#", "https://app.ona.com/#") : url;
}

/** `tab` went to the Gitpod URL `url` (and on to where gitpod.io forwards it). */
export async function landsOn(tab, url) {
  await tab.waitForURL(afterRedirect(url), { timeout: 8000 });
}
/** The built version (Cargo.toml's, written into the manifest by the build): the worker reports it too. */
export const VERSION = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8")).version;

/** The id Chromium derives from the manifest's public key (first 32 hex of sha256, 0-f → a-p). */
export function expectedExtensionId() {
  const { key } = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
  const hex = createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

/**
 * `preGranted`: host patterns added to a copy of the extension's `host_permissions`. It stands
 * in for the user's "Allow" on Chrome's permission prompt, which headless Chromium shows but
 * nothing can answer: `permissions.request` then resolves `true` at once. Everything after the
 * prompt (registration, injection, removal) is the extension's real code.
 */
export async function launch({ preGranted = [], extension = true, others = [], from = EXTENSION_DIR, hosts = [], args = [], lang = null, anyId = false, firstRun = "close", profileDir = null, keepProfile = false, manifestPatch = null, ...serverOptions } = {}) {
  const server = await startServer(serverOptions);
  // `profileDir`: a profile an earlier launch kept (`keepProfile`): a browser restart, or with
  // `manifestPatch` (a new version) an update of the extension.
  const profile = profileDir || mkdtempSync(join(tmpdir(), "gitpod-gitlab-profile-"));
  // `from`: another copy of the build (package.test.mjs loads the unpacked store zip).
  let extensionDir = from;
  if (preGranted.length || manifestPatch) {
    extensionDir = mkdtempSync(join(tmpdir(), "gitpod-gitlab-ext-"));
    cpSync(from, extensionDir, { recursive: true });
    const manifest = { ...JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")), ...manifestPatch };
    manifest.host_permissions = [...manifest.host_permissions, ...preGranted];
    writeFileSync(join(extensionDir, "manifest.json"), JSON.stringify(manifest));
  }
  // `hosts`: more hosts served by the fixture server (a self-hosted GitLab being diagnosed).
  const rules = [...HOSTS, ...hosts].map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(",");
  // `extension: false`: the same browser without the extension (the benchmark's baseline).
  // `others`: more unpacked extensions beside ours (a hostile one in hostile.test.mjs).
  const dirs = [extensionDir, ...others].join(",");
  const extensionArgs = extension ? [`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    ignoreHTTPSErrors: true,
    // `lang`: the browser's own language (Chromium on Linux reads it from the environment).
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8`, LC_ALL: `${lang}.UTF-8` } } : {}),
    ignoreDefaultArgs: extension ? ["--disable-extensions"] : [],
    args: [
      ...extensionArgs,
      // CDP's Extensions.triggerAction: the toolbar button, clicked as a user would.
      "--enable-unsafe-extension-debugging",
      // A second CDP client reaches the popup page, which Playwright does not list.
      "--remote-debugging-port=0",
      `--host-resolver-rules=${rules}`,
      "--ignore-certificate-errors",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(lang ? [`--lang=${lang.replace("_", "-")}`] : []),
      // `args`: more flags.
      ...args,
    ],
  });
  // `anyId`: a build without the manifest key (the store zip) gets an id of its own.
  const ours = (w) => w.url().startsWith("chrome-extension://") && (anyId || new URL(w.url()).host === expectedExtensionId());
  const worker = extension
    ? context.serviceWorkers().find(ours) || (await context.waitForEvent("serviceworker", { predicate: ours, timeout: 15000 }))
    : null;
  const extensionId = worker ? new URL(worker.url()).host : null;
  // First run (a fresh profile is an install): the extension opens its options page once so
  // the user chooses where workspaces open. Waited for and closed here, so no test mistakes it
  // for a tab it opened itself; `firstRunPage` says what opened (first_run.test.mjs).
  let firstRunPage = null;
  if (extension && firstRun !== "keep") {
    const isOptions = (p) => p.url().includes(`options=${extensionId}`) || p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
    // Chrome may open it in the profile's first (blank) tab: polled, not awaited as a new page.
    let opened = null;
    for (const end = Date.now() + 10000; !opened && Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      opened = context.pages().find(isOptions) || null;
    }
    firstRunPage = opened?.url() ?? null;
    if (opened) {
      if (context.pages().length === 1) await context.newPage(); // the blank tab tests expect
      await opened.close();
    }
  }
  const browserSession = await context.browser().newBrowserCDPSession();
  let observer = null; // connectOverCDP client, made on first use
  const env = {
    context,
    server,
    extensionId,
    firstRunPage,
    profile,
    /** The current worker (a stopped worker is replaced by a new one). */
    get worker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) || worker;
    },
    /** One key of extension storage (`area`: sync, local, session), read by the worker. */
    storage(area, key) {
      return env.worker.evaluate(async ([a, k]) => (await chrome.storage[a].get(k))[k], [area, key]);
    },
    /** Writes `items` into extension storage (`area`), through the worker. */
    setStorage(area, items) {
      return env.worker.evaluate(async ([a, i]) => chrome.storage[a].set(i), [area, items]);
    },
    /** Clicks the toolbar button for `page`'s tab. Returns the popup page if one opened. */
    async clickToolbar(page, { expectPopup = true } = {}) {
      await page.bringToFront();
      const { targetInfos } = await browserSession.send("Target.getTargets", { filter: [{ type: "tab" }] });
      const tab = targetInfos.find((t) => t.embedderData?.tabActive && t.url === page.url());
      if (!tab) throw new Error(`no active tab target for ${page.url()}`);
      await browserSession.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
      if (!expectPopup) return null;
      // Playwright lists a popup only if it existed when the client connected: wait for the
      // popup's target, then connect a fresh client.
      const popupUrl = `chrome-extension://${extensionId}/popup.html`;
      const popupTargets = async () =>
        (await browserSession.send("Target.getTargets")).targetInfos.filter((t) => t.type === "page" && t.url === popupUrl);
      await waitFor(async () => (await popupTargets()).length > 0, "the toolbar popup to open");
      await observer?.close().catch(() => {});
      const port = readFileSync(join(profile, "DevToolsActivePort"), "utf8").split("\n")[0];
      observer = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const find = () => observer.contexts().flatMap((c) => c.pages()).find((p) => p.url() === popupUrl && !p.isClosed());
      await waitFor(() => find(), "the popup page to be reachable");
      const popup = find();
      await popup.waitForSelector("#app > section");
      return popup;
    },
    async close() {
      await observer?.close().catch(() => {});
      await context.close();
      await server.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
      if (extensionDir !== from) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
  return env;
}

/** Opens a page and collects what the page would show a developer: uncaught errors and console. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  const console = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => console.push(`${m.type()}: ${m.text()}`));
  await page.goto(url);
  return { page, errors, console };
}

export const ENTRY = '[data-testid="gitpod-ext-menu-item"]';

/** Polls `check` (sync or async) until it holds; fails the test naming `what` otherwise. */
export async function waitFor(check, what, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Evaluates `expression` in the extension's isolated world of `page`. */
export async function inExtensionWorld(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on("Runtime.executionContextCreated", (e) => contexts.push(e.context));
  await cdp.send("Runtime.enable");
  const world = contexts.find((c) => c.auxData?.type === "isolated" && c.name === "Gitpod for GitLab");
  if (!world) throw new Error("no isolated world of the extension on " + page.url());
  const { result } = await cdp.send("Runtime.evaluate", { expression, contextId: world.id, returnByValue: true });
  await cdp.detach();
  return result.value;
}
