// Languages and Gitpod targets, as a user meets them: GitLab's real UI pages in German,
// Japanese and an unknown language; the options page (in the browser's options frame, and in a
// German browser); Ona and a named Dedicated instance chosen there, seen in GitLab's menus and
// in the popup.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, waitFor, ENTRY, EXTENSION_DIR } from "./harness.mjs";
import { EDIT, MR, languagePages } from "./lang_pages.mjs";

const SHOTS = join(EXTENSION_DIR, "../screenshots");
mkdirSync(SHOTS, { recursive: true });
const OPTIONS_ENTRY = '[data-testid="gitpod-ext-options-menu-item"]';
const pages = languagePages();

let env;
before(async () => { env = await launch({ pages, hosts: ["gitpod.example.test"] }); });
after(async () => { await env?.close(); });

const storage = (key) => env.storage("sync", key);
/** Synced storage holding exactly `items`. */
async function setStorage(items) {
  await env.worker.evaluate(() => chrome.storage.sync.clear());
  await env.setStorage("sync", items);
}

/** The entry's two lines (label, description) and its "Last used" badge. */
async function words(page, selector) {
  const entry = page.locator(selector);
  await entry.waitFor({ state: "attached" });
  return entry.evaluate((e) => {
    const texts = [...e.querySelectorAll("*")]
      .filter((n) => !n.closest("[data-gitpod-ext-mark]"))
      .map((n) => [...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent.trim()).join(""))
      .filter(Boolean);
    return { label: texts[0], description: texts[1], badge: e.querySelector("[data-gitpod-ext-mark]")?.textContent.trim() ?? null };
  });
}

test("a German GitLab page gets German entries; Japanese gets Japanese; an unknown language English", async () => {
  await setStorage({});
  const cases = [
    ["de", "Gitpod mit Optionen…", "Eine sofort einsatzbereite Entwicklungsumgebung für dein Projekt starten.", "Zuletzt verwendet"],
    ["ja", "Gitpod（オプション付き）…", "プロジェクト用の、すぐにコーディングできる開発環境を起動します。", "最後に使用"],
    ["tlh", "Gitpod with options…", "Launch a ready-to-code development environment for your project.", "Last used"],
  ];
  for (const [lang, options, description, badge] of cases) {
    const { page, errors } = await openPage(env.context, `${EDIT}?lang=${lang}`);
    const plain = await words(page, ENTRY);
    assert.deepEqual(plain, { label: "Gitpod", description, badge }, lang);
    assert.equal((await words(page, OPTIONS_ENTRY)).label, options, lang);
    // Still GitLab's item to its keyboard and its links: only the words changed.
    assert.equal(await page.locator(`${ENTRY} a`).getAttribute("href"), `https://gitpod.io/#${EDIT}`);
    assert.deepEqual(errors, []);
    await page.click('[data-testid="action-dropdown"] [data-testid="base-dropdown-toggle"]');
    await page.locator(ENTRY).waitFor({ state: "visible" });
    await page.screenshot({ path: join(SHOTS, `i18n-edit-menu-${lang}.png`) });
    await page.close();
  }
});

test("a German merge request: the entries read as GitLab's own German items", async () => {
  await setStorage({});
  const { page } = await openPage(env.context, `${MR}?lang=de`);
  assert.equal((await words(page, ENTRY)).label, "In Gitpod öffnen");
  assert.equal((await words(page, OPTIONS_ENTRY)).label, "In Gitpod mit Optionen öffnen…");
  await page.close();
});

/** The options page, as the browser opens it from the extension's menu. */
async function optionsPage() {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/options.html`);
  await page.locator("#settings-form").waitFor();
  return page;
}

test("options page: choose Ona; GitLab's menus say Ona and open app.ona.com, the popup too", async () => {
  await setStorage({ gitlab_hosts: ["https://gitlab.example.test"] });
  const options = await optionsPage();
  assert.equal(await options.title(), "Gitpod for GitLab settings");
  // The enabled self-hosted GitLab hosts are listed there too.
  assert.deepEqual(await options.locator("#host-list li span").allTextContents(), ["https://gitlab.example.test"]);
  await options.selectOption("#gitpod-target", "ona");
  assert.equal(await options.inputValue("#gitpod-origin"), "https://app.ona.com");
  assert.equal(await options.isHidden("#target-name-row"), true, "a preset has its own name");
  await options.click("#save");
  await waitFor(async () => (await options.textContent("#settings-message")) === "Saved.", "Saved.");
  assert.equal((await storage("settings")).target, "ona");
  assert.equal(await env.worker.evaluate(() => chrome.action.getTitle({})), "Open in Ona");
  await options.screenshot({ path: join(SHOTS, "options-page-en.png") });

  const { page } = await openPage(env.context, `${EDIT}?lang=tlh`);
  assert.equal((await words(page, ENTRY)).label, "Ona");
  assert.equal((await words(page, OPTIONS_ENTRY)).label, "Ona with options…");
  assert.equal(await page.locator(`${ENTRY} a`).getAttribute("href"), `https://app.ona.com/?autostart=true#${EDIT}`);
  assert.equal(await page.locator(`${OPTIONS_ENTRY} a`).getAttribute("href"), `https://app.ona.com/?autostart=false#${EDIT}`);
  const popup = await env.clickToolbar(page);
  assert.equal(await popup.textContent("#open"), "Open in Ona");
  assert.equal(await popup.textContent("#gitpod-url"), `https://app.ona.com/?autostart=true#${EDIT}`);
  assert.equal(await popup.locator("#open-prebuild").count(), 0);
  await options.close();
  await page.close();
});

