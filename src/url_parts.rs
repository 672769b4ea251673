//! The parts of a parsed URL the core reads. Pure.
//!
//! The host tests take them from the `url` crate; every shipped wasm takes them from the
//! browser's own WHATWG parser (`URL`, `location`: `crate::web::browser_url`), which implements
//! the same standard. That keeps the `url` crate's parser, and its IDNA code, out of the wasm.

#[cfg(not(target_arch = "wasm32"))]
use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Lowercase, without `:` (`https`).
    pub scheme: &'a str,
    /// ASCII serialisation of the origin, default port elided (`https://gitlab.com`).
    pub origin: &'a str,
    pub has_host: bool,
    /// Host and non-default port, as WHATWG's `host` (`gitlab.example.com:8443`).
    pub host: &'a str,
    /// A user name or password is present.
    pub has_credentials: bool,
    /// The serialised path, still percent-encoded (`/group/project/-/tree/main`).
    pub path: &'a str,
    /// The query, without `?`.
    pub query: Option<&'a str>,
    pub has_fragment: bool,
}

impl<'a> UrlParts<'a> {
    /// The parts of a `url::Url`; `origin` is its `origin().ascii_serialization()` and `host`
    /// its host and port, which the caller keeps alive.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of(url: &'a Url, origin: &'a str, host: &'a str) -> UrlParts<'a> {
        UrlParts {
            scheme: url.scheme(),
            origin,
            has_host: url.host_str().is_some(),
            host,
            has_credentials: !url.username().is_empty() || url.password().is_some(),
            path: url.path(),
            query: url.query(),
            has_fragment: url.fragment().is_some(),
        }
    }

    pub fn is_http(&self) -> bool {
        matches!(self.scheme, "http" | "https")
    }

    /// Non-empty path segments (GitLab ignores empty ones).
    pub fn segments(&self) -> impl Iterator<Item = &'a str> {
        self.path.split('/').filter(|s| !s.is_empty())
    }
}

/// Parses with the `url` crate and hands the parts to `f`.
#[cfg(not(target_arch = "wasm32"))]
pub fn with_parsed<T, E>(
    input: &str,
    invalid: E,
    f: impl FnOnce(&UrlParts<'_>) -> Result<T, E>,
) -> Result<T, E> {
    let url = Url::parse(input.trim()).map_err(|_| invalid)?;
    let origin = url.origin().ascii_serialization();
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (host, _) => host.unwrap_or_default().to_string(),
    };
    f(&UrlParts::of(&url, &origin, &host))
}

/// In the extension: the browser's parser.
#[cfg(target_arch = "wasm32")]
pub use crate::web::browser_url::with_parsed;
