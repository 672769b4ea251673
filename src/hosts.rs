//! Self-hosted GitLab installations the user enabled the extension on. Pure.
//!
//! gitlab.com is built in (manifest `content_scripts`); any other host is granted at runtime:
//! an optional host permission plus a dynamically registered content script. The list kept in
//! storage is what the user chose; the browser's grants are checked against it at start-up.

use crate::prelude::*;
use crate::settings::Loose;
use crate::url_parts::with_parsed;
use core::fmt;

/// Storage key (`sync`) of the enabled hosts, a list of origins.
pub const HOSTS_KEY: &str = "gitlab_hosts";
/// Origins kept at most; a longer stored list is cut, never rejected.
pub const MAX_HOSTS: usize = 64;
/// Hosts the manifest already covers.
pub const BUILTIN_ORIGINS: &[&str] = &["https://gitlab.com"];
/// Prefix of the ids of our registered content scripts.
pub const SCRIPT_ID_PREFIX: &str = "gitlab-host:";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// Not an http(s) page (`chrome://`, `file:`, the new-tab page, …).
    NotAWebPage,
    /// gitlab.com: always enabled.
    Builtin,
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::NotAWebPage => f.write_str("only http(s) sites can be enabled"),
            HostError::Builtin => f.write_str("gitlab.com is always enabled"),
        }
    }
}

/// The origin (`https://gitlab.example.com[:port]`) of a page URL, if it can be enabled.
pub fn site_origin(page_url: &str) -> Result<String, HostError> {
    with_parsed(page_url, HostError::NotAWebPage, |url| {
        if !url.is_http() || !url.has_host {
            return Err(HostError::NotAWebPage);
        }
        if BUILTIN_ORIGINS.contains(&url.origin) {
            return Err(HostError::Builtin);
        }
        Ok(url.origin.to_string())
    })
}

/// Whether `page_url` is on gitlab.com or on an enabled host: the pages the toolbar button,
/// shortcut and context menu act on.
pub fn is_gitlab_page(page_url: &str, enabled: &EnabledHosts) -> bool {
    match site_origin(page_url) {
        Err(HostError::Builtin) => true,
        Ok(origin) => enabled.contains(&origin),
        Err(HostError::NotAWebPage) => false,
    }
}

/// The match pattern for an origin's pages. Match patterns carry no port: a GitLab on a
/// non-default port is matched by host (the permission asked for is the same).
pub fn match_pattern(origin: &str) -> String {
    let (scheme, rest) = origin.split_once("://").unwrap_or(("https", origin));
    let host = match rest.rsplit_once(':') {
        // IPv6 literals keep their brackets; only a trailing `:digits` is a port.
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !h.is_empty() => h,
        _ => rest,
    };
    format!("{scheme}://{host}/*")
}

/// Id of the content script registered for `origin`.
pub fn script_id(origin: &str) -> String {
    format!("{SCRIPT_ID_PREFIX}{origin}")
}

/// The enabled self-hosted origins, sorted and unique.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnabledHosts(Vec<String>);

impl EnabledHosts {
    /// Keeps every valid origin of whatever storage held (garbage entries are dropped).
    pub fn from_stored(raw: &[Loose]) -> EnabledHosts {
        let mut hosts = EnabledHosts::default();
        for origin in raw.iter().filter_map(Loose::as_str) {
            if hosts.0.len() >= MAX_HOSTS {
                break;
            }
            if let Ok(origin) = site_origin(origin) {
                hosts.add(&origin);
            }
        }
        hosts
    }

    pub fn contains(&self, origin: &str) -> bool {
        self.0.binary_search_by(|h| h.as_str().cmp(origin)).is_ok()
    }

    /// Adds an origin (as [`site_origin`] returns it); false when already there or full.
    pub fn add(&mut self, origin: &str) -> bool {
        match self.0.binary_search_by(|h| h.as_str().cmp(origin)) {
            Ok(_) => false,
            Err(_) if self.0.len() >= MAX_HOSTS => false,
            Err(at) => {
                self.0.insert(at, origin.to_string());
                true
            }
        }
    }

    pub fn remove(&mut self, origin: &str) -> bool {
        match self.0.binary_search_by(|h| h.as_str().cmp(origin)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn origins(&self) -> &[String] {
        &self.0
    }

    /// Every GitLab the extension works on: gitlab.com, then each enabled host.
    pub fn gitlab_origins(&self) -> impl Iterator<Item = &str> {
        BUILTIN_ORIGINS
            .iter()
            .copied()
            .chain(self.0.iter().map(String::as_str))
    }

    /// Link patterns of every GitLab the extension works on (what the "Open link in …" items
    /// show on, together).
    pub fn link_patterns(&self) -> Vec<String> {
        self.gitlab_origins().map(match_pattern).collect()
    }
}

/// One "Open link in <name>" context-menu item: the links it shows on, and the target name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkMenuItem {
    /// The default target's item is `base`; another target's is `base:<name>`.
    pub id: String,
    pub name: String,
    pub patterns: Vec<String>,
}

/// The link items: one per target that GitLab hosts open in (gitlab.com and every enabled
/// host), each showing only on its hosts' links, so a link shows exactly one.
pub fn link_menu_items(
    base: &str,
    settings: &crate::settings::Settings,
    hosts: &EnabledHosts,
) -> Vec<LinkMenuItem> {
    let mut items: Vec<LinkMenuItem> = Vec::new();
    for origin in hosts.gitlab_origins() {
        let name = settings.target_for(origin_host(origin)).name();
        let pattern = match_pattern(origin);
        match items.iter_mut().find(|i| i.name == name) {
            Some(item) if !item.patterns.contains(&pattern) => item.patterns.push(pattern),
            Some(_) => {}
            None => items.push(LinkMenuItem {
                id: if name == settings.target.name() {
                    base.to_string()
                } else {
                    format!("{base}:{name}")
                },
                name: name.to_string(),
                patterns: vec![pattern],
            }),
        }
    }
    items
}

/// An origin's host and port (`https://gitlab.example.com:8443` → `gitlab.example.com:8443`).
pub fn origin_host(origin: &str) -> &str {
    origin.split_once("://").map_or(origin, |(_, h)| h)
}
