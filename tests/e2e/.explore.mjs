import { launch, openPage } from "./harness.mjs";
import { fixtureSets } from "./server.mjs";
const env = await launch();
const only = process.argv[2] || "real-";
for (const f of fixtureSets().filter((f) => f.file.startsWith(only))) {
  const { page, errors, console: logs } = await openPage(env.context, f.url);
  await page.setViewportSize({ width: 900, height: 560 });
  await page.waitForTimeout(800);
  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.evaluate(() => document.documentElement.classList.add("gl-dark"));
    const toggle = page.locator(`${f.control} [aria-expanded]`).first();
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${f.file}-${theme}.png` });
    await page.keyboard.press("Escape");
  }
  const dump = await page.evaluate((c) => document.querySelector(c)?.outerHTML.slice(0, 6000), f.control);
  console.log("=====", f.file, errors, logs.filter((l) => !l.startsWith("debug")).slice(0, 5));
  console.log(dump);
  await page.close();
}
await env.close();
