// Builds the real-UI test pages into dist/: one JS bundle per (control, @gitlab/ui version) with
// esbuild, the CSS GitLab ships for that version (@gitlab/ui's index.css, plus Tailwind
// utilities generated with @gitlab/ui's own preset where the version has one, else its
// utility_classes.css), and one HTML page per row of pages.mjs. Deterministic: same inputs,
// same bytes. Run by `cargo xtask test` after `npm ci`; `node build.mjs` by hand.

import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PAGES, VERSIONS } from "./pages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = join(here, "dist");
const pkg = (name) => dirname(require.resolve(`${name}/package.json`));
/** Where pages load their assets from (the e2e server serves dist/ there on every host). */
export const ASSETS = "/-/real-ui-assets";

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bundles = [...new Set(PAGES.map((p) => `${p.app}@${p.version}`))];
for (const id of bundles) {
  const [app, version] = id.split("@");
  const v = VERSIONS[version];
  await build({
    entryPoints: [join(here, "src", `${app}.js`)],
    bundle: true,
    minify: true,
    format: "iife",
    target: "chrome120",
    outfile: join(out, `${app}-${version}.js`),
    // The one Vue the version peers on (its full build: templates compile at run time), and
    // that version of @gitlab/ui for every import of it.
    alias: { vue: `${v.vue}/dist/vue.esm.js`, "@gitlab/ui": v.ui },
    loader: { ".svg": "file" },
    assetNames: "[name]",
    publicPath: ASSETS,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
}

for (const [version, v] of Object.entries(VERSIONS)) {
  if (!PAGES.some((p) => String(p.version) === version)) continue;
  const ui = pkg(v.ui);
  // The design tokens (CSS variables, light and `gl-dark`) where the version ships them apart.
  const tokens = join(ui, "dist/tokens/css/tokens.css");
  let css = (existsSync(tokens) ? readFileSync(tokens, "utf8") + "\n" : "") + readFileSync(join(ui, "dist/index.css"), "utf8");
  if (v.tailwind) {
    const config = join(out, `tailwind-${version}.config.cjs`);
    writeFileSync(config, `module.exports = ${JSON.stringify({ content: [join(here, "src/*.js"), join(ui, "dist/**/*.js")] })};
module.exports.presets = [require(${JSON.stringify(join(ui, "tailwind.defaults.js"))})];
module.exports.corePlugins = { preflight: false };\n`);
    const input = join(out, "tailwind.css");
    writeFileSync(input, "@tailwind utilities;\n");
    const generated = join(out, `tailwind-${version}.css`);
    execFileSync(join(pkg("tailwindcss"), "lib/cli.js"), ["-c", config, "-i", input, "-o", generated, "--minify"], { stdio: "ignore" });
    css += "\n" + readFileSync(generated, "utf8");
    for (const f of [config, input, generated]) rmSync(f);
  } else {
    css += "\n" + readFileSync(join(ui, "dist/utility_classes.css"), "utf8");
  }
  // A page body like GitLab's: its font stack, size and colours from the version's tokens.
  css += "\nbody{margin:0;padding:24px;font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans',Ubuntu,sans-serif;font-size:.875rem;" +
    "background:var(--gl-background-color-default,#fff);color:var(--gl-text-color-default,#333238)}" +
    ".gl-dark body{background:var(--gl-background-color-default,#18171d);color:var(--gl-text-color-default,#ececef)}\n";
  writeFileSync(join(out, `gitlab-ui-${version}.css`), css);
}

const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
for (const p of PAGES) {
  const { pathname } = new URL(p.url);
  const project = pathname.split("/-/")[0].slice(1);
  writeFileSync(join(out, p.file), `<!DOCTYPE html>
<html lang="en" class="gl-light ui-neutral">
<head>
<meta charset="utf-8">
<title>${escape(project)} · GitLab</title>
<meta property="og:site_name" content="GitLab">
<meta name="csrf-token" content="real-ui-test">
<meta name="action-cable-url" content="/-/cable">
<link rel="stylesheet" href="${ASSETS}/gitlab-ui-${p.version}.css">
</head>
<body data-page="${p.page}"${p.actions ? ` data-real-ui-actions="${escape(p.actions)}"` : ""} data-project-id="4242" data-project-full-path="${escape(project)}" data-group="${escape(project.split("/")[0])}" data-real-ui="${escape(VERSIONS[p.version].ui)}">
<main id="content-body" class="content">
<p class="gl-mb-5">GitLab ${VERSIONS[p.version].gitlab} · @gitlab/ui ${p.version} · <code>${escape(pathname)}</code></p>
<div id="js-mount-holder" style="display:flex;justify-content:flex-end;max-width:720px"></div>
</main>
<script nonce="fixture-nonce" src="${ASSETS}/${p.app}-${p.version}.js"></script>
</body>
</html>
`);
}

const expected = PAGES.map(({ file, url, gitpod_url, control, group, neighbour, choose, version }) => ({
  file, url, gitpod_url, native_gitpod: false, real_ui: VERSIONS[version].ui, dark: VERSIONS[version].dark, control, group, neighbour, choose,
  note: `GitLab ${VERSIONS[version].gitlab} rendered by @gitlab/ui ${version}`,
}));
writeFileSync(join(out, "expected.json"), JSON.stringify(expected, null, 2) + "\n");
console.log(`real-UI pages: ${PAGES.length} pages, ${bundles.length} bundles in ${out}`);
