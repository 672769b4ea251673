// `cargo xtask diagnose PAGE.html --url URL` (diagnose.mjs) on saved pages: what it prints for a
// known era, GitLab's own Gitpod item on a self-hosted GitLab, an unknown control (fallback),
// a page saved with our entries already in it, and a page that is not GitLab.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { diagnose } from "./diagnose.mjs";
import { UNKNOWN, gitlabPage } from "./fallback_pages.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/gitlab");
const tmp = mkdtempSync(join(tmpdir(), "gitpod-gitlab-diagnose-"));

function saved(name, html) {
  const file = join(tmp, name);
  writeFileSync(file, html);
  return file;
}

test("diagnose: a known era names the control and the Gitpod URL", async () => {
  const url = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli";
  const lines = await diagnose({ file: join(fixtures, "gitlab-17-project-edit-dropdown.html"), url });
  assert.deepEqual(lines.slice(1), [
    "GitLab recognised: yes",
    "page kind: project",
    "control: edit-dropdown",
    "GitLab's own Gitpod item: no",
    `Gitpod URL: https://gitpod.io/#${url}`,
  ]);
});

test("diagnose: GitLab's own Gitpod item, on a self-hosted GitLab", async () => {
  const lines = await diagnose({
    file: join(fixtures, "gitlab-18-project-code-native-gitpod.html"),
    url: "https://gitlab.example.test/gitlab-org/gitlab-foss",
  });
  assert.deepEqual(lines.slice(1, 5), [
    "GitLab recognised: yes",
    "page kind: project",
    "control: code-dropdown",
    "GitLab's own Gitpod item: yes (the extension added none)",
  ]);
});

test("diagnose: an unknown control gets the fallback; a page saved with our entries is read without them", async () => {
  const p = UNKNOWN.find((x) => x.kind === "file");
  const html = gitlabPage({ title: "file", dataPage: p.dataPage, body: p.body })
    // As saved from a browser with the extension installed.
    .replace("</main>", `<a data-gitpod-ext data-testid="gitpod-ext-fallback" href="https://gitpod.io/#stale">Gitpod</a></main>`);
  const lines = await diagnose({ file: saved("unknown.html", html), url: p.url });
  assert.deepEqual(lines.slice(1), [
    "GitLab recognised: yes",
    "page kind: file",
    "control: none (fallback button)",
    "GitLab's own Gitpod item: no",
    `Gitpod URL: ${p.gitpod_url}`,
  ]);
});

test("diagnose: a page that is not GitLab", async () => {
  const html = readFileSync(join(fixtures, "not-gitlab.html"), "utf8");
  const lines = await diagnose({ file: saved("not-gitlab.html", html), url: "https://gitlab.com/some/page" });
  assert.equal(lines[1], "GitLab recognised: no");
  assert.equal(lines[3], "control: none");
});
