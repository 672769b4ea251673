// GitLab's menus as GitLab's real UI library renders them (tests/gitlab-ui: @gitlab/ui 62, 108
// and 123 with their Vue, CSS and keyboard handling), in Chromium. For every control: one
// entry, inside the group GitLab uses for IDE actions, right after GitLab's Web IDE item and
// made like it; Enter and Space from GitLab's own arrow-key navigation and a mouse click open
// Gitpod (or, in the split button, select it as GitLab's items select) and close the menu as
// GitLab closes it; the "last used" mark shows and is announced; Vue re-renders, remounts and
// in-page navigation keep exactly one entry with the current URL. Screenshots of every control
// with its menu open, light and dark, go to dist/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, waitFor, ENTRY, EXTENSION_DIR , landsOn } from "./harness.mjs";
import { fixtureSets } from "./server.mjs";

const PAGES = fixtureSets().filter((f) => f.real_ui);
const OPTIONS = '[data-testid="gitpod-ext-options-menu-item"]';
const SHOTS = join(EXTENSION_DIR, "../screenshots");

let env;
before(async () => {
  env = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await env?.close(); });

async function reset() {
  await env.worker.evaluate(async () => { await chrome.storage.sync.clear(); await chrome.storage.local.clear(); });
}

async function lastAction() {
  return env.worker.evaluate(async () => ((await chrome.storage.sync.get("last_action")).last_action || {})["gitlab.com"]);
}

async function open(p) {
  const opened = await openPage(env.context, p.url);
  await opened.page.setViewportSize({ width: 900, height: 600 });
  await opened.page.locator(ENTRY).waitFor({ state: "attached" });
  return opened;
}

/** Where our entry sits and how it is made, next to GitLab's neighbour item. */
function placement(page, p) {
  return page.evaluate(({ entry, p }) => {
    const all = document.querySelectorAll(entry);
    const ours = all[0];
    const group = ours.parentElement;
    const items = [...group.children].filter((c) => c.matches("li"));
    // An item's label: its first text, not our mark's.
    const labelNode = (el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent.trim() && !n.parentElement.closest("[data-gitpod-ext-mark]")) return n;
      }
      return null;
    };
    const labelOf = (el) => labelNode(el)?.textContent.trim() ?? "";
    const labelEl = (li) => labelNode(li)?.parentElement ?? li;
    const neighbour = items.find((li) => labelOf(li) === p.neighbour);
    // The group's label: GlDisclosureDropdownGroup's header (aria-labelledby or the first child).
    const labelId = group.getAttribute("aria-labelledby");
    const header = (labelId && document.getElementById(labelId)) || group.parentElement.querySelector(":scope > div");
    const acting = (li) => li.querySelector("a, button");
    // The next item that way, passing over dividers.
    const sibling = (el, dir) => {
      let e = el[dir];
      while (e && e.matches(":has(> hr)")) e = e[dir];
      return e;
    };
    // Texts a user reads in the item (elements with text of their own), not counting shortcut
    // hints and our mark.
    const lines = (li) => [...li.querySelectorAll("*")].filter((e) => e.tagName !== "KBD" && !e.closest("[data-gitpod-ext-mark]") &&
      [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())).length;
    const style = (el) => { const s = getComputedStyle(el); return [s.fontSize, s.fontWeight, s.paddingLeft, s.paddingTop, s.display, s.color].join(" "); };
    return {
      count: all.length,
      inControl: Boolean(ours.closest(p.control)),
      groupLabel: header ? header.textContent.trim() : null,
      previous: sibling(ours, "previousElementSibling") && labelOf(sibling(ours, "previousElementSibling")),
      next: sibling(ours, "nextElementSibling") && sibling(ours, "nextElementSibling").getAttribute("data-testid"),
      // Where GitLab divides its items (split button), ours are divided the same way.
      dividedLikeGitLab: items.some((li) => li.matches(":has(> hr)") && !li.hasAttribute("data-gitpod-ext"))
        ? ["previousElementSibling", "nextElementSibling"].every((dir) => ours[dir]?.matches(":has(> hr)"))
        : ![ours.previousElementSibling, ours.nextElementSibling].some((e) => e?.matches(":has(> hr)")),
      hasNeighbour: Boolean(neighbour),
      sameItemClasses: neighbour && neighbour.className === ours.className,
      sameActingClasses: neighbour && acting(neighbour).className === acting(ours).className,
      actingTag: acting(ours).tagName.toLowerCase(),
      href: acting(ours).getAttribute("href"),
      label: labelOf(ours),
      lines: lines(ours),
      neighbourLines: neighbour && lines(neighbour),
      labelStyle: style(labelEl(ours)),
      neighbourLabelStyle: neighbour && style(labelEl(neighbour)),
      itemStyle: style(acting(ours)),
      neighbourItemStyle: neighbour && style(acting(neighbour)),
    };
  }, { entry: ENTRY, p });
}

