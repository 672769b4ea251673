//! Connecting a GitLab account to Gitpod: the URLs of Gitpod's flow, reading its completion
//! page, and the record kept while it runs. Pure. The contract is Gitpod's own (see
//! `../shared/notes/gitpod-contract.md`): open `/api/authorize` in a tab, watch that tab until
//! it reaches `/complete-auth?message=success` or `message=error:<base64 JSON>`.

use crate::gitpod_url::GitpodOrigin;
use crate::loose::{one_of, parse_json, serde_via_loose, Fields, FromLoose, Loose, ToLoose};
use crate::prelude::*;
use crate::url_parts::with_parsed;
use form_urlencoded::byte_serialize;

/// Storage key (`storage.local`: the flow is per device) of the latest [`ConnectRecord`].
pub const CONNECT_KEY: &str = "connect";

fn enc(s: &str) -> String {
    byte_serialize(s.as_bytes()).collect()
}

/// Gitpod's authorize URL for `gitlab_host` (`gitlab.com`, `gitlab.example.com:8443`).
/// Empty `scopes` asks for Gitpod's default for GitLab (`read_user,api`).
pub fn authorize_url(origin: &GitpodOrigin, gitlab_host: &str) -> String {
    let origin = origin.as_str();
    let return_to = format!("{origin}/complete-auth?message=success");
    format!(
        "{origin}/api/authorize?returnTo={}&host={}&override=true&scopes=",
        enc(&return_to),
        enc(gitlab_host)
    )
}

/// Where a user manages Git provider integrations (and connects by hand).
pub fn integrations_url(origin: &GitpodOrigin) -> String {
    format!("{}/user/integrations", origin.as_str())
}

/// The OAuth redirect URL Gitpod expects for a GitLab it does not know yet; the GitLab
/// application must be created with exactly this URL.
pub fn callback_url(origin: &GitpodOrigin, gitlab_host: &str) -> String {
    format!("{}/auth/{}/callback", origin.as_str(), gitlab_host)
}

/// Where a GitLab user creates OAuth applications and revokes Gitpod's access
/// (GitLab ≥ 16.x; older versions redirect from `/-/profile/applications`).
pub fn applications_url(gitlab_origin: &str) -> String {
    format!(
        "{}/-/user_settings/applications",
        gitlab_origin.trim_end_matches('/')
    )
}

/// How a connect flow ended, read from the URL its tab reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failed(String),
}

/// `Some` once `tab_url` is Gitpod's completion page on `origin`; `None` while the flow is
/// still elsewhere (Gitpod's login, GitLab's consent page, …).
pub fn outcome(tab_url: &str, origin: &GitpodOrigin) -> Option<Outcome> {
    let message = with_parsed(tab_url, (), |url| {
        if url.origin != origin.as_str() || url.path != "/complete-auth" {
            return Err(());
        }
        // The raw query, not the form-decoded pair: standard base64 may carry `+`, which form
        // decoding would turn into a space.
        url.query
            .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("message=")))
            .map(percent_decode)
            .ok_or(())
    })
    .ok()?;
    if message == "success" {
        return Some(Outcome::Success);
    }
    let detail = message
        .strip_prefix("error:")
        .map(error_detail)
        .unwrap_or_else(|| "Gitpod did not confirm the connection".to_string());
    Some(Outcome::Failed(detail))
}

