//! Messages between content script, popup and background worker. Pure: the wire format is
//! serde's, checked on the host; the web glue only converts to and from JS values.

use crate::gitpod_url::LaunchMode;
use crate::settings::{Flags, HostTargetForm, TargetForm};
use serde::{Deserialize, Serialize};

/// Longest free-text field accepted in a request; longer ones are refused, not truncated.
pub const MAX_TEXT: usize = 2048;

/// What a content script or the popup may ask of the worker. Anything that does not decode
/// into one of these, or fails [`Request::validate`], gets [`Reply::Error`] and is not acted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Liveness check; proves the message path end to end.
    Ping {},
    /// The content script could not start on this page (e.g. the page's CSP forbids WebAssembly).
    ContentBlocked {
        reason: String,
    },
    /// The content wasm, for a content script on a page that may not fetch it (a self-hosted
    /// GitLab: the manifest makes the file web-accessible to gitlab.com only).
    ContentWasm {},
    /// Open a GitLab page in Gitpod (popup): new tab or `tab_id`, per the settings; the mode
    /// becomes the host's last action.
    Open {
        url: String,
        mode: LaunchMode,
        #[serde(default)]
        tab_id: Option<i32>,
    },
    /// Start the connect flow for a GitLab host (`gitlab.com`, `gitlab.example.com:8443`).
    Connect {
        host: String,
    },
    /// Replace the settings (popup form). Everything is validated again here
    /// (`Settings::from_form`).
    SaveSettings {
        target: TargetForm,
        /// GitLab hosts that open somewhere else than `target`.
        #[serde(default)]
        host_targets: Vec<HostTargetForm>,
        /// Every switch (`settings::FLAGS`); one left out keeps its default.
        #[serde(default)]
        flags: Flags,
    },
    /// Enable a self-hosted GitLab whose permission the popup was just granted; `tab_id`, if
    /// given, gets the content script at once.
    EnableHost {
        origin: String,
        #[serde(default)]
        tab_id: Option<i32>,
    },
    DisableHost {
        origin: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    Pong {
        version: String,
    },
    /// The content wasm's bytes, base64.
    Wasm {
        base64: String,
    },
    Done,
    Error {
        message: String,
    },
}

impl Request {
    pub fn validate(&self) -> Result<(), String> {
        let texts: Vec<&str> = match self {
            Request::Ping {} | Request::ContentWasm {} => vec![],
            Request::ContentBlocked { reason } => vec![reason],
            Request::Open { url, .. } => vec![url],
            Request::Connect { host } => vec![host],
            Request::SaveSettings {
                target,
                host_targets,
                ..
            } => {
                if host_targets.len() > crate::settings::MAX_HOST_TARGETS {
                    return Err("request too long".into());
                }
                host_targets
                    .iter()
                    .flat_map(|h| h.target.texts().into_iter().chain([h.host.as_str()]))
                    .chain(target.texts())
                    .collect()
            }
            Request::EnableHost { origin, .. } | Request::DisableHost { origin } => vec![origin],
        };
        if texts.iter().any(|t| t.len() > MAX_TEXT) {
            return Err("request too long".into());
        }
        Ok(())
    }
}

impl Reply {
    pub fn error(message: impl Into<String>) -> Reply {
        Reply::Error {
            message: message.into(),
        }
    }
}