test("options page: a named Dedicated instance, new tab off, toolbar direct: each takes effect", async () => {
  await setStorage({});
  const options = await optionsPage();
  await options.selectOption("#gitpod-target", "custom");
  await options.fill("#gitpod-origin", "https://gitpod.example.test");
  await options.fill("#target-name", "Acme Gitpod");
  await options.uncheck("#open-in-new-tab");
  await options.check("#toolbar-direct");
  await options.click("#save");
  await waitFor(async () => (await options.textContent("#settings-message")) === "Saved.", "Saved.");
  assert.deepEqual(await storage("settings"), {
    schema: 3, target: "custom", gitpod_origin: "https://gitpod.example.test", target_name: "Acme Gitpod",
    editor: "", workspace_class: "", host_targets: {}, open_in_new_tab: false, toolbar_opens_directly: true,
    in_page_entries: true,
  });
  // Reloaded, the options page shows what was saved.
  await options.reload();
  await options.locator("#settings-form").waitFor();
  assert.equal(await options.inputValue("#gitpod-target"), "custom");
  assert.equal(await options.inputValue("#target-name"), "Acme Gitpod");
  assert.equal(await options.isChecked("#open-in-new-tab"), false);

  const { page } = await openPage(env.context, `${EDIT}?lang=tlh`);
  assert.equal((await words(page, ENTRY)).label, "Acme Gitpod");
  const link = page.locator(`${ENTRY} a`);
  assert.equal(await link.getAttribute("href"), `https://gitpod.example.test/#${EDIT}`);
  // New tab off: the link replaces the page.
  assert.equal(await link.getAttribute("target"), null);
  // Toolbar direct: the toolbar button opens the page in the instance, in this tab.
  await env.clickToolbar(page, { expectPopup: false });
  await page.waitForURL(`https://gitpod.example.test/#${EDIT}`);
  await options.close();
  await page.close();
  await setStorage({});
});

test("the toolbar button's menu has Settings, which opens the options page", async () => {
  // The item exists (updating an unknown id fails) and is on the toolbar button only.
  await env.worker.evaluate(() => new Promise((resolve, reject) =>
    chrome.contextMenus.update("open-settings", { contexts: ["action"] }, () =>
      chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve())));
  // Chrome shows an options_ui page in its own frame on chrome://extensions/?options=<id>.
  const shown = () => env.context.pages().find((p) => p.url().includes(`options=${env.extensionId}`) || p.url().endsWith(`${env.extensionId}/options.html`));
  await env.worker.evaluate(() => chrome.runtime.openOptionsPage());
  await waitFor(() => shown(), "the options page to open");
  await shown().close();
});

test("a German browser: the options page and the popup in German; a page without lang gets German entries", async () => {
  const german = await launch({ pages, lang: "de_DE" });
  try {
    const options = await german.context.newPage();
    await options.goto(`chrome-extension://${german.extensionId}/options.html`);
    await options.locator("#settings-form").waitFor();
    assert.equal(await options.title(), "Gitpod for GitLab – Einstellungen");
    assert.equal(await options.textContent('label[for="gitpod-target"]'), "Seiten öffnen in");
    assert.equal(await options.textContent("#save"), "Speichern");
    assert.equal(await options.getAttribute("html", "lang"), "de");
    await options.screenshot({ path: join(SHOTS, "options-page-de.png") });
    // A page in a language not shipped: the browser's language fills in.
    const { page } = await openPage(german.context, `${EDIT}?lang=tlh`);
    assert.equal((await words(page, OPTIONS_ENTRY)).label, "Gitpod mit Optionen…");
    const popup = await german.clickToolbar(page);
    assert.equal(await popup.textContent("#open"), "In Gitpod öffnen");
    assert.equal(await popup.textContent("#copy"), "Kopieren");
  } finally {
    await german.close();
  }
});
