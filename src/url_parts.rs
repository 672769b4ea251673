//! The parts of a parsed URL the core reads. Pure.
//!
//! The worker, the popup and the host tests take them from the `url` crate; the content script
//! takes them from the browser's own WHATWG parser (`location`, `URL`), which implements the same
//! standard. That keeps the `url` crate, and its IDNA code, out of the wasm every GitLab page loads.

use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Lowercase, without `:` (`https`).
    pub scheme: &'a str,
    /// ASCII serialisation of the origin, default port elided (`https://gitlab.com`).
    pub origin: &'a str,
    pub has_host: bool,
    /// A user name or password is present.
    pub has_credentials: bool,
    /// The serialised path, still percent-encoded (`/group/project/-/tree/main`).
    pub path: &'a str,
    pub has_query: bool,
    pub has_fragment: bool,
}

impl<'a> UrlParts<'a> {
    /// The parts of a `url::Url`; `origin` is its `origin().ascii_serialization()`, which the
    /// caller keeps alive.
    pub fn of(url: &'a Url, origin: &'a str) -> UrlParts<'a> {
        UrlParts {
            scheme: url.scheme(),
            origin,
            has_host: url.host_str().is_some(),
            has_credentials: !url.username().is_empty() || url.password().is_some(),
            path: url.path(),
            has_query: url.query().is_some(),
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
pub fn with_parsed<T, E>(
    input: &str,
    invalid: E,
    f: impl FnOnce(&UrlParts<'_>) -> Result<T, E>,
) -> Result<T, E> {
    let url = Url::parse(input.trim()).map_err(|_| invalid)?;
    let origin = url.origin().ascii_serialization();
    f(&UrlParts::of(&url, &origin))
}
