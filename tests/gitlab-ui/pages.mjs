// The real-UI pages: which control, which @gitlab/ui version, served at which GitLab URL, and
// what the tests expect there. build.mjs writes one HTML page per row plus `dist/expected.json`
// (the fixture table the e2e server and tests read, same shape as tests/fixtures/gitlab).

export const VERSIONS = {
  // `dark`: the version ships GitLab's dark theme (`gl-dark` tokens); 15.x's dark theme was
  // GitLab's own stylesheet, not part of GitLab UI.
  62: { ui: "gitlab-ui-62", vue: "vue-2.7.14", gitlab: "15.11", tailwind: false, dark: false },
  108: { ui: "gitlab-ui-108", vue: "vue", gitlab: "17.9", tailwind: true, dark: true },
  123: { ui: "gitlab-ui-123", vue: "vue", gitlab: "18.x", tailwind: true, dark: true },
};

// `group`: the text GitLab shows in the group the entry must join (its label, or the first
// item's text where the group has no label); `neighbour`: GitLab's item the entry follows.
export const PAGES = [
  {
    file: "real-15-blob-split-button.html",
    app: "split_button",
    version: 62,
    page: "projects:blob:show",
    url: "https://gitlab.com/gitlab-org/gitlab-ui-real/-/blob/v15.11.0/README.md",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-ui-real/-/blob/v15.11.0/README.md",
    control: "#web-ide-link",
    neighbour: "Open in Web IDE",
    choose: "select",
  },
  {
    file: "real-15-tree-lone-web-ide-button.html",
    app: "split_button",
    version: 62,
    page: "projects:tree:show",
    actions: "webide",
    url: "https://gitlab.com/gitlab-org/gitlab-ui-real/-/tree/v15.11.0/doc",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-ui-real/-/tree/v15.11.0/doc",
    control: '#web-ide-link[data-qa-selector="web_ide_button"]',
    neighbour: "Open in Web IDE",
    choose: "beside",
  },
  {
    file: "real-17-blob-edit-dropdown.html",
    app: "edit_dropdown",
    version: 108,
    page: "projects:blob:show",
    url: "https://gitlab.com/gitlab-org/gitlab-ui-real/-/blob/v17.9.0/doc/index.md",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-ui-real/-/blob/v17.9.0/doc/index.md",
    control: '[data-testid="action-dropdown"]',
    neighbour: "Open in Web IDE",
    choose: "navigate",
  },
  {
    file: "real-18-blob-edit-dropdown.html",
    app: "edit_dropdown",
    version: 123,
    page: "projects:blob:show",
    url: "https://gitlab.com/gitlab-org/frontend/real-ui/-/blob/main/src/app.js",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/frontend/real-ui/-/blob/main/src/app.js",
    control: '[data-testid="action-dropdown"]',
    neighbour: "Open in Web IDE",
    choose: "navigate",
  },
  {
    file: "real-18-tree-code-dropdown.html",
    app: "code_dropdown",
    version: 123,
    page: "projects:tree:show",
    url: "https://gitlab.com/gitlab-org/frontend/real-ui/-/tree/feature/ona/docs?ref_type=heads",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/frontend/real-ui/-/tree/feature/ona/docs",
    control: '[data-testid="code-dropdown"]',
    group: "Open with",
    neighbour: "Web IDE",
    choose: "navigate",
  },
  {
    file: "real-18-mr-code-dropdown.html",
    app: "mr_code_dropdown",
    version: 123,
    page: "projects:merge_requests:show",
    url: "https://gitlab.com/gitlab-org/frontend/real-ui/-/merge_requests/4242",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/frontend/real-ui/-/merge_requests/4242",
    control: '[data-testid="mr-code-dropdown"]',
    group: "Review changes",
    neighbour: "Open in Web IDE",
    choose: "navigate",
  },
  {
    file: "real-17-mr-code-dropdown.html",
    app: "mr_code_dropdown",
    version: 108,
    page: "projects:merge_requests:show",
    url: "https://gitlab.com/gitlab-org/gitlab-ui-real/-/merge_requests/1717",
    gitpod_url: "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-ui-real/-/merge_requests/1717",
    control: '[data-testid="mr-code-dropdown"]',
    group: "Review changes",
    neighbour: "Open in Web IDE",
    choose: "navigate",
  },
];
