// Launches real Chromium with the built, unpacked extension, every GitLab/Gitpod host mapped to
// the fixture server, and a fresh profile. Shared by every e2e test file.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR || join(here, "../../dist/chrome"));
export const HOSTS = ["gitlab.com", "gitpod.io", "gitlab.example.test"];

/** The id Chromium derives from the manifest's public key (first 32 hex of sha256, 0-f → a-p). */
export function expectedExtensionId() {
  const { key } = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
  const hex = createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

export async function launch(serverOptions = {}) {
  const server = await startServer(serverOptions);
  const profile = mkdtempSync(join(tmpdir(), "gitpod-gitlab-profile-"));
  const rules = HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(",");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}`,
      "--ignore-certificate-errors",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent("serviceworker", { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    server,
    worker,
    extensionId,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
