//! The GitLab URL model: which project a URL belongs to and which page of it, in the terms
//! Gitpod understands. Pure: no browser APIs, so `cargo test` covers all of it.

use crate::prelude::*;
use crate::url_parts::{with_parsed, UrlParts};
use core::fmt;

/// A GitLab page reduced to what Gitpod needs: where the instance is, which project, which page.
/// Credentials, query and fragment are never kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitLabUrl {
    /// `https://gitlab.com`, default port elided, ASCII host.
    origin: String,
    /// Path segments of a GitLab served under a relative URL root (`/gitlab`), usually empty.
    root: Vec<String>,
    /// `group[/subgroup…]/project`, as spelled in the URL (still percent-encoded).
    project: Vec<String>,
    page: Page,
    /// A project page of no kind above that is not the project's overview either (pipelines,
    /// settings, wiki, the issue list, …): Gitpod opens the project, but it is no code page.
    other_route: bool,
}

/// The page kinds Gitpod opens specifically; any other project page opens the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Project,
    /// `<ref>[/<path>]`; a ref may contain `/`, Gitpod resolves it longest-first.
    Tree(String),
    Blob(String),
    Commits(String),
    Commit(String),
    MergeRequest(u64),
    Issue(u64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// Not a URL at all.
    Invalid,
    /// `javascript:`, `data:`, `file:`, … Only http(s) pages are GitLab pages.
    UnsupportedScheme(String),
    /// A GitLab URL that names no project (dashboard, group, sign-in, admin, …).
    NotAProject,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Invalid => f.write_str("not a valid URL"),
            UrlError::UnsupportedScheme(s) => write!(f, "{s}: URLs cannot be opened in Gitpod"),
            UrlError::NotAProject => f.write_str("this page is not part of a GitLab project"),
        }
    }
}

/// What the page itself says about where its project ends, which resolves URLs that are
/// ambiguous on their own (a nested group, a relative URL root, the routes of GitLab < 12 that
/// have no `/-/`). Each is the raw attribute the page carries; the first one present that fits
/// the URL wins (`stated_project`), and only without any does the URL's own shape decide.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// `<body data-project-full-path>` (GitLab 17+): `group/subgroup/project`.
    pub project_full_path: Option<&'a str>,
    /// `<body data-find-file>` (≤ 16.x): `<root>/<full path>/-/find_file/<ref>`, or without the
    /// `/-/` in GitLab < 12.
    pub find_file: Option<&'a str>,
    /// The path of a link of GitLab's controls to its Web IDE route:
    /// `<root>/-/ide/project/<full path>/(edit|tree|blob|merge_requests)/…`.
    pub web_ide_route: Option<&'a str>,
    /// `<body data-project>`: the project's own last path segment.
    pub project_name: Option<&'a str>,
    /// `gon.relative_url_root`, where known.
    pub relative_root: Option<&'a str>,
}

/// Routes of a project page in the GitLab < 12 form, without `/-/`: where one follows the
/// project, the URL alone says where the project ends (a subgroup of these names is rare, and
/// any of the page's own hints wins over this guess).
const LEGACY_ROUTES: &[&str] = &[
    "tree",
    "blob",
    "commits",
    "commit",
    "merge_requests",
    "issues",
    "blame",
    "raw",
];

/// What follows the project in a Web IDE route.
const IDE_ROUTES: &[&str] = &["edit", "tree", "blob", "merge_requests"];