function toggle(page, p) {
  return page.locator(`${p.control} [aria-expanded]`).first();
}

async function menuOpen(page, p) {
  return (await toggle(page, p).getAttribute("aria-expanded")) === "true";
}

/** Opens the menu from the keyboard as a user would (focus the toggle, Enter) and walks GitLab's
 * own arrow-key navigation down to our entry. */
async function arrowToEntry(page, p) {
  await toggle(page, p).focus();
  await page.keyboard.press("Enter");
  await waitFor(() => menuOpen(page, p), "the menu to open");
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("ArrowDown");
    const here = await page.evaluate((entry) => Boolean(document.activeElement?.closest(entry)), ENTRY);
    if (here) return;
  }
  assert.fail("GitLab's arrow keys never reached the Gitpod entry");
}

/** Performs our entry by `how` (a key, or "click") and checks what a user sees: Gitpod opens in
 * a new tab (menus whose items navigate), or the split button now performs Gitpod. */
async function useEntry(page, p, how) {
  if (p.choose === "navigate") {
    const [tab] = await Promise.all([
      env.context.waitForEvent("page"),
      how === "click" ? page.locator(ENTRY).click() : page.keyboard.press(how),
    ]);
    await tab.waitForLoadState();
    await landsOn(tab, p.gitpod_url);
    await tab.close();
  } else {
    if (how === "click") await page.locator(ENTRY).click();
    else await page.keyboard.press(how);
    const primary = page.locator(`${p.control} .split-content-button`);
    await waitFor(async () => (await primary.textContent()).trim() === "Gitpod", `${how} selects Gitpod`);
    assert.equal(await primary.getAttribute("href"), p.gitpod_url);
  }
  await waitFor(async () => !(await menuOpen(page, p)), `the menu to close after ${how}`);
  await waitFor(async () => (await lastAction()) === "gitpod", "Gitpod remembered");
}

