// HTTPS fixture server for the e2e suite. One port serves every host Chromium maps to it
// (--host-resolver-rules): GitLab fixture pages by their real URL, and a stand-in Gitpod that
// records what it was asked. The self-signed certificate is made at start (openssl).

import { createServer } from "node:https";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** GitLab's own CSP (script-src with 'unsafe-eval', so wasm compiles in content scripts) and a
 * hardened one that forbids eval. The nonce lets the fixtures' one inline script run. */
export const CSP = {
  gitlab:
    "default-src 'self'; script-src 'strict-dynamic' 'self' 'unsafe-inline' 'unsafe-eval' 'nonce-fixture-nonce'; " +
    "style-src 'self' 'unsafe-inline'; img-src * data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
  strict: "default-src 'self'; script-src 'self' 'nonce-fixture-nonce'; style-src 'self' 'unsafe-inline'; object-src 'none'",
};

/** Fixture tables. The project's own pages (hand-written imitations of eras the real UI
 * library cannot render) and the real-UI pages built by tests/gitlab-ui/build.mjs are required;
 * the team's reference set (../shared beside the checkout, or SHARED_FIXTURES) runs too where
 * it exists. */
export const REAL_UI_DIR = join(here, "../gitlab-ui/dist");
const OWN_DIR = join(here, "../fixtures/gitlab");
/** Pages GitLab itself rendered and others saved (real_pages.test.mjs; see its README). */
const REAL_PAGES_DIR = join(here, "../fixtures/gitlab-real");
/** Asset routes: the real-UI pages' bundles and the hand-written fixtures' shared script. */
const ASSET_DIRS = { "/-/real-ui-assets/": REAL_UI_DIR, "/-/fixture-assets/": OWN_DIR };

export function sharedFixturesDir() {
  const dir = process.env.SHARED_FIXTURES || join(here, "../../../shared/fixtures/gitlab");
  return existsSync(join(dir, "expected.json")) ? dir : null;
}

export function fixtureSets() {
  const required = [OWN_DIR, REAL_UI_DIR];
  for (const dir of required) {
    if (!existsSync(join(dir, "expected.json"))) {
      throw new Error(`GitLab test pages missing: no ${join(dir, "expected.json")} ` +
        "(the real-UI pages are built by `cargo xtask test`, or `npm ci && node build.mjs` in tests/gitlab-ui)");
    }
  }
  const shared = sharedFixturesDir();
  return [...(shared ? [shared] : []), ...required].flatMap((dir) =>
    JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")).map((f) => ({ ...f, path: join(dir, f.file) })),
  );
}

/** The corpus of pages GitLab itself rendered, with what each must get (its own table: a page
 * without a Web IDE action gets the fallback, which the era tables never expect). */
export function realPages() {
  return JSON.parse(readFileSync(join(REAL_PAGES_DIR, "expected.json"), "utf8")).map((f) => ({ ...f, path: join(REAL_PAGES_DIR, f.file) }));
}

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), "gitpod-gitlab-cert-"));
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=gitlab.com", "-keyout", key, "-out", cert,
     "-addext", "subjectAltName=DNS:gitlab.com,DNS:gitpod.io,DNS:app.ona.com,DNS:gitpod.example.test,DNS:acme.gitpod.cloud,DNS:gitlab.example.test,IP:127.0.0.1"],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export const SELF_HOSTED = "gitlab.example.test";

/** Gitpod's error report on /complete-auth: base64 of a JSON object, as its server sends it. */
// The text is chosen so its base64 holds both "+" and "/", which URL handling can mangle.
export const AUTH_ERROR = { code: 403, error: "Access denied ~> GitLab said no???" };

/** Gitpod Dedicated / self-hosted Gitpod Classic stand-ins: the whole classic contract. */
export const CLASSIC_HOSTS = ["gitpod.example.test", "acme.gitpod.cloud"];

/** gitpod.io since 2026-02-05 ("minimal mode", gitpod-io/gitpod `f8813934da`,
 * `handleMinimalGitpodIoMode`): `/#<context>` is sent on to `https://app.ona.com/#<context>` by
 * script, the query dropped; app routes and `/` show "log in with Ona"; `/api/authorize` ends
 * on Ona's login page. */
