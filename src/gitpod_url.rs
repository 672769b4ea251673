//! Gitpod URLs: `<gitpod origin>/#<GitLab URL>` and its variants. Pure.

use crate::gitlab_url::{GitLabUrl, UrlError};
use serde::{Deserialize, Serialize};
use std::fmt;
use url::Url;

pub const DEFAULT_GITPOD_ORIGIN: &str = "https://gitpod.io";

/// A validated Gitpod instance: an http(s) origin, nothing else (no path, query or credentials).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitpodOrigin(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginError {
    Invalid,
    UnsupportedScheme(String),
    /// Credentials, a path, a query or a fragment: a Gitpod instance is an origin only.
    NotAnOrigin,
}

impl fmt::Display for OriginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OriginError::Invalid => f.write_str("enter a URL such as https://gitpod.io"),
            OriginError::UnsupportedScheme(s) => {
                write!(f, "{s}: only http:// and https:// are allowed")
            }
            OriginError::NotAnOrigin => {
                f.write_str("enter only the scheme and host, e.g. https://gitpod.example.com")
            }
        }
    }
}

impl GitpodOrigin {
    pub fn parse(input: &str) -> Result<Self, OriginError> {
        let url = Url::parse(input.trim()).map_err(|_| OriginError::Invalid)?;
        match url.scheme() {
            "http" | "https" => {}
            other => return Err(OriginError::UnsupportedScheme(other.to_string())),
        }
        let bare = url.username().is_empty()
            && url.password().is_none()
            && url.path() == "/"
            && url.query().is_none()
            && url.fragment().is_none();
        if !bare || url.host_str().is_none() {
            return Err(OriginError::NotAnOrigin);
        }
        Ok(GitpodOrigin(url.origin().ascii_serialization()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for GitpodOrigin {
    fn default() -> Self {
        GitpodOrigin(DEFAULT_GITPOD_ORIGIN.to_string())
    }
}

/// How to start the workspace. Serialised names are stable: they are stored and sent in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaunchMode {
    /// `<gitpod>/#<url>`
    Open,
    /// `<gitpod>/?autostart=false#<url>`: Gitpod asks for editor and class first.
    WithOptions,
    /// `<gitpod>/#prebuild/<url>`: legacy, current Gitpod servers reject it.
    Prebuild,
}

/// The Gitpod URL that opens `context`.
pub fn gitpod_url(origin: &GitpodOrigin, context: &GitLabUrl, mode: LaunchMode) -> String {
    let context = context.canonical();
    let origin = origin.as_str();
    match mode {
        LaunchMode::Open => format!("{origin}/#{context}"),
        LaunchMode::WithOptions => format!("{origin}/?autostart=false#{context}"),
        LaunchMode::Prebuild => format!("{origin}/#prebuild/{context}"),
    }
}

/// Convenience for callers that hold a page URL: parse, then build.
pub fn gitpod_url_for(
    origin: &GitpodOrigin,
    page_url: &str,
    mode: LaunchMode,
) -> Result<String, UrlError> {
    GitLabUrl::parse(page_url).map(|u| gitpod_url(origin, &u, mode))
}