for (const p of PAGES.filter((x) => x.choose !== "beside")) {
  const name = `${p.file} (${p.real_ui})`;

  test(`${name}: one entry, in GitLab's group, after ${p.neighbour}, made like it`, async () => {
    await reset();
    const { page, errors } = await open(p);
    const at = await placement(page, p);
    assert.equal(at.count, 1, "one entry");
    assert.ok(at.inControl, "inside GitLab's control");
    assert.ok(at.hasNeighbour, `in the group of ${p.neighbour}`);
    if (p.group) assert.equal(at.groupLabel, p.group, "in GitLab's group for IDE actions");
    assert.equal(at.previous, p.neighbour, `right after ${p.neighbour}`);
    assert.equal(at.next, "gitpod-ext-options-menu-item", "then Gitpod with options");
    assert.ok(at.dividedLikeGitLab, "divided from its neighbours as GitLab divides its items");
    assert.ok(at.sameItemClasses, "the item has GitLab's item classes");
    assert.ok(at.sameActingClasses, "its link/button has GitLab's classes");
    assert.equal(at.actingTag, p.choose === "navigate" ? "a" : "button", "acts like GitLab's items of the era");
    if (p.choose === "navigate") assert.equal(at.href, p.gitpod_url);
    assert.equal(at.lines, at.neighbourLines, "as many lines as GitLab's item (label, description)");
    assert.equal(at.labelStyle, at.neighbourLabelStyle, "label styled by GitLab's CSS like its own");
    assert.equal(at.itemStyle, at.neighbourItemStyle, "item styled by GitLab's CSS like its own");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${name}: the last action is marked where GitLab's CSS keeps it, and announced`, async () => {
    await reset();
    const { page } = await open(p);
    const mark = page.locator(`${ENTRY}[data-gitpod-ext-last] [data-gitpod-ext-mark]`);
    await mark.waitFor({ state: "attached" });
    await toggle(page, p).click();
    await waitFor(() => menuOpen(page, p), "the menu to open");
    // What assistive technology reads for the item includes the mark.
    const snapshot = await page.locator(ENTRY).ariaSnapshot();
    assert.match(snapshot, /last used/i, snapshot);
    if (p.choose === "navigate") {
      assert.ok(await mark.isVisible(), "the badge shows");
    } else {
      // The split button shows GitLab's own check mark on our item, and on no other.
      const checks = await page.$$eval(`${p.control} [data-testid="dropdown-item-checkbox"], ${p.control} .gl-dropdown-item-check-icon`,
        (icons) => [...new Set(icons)].filter((i) => getComputedStyle(i).visibility !== "hidden").map((i) => i.closest("li").getAttribute("data-testid")));
      assert.deepEqual(checks, ["gitpod-ext-menu-item"]);
      assert.equal((await page.locator(`${p.control} .split-content-button`).textContent()).trim(), "Gitpod");
    }
    for (const theme of p.dark ? ["light", "dark"] : ["light"]) {
      await page.evaluate((dark) => document.documentElement.classList.toggle("gl-dark", dark), theme === "dark");
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(SHOTS, `${p.file.replace(/\.html$/, "")}-${theme}.png`) });
    }
    await page.close();
  });

  for (const key of ["Enter", " "]) {
    test(`${name}: ${key === " " ? "Space" : key} on the entry, reached with GitLab's arrow keys`, async () => {
      await reset();
      await env.worker.evaluate(() => chrome.storage.sync.set({ last_action: { "gitlab.com": "webide" } }));
      const { page, errors } = await open(p);
      await arrowToEntry(page, p);
      await useEntry(page, p, key);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test(`${name}: a mouse click on the entry`, async () => {
    await reset();
    await env.worker.evaluate(() => chrome.storage.sync.set({ last_action: { "gitlab.com": "webide" } }));
    const { page, errors } = await open(p);
    await toggle(page, p).click();
    await waitFor(() => menuOpen(page, p), "the menu to open");
    await useEntry(page, p, "click");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${name}: Vue re-render, remount and in-page navigation keep one entry with the current URL`, async () => {
    await reset();
    const { page, errors } = await open(p);
    const entries = () => page.evaluate((entry) => [...document.querySelectorAll(entry)].map((e) =>
      e.querySelector("a")?.getAttribute("href") ?? e.getAttribute("data-gitpod-ext-href")), ENTRY);
    const settle = async (want, what) => {
      await waitFor(async () => JSON.stringify(await entries()) === JSON.stringify([want]), what);
      assert.equal(await page.locator(OPTIONS).count(), 1, `one "with options" entry after ${what}`);
      assert.equal((await placement(page, p)).previous, p.neighbour, `still after ${p.neighbour} after ${what}`);
    };
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => window.__glTest.rerender());
      await settle(p.gitpod_url, "a re-render");
    }
    await page.evaluate(() => window.__glTest.remount());
    await settle(p.gitpod_url, "a remount");
    const moved = new URL(p.url);
    moved.pathname = p.choose === "navigate" && p.url.includes("/merge_requests/")
      ? `${moved.pathname}/diffs`
      : moved.pathname.replace(/\/[^/]+$/, "/other-page");
    await page.evaluate((path) => window.__glTest.navigate(path), moved.pathname);
    const want = p.url.includes("/merge_requests/") ? p.gitpod_url : p.gitpod_url.replace(/\/[^/]+$/, "/other-page");
    await settle(want, "in-page navigation");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// A lone Web IDE button (no menu): ours is a copy of it right beside it.
for (const p of PAGES.filter((x) => x.choose === "beside")) {
  const name = `${p.file} (${p.real_ui})`;
  const look = (page) => page.evaluate(({ entry, control }) => {
    const gitlab = document.querySelector(control);
    const ours = document.querySelector(entry);
    const style = (el) => { const s = getComputedStyle(el); return [s.fontSize, s.fontWeight, s.lineHeight, s.paddingLeft, s.paddingTop, s.height, s.color, s.backgroundColor, s.borderTopColor, s.borderRadius].join(" "); };
    return {
      count: document.querySelectorAll(entry).length,
      besideGitLab: ours.previousElementSibling === gitlab,
      tag: ours.tagName.toLowerCase(),
      classes: ours.className,
      gitlabClasses: gitlab.className,
      style: style(ours),
      gitlabStyle: style(gitlab),
      text: ours.textContent.trim(),
      href: ours.getAttribute("href"),
      target: ours.getAttribute("target"),
      qa: ours.querySelector("[data-qa-selector]") || ours.getAttribute("data-qa-selector"),
    };
  }, { entry: ENTRY, control: p.control });

  test(`${name}: one Gitpod button right beside GitLab's lone Web IDE button, made like it`, async () => {
    await reset();
    const { page, errors } = await open(p);
    const at = await look(page);
    assert.equal(at.count, 1);
    assert.ok(at.besideGitLab, "right after GitLab's button");
    assert.equal(at.tag, "a");
    assert.equal(at.classes, `${at.gitlabClasses} gl-ml-3 ml-2`, "GitLab's button classes, spaced like a bar's buttons");
    assert.equal(at.style, at.gitlabStyle, "styled by GitLab's CSS like its own button");
    assert.equal(at.text, "Gitpod");
    assert.equal(at.href, p.gitpod_url);
    assert.equal(at.target, "_blank");
    assert.equal(at.qa, null, "GitLab's test hooks are not copied");
    await page.screenshot({ path: join(SHOTS, `${p.file.replace(/\.html$/, "")}-light.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${name}: a click or Enter opens Gitpod; the button performs the last launch mode used`, async () => {
    await reset();
    const { page, errors } = await open(p);
    for (const how of ["click", "Enter"]) {
      const button = page.locator(ENTRY);
      const [tab] = await Promise.all([
        env.context.waitForEvent("page"),
        how === "click" ? button.click() : button.focus().then(() => page.keyboard.press("Enter")),
      ]);
      await tab.waitForLoadState();
      await landsOn(tab, p.gitpod_url);
      await tab.close();
    }
    await page.close();
    await env.worker.evaluate(() => chrome.storage.sync.set({ last_action: { "gitlab.com": "gitpod_options" } }));
    const again = await open(p);
    await waitFor(async () => (await look(again.page)).text === "Gitpod with options…", "the options launch on the button");
    assert.equal((await look(again.page)).href, p.gitpod_url.replace("https://gitpod.io/#", "https://app.ona.com/?autostart=false#"));
    assert.deepEqual([...errors, ...again.errors], []);
    await again.page.close();
  });

  test(`${name}: Vue re-render, remount and in-page navigation keep one button with the current URL`, async () => {
    await reset();
    const { page, errors } = await open(p);
    const settle = async (want, what) => waitFor(async () => {
      const at = await look(page).catch(() => null);
      return at && at.count === 1 && at.besideGitLab && at.href === want;
    }, what);
    await page.evaluate(() => window.__glTest.rerender());
    await settle(p.gitpod_url, "a re-render");
    await page.evaluate(() => window.__glTest.remount());
    await settle(p.gitpod_url, "a remount");
    const moved = new URL(p.url).pathname.replace(/\/[^/]+$/, "/other-page");
    await page.evaluate((path) => window.__glTest.navigate(path), moved);
    await settle(p.gitpod_url.replace(/\/[^/]+$/, "/other-page"), "in-page navigation");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("split button: choosing GitLab's item again gives GitLab its button back, as Vue left it", async () => {
  const p = PAGES.find((x) => x.choose === "select");
  await reset();
  const { page, errors } = await open(p);
  const primary = page.locator(`${p.control} .split-content-button`);
  await waitFor(async () => (await primary.textContent()).trim() === "Gitpod", "Gitpod selected (first visit)");
  // The primary performs Gitpod only: GitLab's own handler (Web IDE) does not run as well.
  const [tab] = await Promise.all([env.context.waitForEvent("page"), primary.click()]);
  await tab.waitForLoadState();
  await landsOn(tab, p.gitpod_url);
  await tab.close();
  await page.waitForTimeout(300);
  assert.equal(env.context.pages().filter((x) => x.url().includes("/-/ide/")).length, 0, "no Web IDE tab");
  // Select GitLab's "Edit": GitLab's Vue re-renders its button; ours leaves it alone.
  await toggle(page, p).click();
  await page.locator(`${p.control} [data-testid="action_edit"]`).click();
  await waitFor(async () => (await primary.textContent()).trim() === "Edit", "GitLab's Edit selected");
  assert.match(await primary.getAttribute("href"), /\/-\/edit\//);
  await waitFor(async () => (await lastAction()) === "edit", "edit remembered");
  // And back to Web IDE, which GitLab had selected before ours.
  await toggle(page, p).click();
  await page.locator(`${p.control} [data-testid="action_webide"]`).click();
  await waitFor(async () => (await primary.textContent()).trim() === "Open in Web IDE", "GitLab's Web IDE selected");
  assert.match(await primary.getAttribute("href"), /\/-\/ide\/project\//);
  const checked = await page.$$eval(`${p.control} .gl-dropdown-item-check-icon`,
    (icons) => icons.filter((i) => getComputedStyle(i).visibility !== "hidden").map((i) => i.closest("li").textContent.trim()));
  assert.equal(checked.length, 1);
  assert.match(checked[0], /^Open in Web IDE/);
  assert.deepEqual(errors, []);
  await page.close();
});