impl<'a> Hints<'a> {
    /// The project paths the page states, as path segments, in the order they are to be tried
    /// against the URL (the first that fits it wins; a relative root in front makes no
    /// difference to the canonical URL): the body's full path, then its find-file path, then
    /// what a Web IDE route can mean (its project ends before one of the route's words; longest
    /// first, since a subgroup may be named `tree` while a project may not).
    pub fn stated_projects(&self) -> Vec<Vec<&'a str>> {
        let segments = |s: &'a str| -> Vec<&'a str> {
            let s = s.split(['?', '#']).next().unwrap_or("");
            s.split('/').filter(|p| !p.is_empty()).collect()
        };
        let mut out = Vec::new();
        if let Some(full) = self.project_full_path.map(segments) {
            out.push(full);
        }
        if let Some(segs) = self.find_file.map(segments) {
            if let Some(at) = segs.iter().position(|s| *s == "find_file") {
                let end = if at > 0 && segs[at - 1] == "-" {
                    at - 1
                } else {
                    at
                };
                out.push(segs[..end].to_vec());
            }
        }
        if let Some(segs) = self.web_ide_route.map(segments) {
            if let Some(start) = segs.windows(3).position(|w| w == ["-", "ide", "project"]) {
                let rest = &segs[start + 3..];
                let mut ends: Vec<usize> = (2..rest.len())
                    .filter(|&i| IDE_ROUTES.contains(&rest[i]))
                    .collect();
                ends.reverse();
                out.extend(ends.into_iter().map(|end| rest[..end].to_vec()));
            }
        }
        out.retain(|p| p.len() >= 2);
        out
    }
}

/// First path segments GitLab reserves for itself (`TOP_LEVEL_ROUTES` in path_regex.rb):
/// a URL starting with one of them is not a project page.
const RESERVED_TOP_LEVEL: &[&str] = &[
    "-",
    ".well-known",
    "admin",
    "api",
    "assets",
    "dashboard",
    "explore",
    "files",
    "groups",
    "health_check",
    "help",
    "import",
    "jwt",
    "login",
    "oauth",
    "profile",
    "projects",
    "public",
    "s",
    "search",
    "sitemap",
    "snippets",
    "unsubscribes",
    "uploads",
    "users",
    "v2",
];

impl GitLabUrl {
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        Self::parse_with(input, Hints::default())
    }

    pub fn parse_with(input: &str, hints: Hints<'_>) -> Result<Self, UrlError> {
        with_parsed(input, UrlError::Invalid, |parts| {
            Self::from_parts(parts, hints)
        })
    }

    /// The page a parsed URL names (see `url_parts` for where the parts come from).
    pub fn from_parts(url: &UrlParts<'_>, hints: Hints<'_>) -> Result<Self, UrlError> {
        if !url.is_http() {
            return Err(UrlError::UnsupportedScheme(url.scheme.to_string()));
        }
        if !url.has_host {
            return Err(UrlError::Invalid);
        }
        let segments: Vec<&str> = url.segments().collect();

        let (root_len, project_len) = split_project(&segments, hints);
        let project = &segments[root_len..root_len + project_len];
        if project.len() < 2 || RESERVED_TOP_LEVEL.contains(&project[0]) || project.contains(&"-") {
            return Err(UrlError::NotAProject);
        }
        let mut rest = &segments[root_len + project_len..];
        if rest.first() == Some(&"-") {
            rest = &rest[1..];
        }
        Ok(GitLabUrl {
            origin: url.origin.to_string(),
            root: owned(&segments[..root_len]),
            project: owned(project),
            page: Page::from_rest(rest),
            other_route: !rest.is_empty() && Page::from_rest(rest) == Page::Project,
        })
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The host (and port, if not the default), e.g. `gitlab.com`: the key for per-host memory.
    pub fn host(&self) -> &str {
        self.origin
            .split_once("://")
            .map_or(&self.origin, |(_, h)| h)
    }

    /// `group/subgroup/project`
    pub fn project_path(&self) -> String {
        self.project.join("/")
    }

    pub fn page(&self) -> &Page {
        &self.page
    }

    /// The project's overview or one of the pages Gitpod opens specifically (tree, file,
    /// commits, commit, merge request, issue): where GitLab shows its code controls, and where
    /// the fallback button goes when none of them is recognised.
    pub fn is_code_page(&self) -> bool {
        !self.other_route
    }

    /// The canonical URL of this page, the form Gitpod parses.
    pub fn canonical(&self) -> String {
        let mut out = self.origin.clone();
        for segment in self.root.iter().chain(&self.project) {
            out.push('/');
            out.push_str(segment);
        }
        let (kind, arg) = match &self.page {
            Page::Project => return out,
            Page::Tree(r) => ("tree", r.clone()),
            Page::Blob(r) => ("blob", r.clone()),
            Page::Commits(r) => ("commits", r.clone()),
            Page::Commit(sha) => ("commit", sha.clone()),
            Page::MergeRequest(iid) => ("merge_requests", decimal(*iid)),
            Page::Issue(iid) => ("issues", decimal(*iid)),
        };
        out.push_str("/-/");
        out.push_str(kind);
        out.push('/');
        out.push_str(&arg);
        out
    }
}

