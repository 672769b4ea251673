//! Gitpod URLs' parts: the validated Gitpod origin, the launch modes, and the context after
//! `#` (what each target puts between them is `gitpod_target`'s table). Pure.

use crate::gitlab_url::GitLabUrl;
use crate::loose::{one_of, serde_via_loose, FromLoose, Loose, ToLoose};
use crate::prelude::*;
use crate::url_parts::{with_parsed, UrlParts};
use core::fmt;

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
        with_parsed(input, OriginError::Invalid, Self::from_parts)
    }

    /// A Gitpod origin from a parsed URL (see `url_parts` for where the parts come from).
    pub fn from_parts(url: &UrlParts<'_>) -> Result<Self, OriginError> {
        if !url.is_http() {
            return Err(OriginError::UnsupportedScheme(url.scheme.to_string()));
        }
        let bare =
            !url.has_credentials && url.path == "/" && url.query.is_none() && !url.has_fragment;
        if !bare || !url.has_host {
            return Err(OriginError::NotAnOrigin);
        }
        Ok(GitpodOrigin(url.origin.to_string()))
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaunchMode {
    /// `<gitpod>/#<url>`
    Open,
    /// `<gitpod>/?autostart=false#<url>`: Gitpod asks for editor and class first.
    WithOptions,
    /// `<gitpod>/#prebuild/<url>`: legacy, current Gitpod servers reject it.
    Prebuild,
}

impl LaunchMode {
    pub const ALL: [LaunchMode; 3] = [
        LaunchMode::Open,
        LaunchMode::WithOptions,
        LaunchMode::Prebuild,
    ];

    /// The stored and sent name.
    pub fn wire(self) -> &'static str {
        match self {
            LaunchMode::Open => "open",
            LaunchMode::WithOptions => "with_options",
            LaunchMode::Prebuild => "prebuild",
        }
    }
}

impl FromLoose for LaunchMode {
    fn from_loose(value: &Loose) -> Result<LaunchMode, String> {
        one_of(value, &LaunchMode::ALL, LaunchMode::wire)
    }
}

impl ToLoose for LaunchMode {
    fn to_loose(&self) -> Loose {
        self.wire().into()
    }
}

serde_via_loose!(read LaunchMode);
serde_via_loose!(write LaunchMode);

/// `<origin><middle><context>`, the context encoded as a fragment.
pub(crate) fn url_with(origin: &str, middle: &str, context: &GitLabUrl) -> String {
    // Concatenation, not `format!`: this runs in the content script, kept free of `core::fmt`.
    [origin, middle, &fragment_encoded(&context.canonical())].concat()
}

/// `text` as a URL fragment: what the WHATWG fragment percent-encode set covers is encoded, so
/// the Gitpod URL is already in the form every URL parser gives back. The canonical GitLab URL
/// only needs it for odd but valid host names (`"`, `` ` ``); found by `tests/fuzz.rs`.
fn fragment_encoded(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b <= b' ' || b >= 0x7f || matches!(b, b'"' | b'<' | b'>' | b'`') {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push(b as char);
        }
    }
    out
}