function gitpodIo(req, res) {
  const url = new URL(req.url, "https://gitpod.io");
  if (url.pathname === "/api/authorize") {
    res.writeHead(302, { location: "https://app.ona.com/login" });
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!DOCTYPE html><title>Gitpod</title><script>
const context = location.hash.replace(/^[#/]+/, "");
if (location.pathname === "/" && context) location.replace("https://app.ona.com/#" + context);
</script><p>Gitpod is now Ona. <a href="https://app.ona.com/login">Log in with Ona</a> (stand-in)</p>`);
}

/** app.ona.com: shows where it was sent (path, query, hash), as a test reads it. */
function ona(req, res) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!DOCTYPE html><title>Ona</title><p>Ona (stand-in)</p>`);
}

/** The stand-in Gitpod Classic: the parts of the account-connect contract the extension relies
 * on, on its own origin. */
function gitpod(req, res, state, host) {
  const url = new URL(req.url, `https://${host}`);
  const page = (title, body) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!DOCTYPE html><title>${title}</title><p>${body}</p>`);
  };
  if (url.pathname === "/api/authorize") {
    const returnTo = url.searchParams.get("returnTo") || "";
    // Gitpod only returns to its own /complete-auth.
    if (!returnTo.startsWith(`https://${host}/complete-auth?`)) return page("Bad request", "bad returnTo");
    if (state.authorize === "hang") return page("Sign in to Gitpod", "Sign in (stand-in)");
    const message = state.authorize === "error"
      ? "error:" + Buffer.from(JSON.stringify(AUTH_ERROR)).toString("base64")
      : "success";
    const location = state.authorize === "error" ? `/complete-auth?message=${message}` : returnTo;
    res.writeHead(302, { location });
    res.end();
    return;
  }
  if (url.pathname === "/complete-auth") return page("Gitpod", "Authorization complete (stand-in)");
  page("Gitpod (stand-in)", "Gitpod stand-in");
}

/** Starts the server; `csp` picks the policy GitLab pages are served with; `pages` adds
 * generated pages by URL (the benchmark's synthetic merge request, the fallback pages, a page
 * being diagnosed). */
export async function startServer({ csp = CSP.gitlab, pages = {}, port = 0, fixtures: withFixtures = true } = {}) {
  // `fixtures: false`: only `pages` (cargo xtask diagnose serves one saved page).
  const fixtures = withFixtures ? [...fixtureSets(), ...realPages()] : [];
  const byUrl = new Map(fixtures.flatMap((f) => [[f.url.split("?")[0], f], [f.url, f]]));
  const gitpodHits = [];
  const onaHits = [];
  const state = { csp, authorize: "success" };
  const server = createServer(certificate(), (req, res) => {
    const host = (req.headers.host || "").replace(/:\d+$/, "");
    const url = `https://${host}${req.url}`;
    if (host === "gitpod.io") {
      gitpodHits.push(req.url);
      gitpodIo(req, res);
      return;
    }
    if (host === "app.ona.com") {
      onaHits.push(req.url);
      ona(req, res);
      return;
    }
    if (CLASSIC_HOSTS.includes(host)) {
      gitpodHits.push(`https://${host}${req.url}`);
      gitpod(req, res, state, host);
      return;
    }
    // A self-hosted GitLab: the same pages under another host.
    const asGitlabCom = host === SELF_HOSTED ? url.replace(`https://${SELF_HOSTED}`, "https://gitlab.com") : url;
    if (pages[url]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": state.csp });
      res.end(pages[url]);
      return;
    }
    // The pages' scripts, styles and icons, on every GitLab host.
    const asset = new URL(url).pathname;
    const [prefix, dir] = Object.entries(ASSET_DIRS).find(([p]) => asset.startsWith(p)) || [];
    if (prefix && /^[\w.-]+$/.test(asset.slice(prefix.length))) {
      const file = join(dir, asset.slice(prefix.length));
      if (existsSync(file)) {
        const type = { js: "text/javascript", css: "text/css", svg: "image/svg+xml" }[file.split(".").pop()] || "application/octet-stream";
        res.writeHead(200, { "content-type": type });
        res.end(readFileSync(file));
        return;
      }
    }
    const fixture = byUrl.get(asGitlabCom) || byUrl.get(asGitlabCom.split("?")[0]);
    if (!fixture) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end(`no fixture for ${url}`);
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": state.csp });
    res.end(readFileSync(fixture.path));
  });
  // `port` 443: Firefox has no host mapping flag, so it resolves every host to 127.0.0.1 and
  // reaches this server on the default HTTPS port (firefox.test.mjs).
  await new Promise((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", ok));
  return {
    port: server.address().port,
    fixtures,
    /** Requests to gitpod.io (paths) and to the Classic stand-ins (whole URLs). */
    gitpodHits,
    onaHits,
    setCsp: (policy) => { state.csp = policy; },
    /** How the stand-in Gitpod Classic answers /api/authorize: "success", "error" or "hang". */
    setAuthorize: (mode) => { state.authorize = mode; },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}
