//! The parts of a parsed URL the core reads. Pure.
//!
//! The host tests take them from the `url` crate; every shipped wasm takes them from the
//! browser's own WHATWG parser (`URL`), which implements the same standard, handed in by the
//! glue at start ([`use_parser`]) so the core never imports the glue. That keeps the `url`
//! crate's parser, and its IDNA code, out of the wasm.

use crate::prelude::*;
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

/// A URL as the glue's parser hands it over: owned parts (the browser's `URL` getters give
/// strings anyway), read through [`ParsedUrl::parts`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedUrl {
    /// Lowercase, without `:`.
    pub scheme: String,
    pub origin: String,
    pub host: String,
    pub has_credentials: bool,
    pub path: String,
    pub query: Option<String>,
    pub has_fragment: bool,
}

impl ParsedUrl {
    pub fn parts(&self) -> UrlParts<'_> {
        UrlParts {
            scheme: &self.scheme,
            origin: &self.origin,
            has_host: !self.host.is_empty(),
            host: &self.host,
            has_credentials: self.has_credentials,
            path: &self.path,
            query: self.query.as_deref(),
            has_fragment: self.has_fragment,
        }
    }
}

/// A URL parser as the glue provides it (`None`: not a URL).
pub type Parser = fn(input: &str) -> Option<ParsedUrl>;

/// The browser's parser, from the glue (`web::start`); none yet: every URL is invalid.
#[cfg(target_arch = "wasm32")]
static PARSER: crate::handed_in::HandedIn<Parser> = crate::handed_in::HandedIn::new();

/// In the extension: where URLs are parsed (each wasm's entry sets it first).
#[cfg(target_arch = "wasm32")]
pub fn use_parser(parser: Parser) {
    PARSER.set(parser);
}

/// In the extension: parses with the parser handed in and gives the parts to `f`.
#[cfg(target_arch = "wasm32")]
pub fn with_parsed<T, E>(
    input: &str,
    invalid: E,
    f: impl FnOnce(&UrlParts<'_>) -> Result<T, E>,
) -> Result<T, E> {
    match PARSER.get().and_then(|parse| parse(input.trim())) {
        Some(url) => f(&url.parts()),
        None => Err(invalid),
    }
}
