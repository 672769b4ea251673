// GitLab's real UI pages as GitLab serves them to users who chose another language: the same
// page with `<html lang>` set, at the page's URL plus `?lang=<tag>` (i18n and Firefox tests).

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REAL = join(dirname(fileURLToPath(import.meta.url)), "../gitlab-ui/dist");
export const EDIT = "https://gitlab.com/gitlab-org/frontend/real-ui/-/blob/main/src/app.js";
export const MR = "https://gitlab.com/gitlab-org/frontend/real-ui/-/merge_requests/4242";

function inLanguage(file, lang) {
  const html = readFileSync(join(REAL, file), "utf8");
  if (!html.includes('<html lang="en"')) throw new Error(`${file}: no <html lang="en">`);
  return html.replace('<html lang="en"', `<html lang="${lang}"`);
}

/** `{url: html}` for the server's `pages`. */
export function languagePages() {
  const pages = {};
  for (const lang of ["de", "ja", "tlh"]) {
    pages[`${EDIT}?lang=${lang}`] = inLanguage("real-18-blob-edit-dropdown.html", lang);
  }
  pages[`${MR}?lang=de`] = inLanguage("real-18-mr-code-dropdown.html", "de");
  return pages;
}
