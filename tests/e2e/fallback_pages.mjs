// GitLab pages the anchor table does not know: a "next GitLab" whose code control changed its
// markup again (an "IDE launcher" no selector of ours matches), one page per code page kind,
// plus pages that must never get the fallback. Served by the e2e server's `pages` option.

const BASE = "https://gitlab.com/tanuki-org/next-gitlab";

/** A GitLab page (head markers, body data, #content-body) around `body`. */
export function gitlabPage({ title, dataPage, project = "tanuki-org/next-gitlab", body }) {
  const projectData = project ? ` data-project-id="4711" data-project-full-path="${project}"` : "";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · GitLab</title>
<meta content="GitLab" property="og:site_name"><meta name="csrf-token" content="fixture">
<link rel="stylesheet" href="/-/real-ui-assets/gitlab-ui-123.css"><style>.gl-new-dropdown-panel{display:none}</style></head>
<body data-page="${dataPage}" data-group="tanuki-org"${projectData}>
<header class="navbar-gitlab"><a href="/">GitLab</a></header>
<div class="content-wrapper"><main id="content-body" class="content">${body}</main></div>
<script nonce="fixture-nonce" src="/-/fixture-assets/mimic.js"></script>
</body></html>`;
}

/** GitLab's code control as a future version might render it: no hook of any known era. */
const LAUNCHER = `<div class="gl-new-dropdown ide-launcher" data-testid="ide-launcher"><button type="button" aria-expanded="false" class="btn btn-default btn-md gl-button">Open</button><div class="gl-new-dropdown-panel"><ul class="launcher-list"><li class="launcher-item"><a href="/-/ide/next">Web IDE</a></li></ul></div></div>`;

/** One page of each code page kind, with where the fallback button must go. */
export const UNKNOWN = [
  { kind: "project", url: BASE, dataPage: "projects:show", spot: ".tree-controls",
    body: `<div class="tree-controls" data-testid="tree-controls-container">${LAUNCHER}</div>
      <p><a data-spa-nav href="/tanuki-org/next-gitlab/-/tree/main/docs">docs</a></p>` },
  { kind: "tree", url: `${BASE}/-/tree/release/2.0/src`, dataPage: "projects:tree:show", spot: ".tree-controls",
    body: `<div class="tree-controls" data-testid="tree-controls-container">${LAUNCHER}</div>` },
  { kind: "file", url: `${BASE}/-/blob/main/src/lib.rs`, dataPage: "projects:blob:show", spot: '[data-testid="blob-controls"]',
    body: `<div data-testid="blob-controls">${LAUNCHER}</div>` },
  // A README's "Open in Gitpod" badge is content, not GitLab's own Gitpod item.
  { kind: "project whose README has an Open in Gitpod badge", url: `${BASE}/-/tree/badge`, dataPage: "projects:tree:show", spot: ".tree-controls",
    body: `<div class="tree-controls" data-testid="tree-controls-container">${LAUNCHER}</div>
      <article class="file-holder readme-holder"><div class="file-content md"><p><a href="https://gitpod.io/#https://gitlab.com/tanuki-org/next-gitlab"><img alt="Open in Gitpod" src="data:,"></a></p></div></article>` },
  { kind: "commit", url: `${BASE}/-/commit/5f3c2b1a9d`, dataPage: "projects:commit:show", spot: "#content-body",
    body: `<div class="page-content-header"><h2>Commit 5f3c2b1a</h2></div>` },
  { kind: "merge request", url: `${BASE}/-/merge_requests/77`, dataPage: "projects:merge_requests:show", spot: ".js-issuable-actions",
    body: `<div class="detail-page-header gl-flex gl-justify-between"><h1 class="gl-text-size-h1">Add a cache</h1><div class="detail-page-header-actions js-issuable-actions gl-flex gl-gap-3">${LAUNCHER}</div></div>` },
  { kind: "issue", url: `${BASE}/-/issues/12`, dataPage: "projects:issues:show", spot: ".js-issuable-actions",
    body: `<div class="detail-page-header"><div class="detail-page-header-actions js-issuable-actions"><button class="btn gl-button">Edit</button></div></div>` },
].map((p) => ({ ...p, gitpod_url: `https://gitpod.io/#${p.url}` }));

/** Pages that never get the fallback: not a project's code page, or GitLab's own Gitpod there. */
export const NEVER = [
  { what: "user settings", url: "https://gitlab.com/-/user_settings/profile", dataPage: "user_settings:profiles:show", project: null, body: "<h1>Edit profile</h1>" },
  { what: "admin area", url: "https://gitlab.com/admin", dataPage: "admin:dashboard:index", project: null, body: "<h1>Admin area</h1>" },
  { what: "explore", url: "https://gitlab.com/explore/projects", dataPage: "explore:projects:index", project: null, body: "<h1>Explore projects</h1>" },
  { what: "a project's pipelines", url: `${BASE}/-/pipelines`, dataPage: "projects:pipelines:index", body: "<h1>Pipelines</h1>" },
  { what: "GitLab's own lone Gitpod button", url: `${BASE}/-/tree/with-native`, dataPage: "projects:tree:show",
    body: `<div class="tree-controls"><a class="btn gl-button" data-qa-selector="gitpod_button" href="https://gitpod.io/#${BASE}/-/tree/with-native">Gitpod</a></div>` },
  { what: "a link to Ona (GitLab's item, renamed)", url: `${BASE}/-/blob/main/ona.md`, dataPage: "projects:blob:show",
    body: `<div data-testid="blob-controls"><a class="btn gl-button" href="https://app.ona.com/#${BASE}/-/blob/main/ona.md">Launch</a></div>` },
];

/** Everything above, as the e2e server's `pages` option wants it. */
export function fallbackPages() {
  const pages = {};
  for (const p of [...UNKNOWN, ...NEVER]) {
    pages[p.url] = gitlabPage({ title: p.kind || p.what, dataPage: p.dataPage, project: p.project, body: p.body });
  }
  return pages;
}
