//! The GitLab URL model: which project a URL belongs to and which page of it, in the terms
//! Gitpod understands. Pure: no browser APIs, so `cargo test` covers all of it.

use crate::url_parts::{with_parsed, UrlParts};
use std::fmt;

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

/// What the page itself says about the URL (from `<body data-project-full-path>` and
/// `gon.relative_url_root`); resolves URLs that are ambiguous on their own.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    pub project_full_path: Option<&'a str>,
    pub relative_root: Option<&'a str>,
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
    if let Some(full) = hints
        .project_full_path
        .map(|p| p.trim_matches('/'))
        .filter(|p| !p.is_empty())
    {
        let wanted: Vec<&str> = full.split('/').collect();
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
    // Without `/-/` (GitLab < 12 routes, or a project root) the URL alone cannot tell where a
    // nested project ends: take it all. Gitpod parses `/-/`-less paths itself, so the URL
    // passes through unchanged; the page's own project path (a hint) resolves it exactly.
    let project_len = after_root
        .iter()
        .position(|s| *s == "-")
        .unwrap_or(after_root.len());
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