fn percent_decode(s: &str) -> String {
    form_urlencoded::parse(format!("m={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Gitpod encodes `{"code": 400, "error": "…"}` (Go side) or `{"error": …, "description": …}`
/// (TypeScript side); shows whichever text it carries, bounded, never the raw blob.
fn error_detail(encoded: &str) -> String {
    const FALLBACK: &str = "Gitpod reported an error";
    let Some(bytes) = crate::base64::decode(encoded.trim()) else {
        return FALLBACK.to_string();
    };
    let Some(value) = core::str::from_utf8(&bytes).ok().and_then(parse_json) else {
        return FALLBACK.to_string();
    };
    let text = ["description", "error", "message"]
        .iter()
        .find_map(|k| value.get(k).and_then(Loose::as_str))
        .filter(|t| !t.trim().is_empty());
    match text {
        Some(t) => t.chars().take(300).collect(),
        None => FALLBACK.to_string(),
    }
}

/// Where the latest connect flow stands. Kept in storage because the worker may be stopped
/// while the user signs in, and the popup is closed as soon as the Gitpod tab opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectState {
    Pending,
    Connected,
    Failed,
    /// The tab was closed before Gitpod said anything.
    Abandoned,
}

impl ConnectState {
    const ALL: [ConnectState; 4] = [
        ConnectState::Pending,
        ConnectState::Connected,
        ConnectState::Failed,
        ConnectState::Abandoned,
    ];

    /// The stored name.
    pub fn wire(self) -> &'static str {
        match self {
            ConnectState::Pending => "pending",
            ConnectState::Connected => "connected",
            ConnectState::Failed => "failed",
            ConnectState::Abandoned => "abandoned",
        }
    }
}

impl FromLoose for ConnectState {
    fn from_loose(value: &Loose) -> Result<ConnectState, String> {
        one_of(value, &ConnectState::ALL, ConnectState::wire)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectRecord {
    /// The GitLab host being connected.
    pub host: String,
    pub state: ConnectState,
    /// The tab running the flow (while pending).
    pub tab_id: Option<i32>,
    /// Gitpod's error text (when failed).
    pub message: Option<String>,
    /// The Gitpod instance the flow ran against.
    pub origin: String,
}

impl FromLoose for ConnectRecord {
    fn from_loose(value: &Loose) -> Result<ConnectRecord, String> {
        let f = Fields::of(value)?;
        Ok(ConnectRecord {
            host: f.text("host")?,
            state: f.required("state")?,
            tab_id: f.optional("tab_id")?,
            message: f.optional("message")?,
            origin: f.text("origin")?,
        })
    }
}

impl ToLoose for ConnectRecord {
    fn to_loose(&self) -> Loose {
        Loose::object([
            ("host", self.host.as_str().into()),
            ("state", self.state.wire().into()),
            ("tab_id", self.tab_id.into()),
            ("message", self.message.clone().into()),
            ("origin", self.origin.as_str().into()),
        ])
    }
}

serde_via_loose!(read ConnectRecord);
serde_via_loose!(write ConnectRecord);

impl ConnectRecord {
    pub fn pending(host: &str, origin: &GitpodOrigin, tab_id: i32) -> Self {
        ConnectRecord {
            host: host.to_string(),
            state: ConnectState::Pending,
            tab_id: Some(tab_id),
            message: None,
            origin: origin.as_str().to_string(),
        }
    }

    /// The record once the flow's tab reached `outcome`.
    pub fn finished(mut self, outcome: Outcome) -> Self {
        self.tab_id = None;
        match outcome {
            Outcome::Success => self.state = ConnectState::Connected,
            Outcome::Failed(m) => {
                self.state = ConnectState::Failed;
                self.message = Some(m);
            }
        }
        self
    }

    pub fn abandoned(mut self) -> Self {
        self.tab_id = None;
        self.state = ConnectState::Abandoned;
        self
    }
}

/// A GitLab host as the connect flow names it (`gitlab.com`, `gitlab.example.com:8443`),
/// lowercased; None for anything else (paths, credentials, schemes, spaces).
pub fn gitlab_host(input: &str) -> Option<String> {
    with_parsed(&format!("https://{input}"), (), |url| {
        let bare = url.has_host && url.path == "/" && url.query.is_none() && !url.has_credentials;
        (bare && url.host == input.to_ascii_lowercase())
            .then(|| url.host.to_string())
            .ok_or(())
    })
    .ok()
}
