// The store listings' screenshots, made from the real extension on GitLab's real UI, not drawn:
// 1280×800 (what both stores take) into dist/store/: the entry in GitLab's Code menu, light and
// dark, and the toolbar popup on that page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, ENTRY, EXTENSION_DIR } from "./harness.mjs";

const STORE = join(EXTENSION_DIR, "../store");
const SIZE = { width: 1280, height: 800 };
const CODE = "https://gitlab.com/gitlab-org/frontend/real-ui/-/tree/feature/ona/docs";

let env;
before(async () => {
  mkdirSync(STORE, { recursive: true });
  env = await launch();
});
after(async () => { await env?.close(); });

/** A PNG's width and height, from its header. */
function pngSize(path) {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test("store screenshots: the entry in GitLab's Code menu, light and dark, and the popup, 1280×800", async () => {
  const { page, errors } = await openPage(env.context, CODE);
  await page.setViewportSize(SIZE);
  await page.locator(ENTRY).waitFor({ state: "attached" });
  await page.click('[data-testid="code-dropdown"] [data-testid="base-dropdown-toggle"]');
  await page.locator(ENTRY).waitFor({ state: "visible" });
  const shots = [];
  for (const theme of ["light", "dark"]) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("gl-dark", dark), theme === "dark");
    await page.waitForTimeout(100);
    const path = join(STORE, `gitlab-code-menu-${theme}.png`);
    await page.screenshot({ path });
    shots.push(path);
  }
  assert.deepEqual(errors, []);

  // The popup as the browser shows it, centred on a 1280×800 canvas.
  await page.evaluate(() => document.documentElement.classList.remove("gl-dark"));
  const popup = await env.clickToolbar(page);
  await popup.locator("#gitpod-url").waitFor();
  const image = (await popup.screenshot({ fullPage: true })).toString("base64");
  const canvas = await env.context.newPage();
  await canvas.setViewportSize(SIZE);
  await canvas.setContent(`<body style="margin:0;height:100vh;display:grid;place-items:center;background:#ececef">
    <img alt="" style="box-shadow:0 8px 24px rgba(0,0,0,.2);border-radius:8px" src="data:image/png;base64,${image}"></body>`);
  await canvas.locator("img").evaluate((img) => img.decode());
  const path = join(STORE, "popup.png");
  await canvas.screenshot({ path });
  shots.push(path);
  for (const shot of shots) assert.deepEqual(pngSize(shot), SIZE, shot);
  await canvas.close();
  await page.close();
});
