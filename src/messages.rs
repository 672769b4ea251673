//! Messages between content script, popup and background worker. Pure: the wire format is
//! serde's, checked on the host; the web glue only converts to and from JS values.

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
    ContentBlocked { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    Pong { version: String },
    Done,
    Error { message: String },
}

impl Request {
    pub fn validate(&self) -> Result<(), String> {
        match self {
            Request::Ping {} => Ok(()),
            Request::ContentBlocked { reason } if reason.len() > MAX_TEXT => {
                Err("reason too long".into())
            }
            Request::ContentBlocked { .. } => Ok(()),
        }
    }
}

impl Reply {
    pub fn error(message: impl Into<String>) -> Reply {
        Reply::Error {
            message: message.into(),
        }
    }
}