impl fmt::Display for GitLabUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl Page {
    /// `rest` is what follows the project (and its `/-/`).
    fn from_rest(rest: &[&str]) -> Page {
        let joined = |from: usize| {
            rest.get(from..)
                .map(|r| r.join("/"))
                .filter(|s| !s.is_empty())
        };
        let iid = || rest.get(1).and_then(|s| s.parse::<u64>().ok());
        match rest.first().copied() {
            Some("tree") => joined(1).map_or(Page::Project, Page::Tree),
            Some("blob") => joined(1).map_or(Page::Project, Page::Blob),
            Some("commits") => joined(1).map_or(Page::Project, Page::Commits),
            Some("commit") => rest
                .get(1)
                .map_or(Page::Project, |sha| Page::Commit(sha.to_string())),
            Some("merge_requests") => iid().map_or(Page::Project, Page::MergeRequest),
            // Issues are shown as work items in GitLab 17+; they share the issue iid.
            Some("issues") | Some("work_items") => iid().map_or(Page::Project, Page::Issue),
            // Pipelines, settings, wiki, …: Gitpod opens the project's default branch.
            _ => Page::Project,
        }
    }
}

/// Returns (relative-root length, project length) in segments.
fn split_project(segments: &[&str], hints: Hints<'_>) -> (usize, usize) {
    // The page's own word first.
    for wanted in hints.stated_projects() {
        if let Some(start) =
            (0..segments.len()).find(|&i| starts_with_ignore_case(&segments[i..], &wanted))
        {
            return (start, wanted.len());
        }
    }
    let root_len = hints
        .relative_root
        .map(|r| r.split('/').filter(|s| !s.is_empty()).collect::<Vec<_>>())
        .filter(|r| starts_with_ignore_case(segments, r))
        .map_or(0, |r| r.len());
    let after_root = &segments[root_len..];
    // `/-/` separates the project from its route.
    if let Some(dash) = after_root.iter().position(|s| *s == "-") {
        return (root_len, dash);
    }
    // Without one (GitLab < 12, or a project root): the project's own name, its last segment,
    // ends it (a namespace comes first); else a route of GitLab < 12 does
    // (`group/project/tree/main`, `…/merge_requests/1/diffs`); else the path is the project.
    let named = hints
        .project_name
        .filter(|n| !n.is_empty())
        .and_then(|name| (1..after_root.len()).find(|&i| after_root[i].eq_ignore_ascii_case(name)));
    let project_len = named.map(|at| at + 1).unwrap_or_else(|| {
        // A route has something after it: `org/team/blob` alone is a project named `blob`.
        (2..after_root.len().saturating_sub(1))
            .find(|&i| LEGACY_ROUTES.contains(&after_root[i]))
            .unwrap_or(after_root.len())
    });
    (root_len, project_len)
}

/// GitLab paths are case-insensitive (it redirects to the canonical spelling).
fn starts_with_ignore_case(haystack: &[&str], prefix: &[&str]) -> bool {
    haystack.len() >= prefix.len()
        && haystack
            .iter()
            .zip(prefix)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

fn owned(segments: &[&str]) -> Vec<String> {
    segments.iter().map(|s| s.to_string()).collect()
}

/// `n` in decimal, without `core::fmt` (kept out of the content script's wasm).
fn decimal(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| d as char).collect()
}
