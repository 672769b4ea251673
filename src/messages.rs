//! Messages between content script, popup and background worker. Pure: each message reads and
//! writes itself as a [`Loose`] value (internally tagged by `type`, snake_case names, as serde
//! would), checked on the host; the web glue only converts to and from JS values.

use crate::gitpod_url::LaunchMode;
use crate::loose::{serde_via_loose, tag, Fields, FromLoose, Loose, ToLoose};
use crate::prelude::*;
use crate::settings::{Flags, HostTargetForm, TargetForm};

/// Longest free-text field accepted in a request; longer ones are refused, not truncated.
pub const MAX_TEXT: usize = 2048;

/// What a content script or the popup may ask of the worker. Anything that does not decode
/// into one of these, or fails [`Request::validate`], gets [`Reply::Error`] and is not acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        host_targets: Vec<HostTargetForm>,
        /// Every switch (`settings::FLAGS`); one left out keeps its default.
        flags: Flags,
    },
    /// Enable a self-hosted GitLab whose permission the popup was just granted; `tab_id`, if
    /// given, gets the content script at once.
    EnableHost {
        origin: String,
        tab_id: Option<i32>,
    },
    DisableHost {
        origin: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A request's fields after its `type`, no other field accepted (serde's `deny_unknown_fields`).
fn fields<'a>(value: &'a Loose, known: &[&str]) -> Result<Fields<'a>, String> {
    let mut all = vec!["type"];
    all.extend_from_slice(known);
    Fields::strict(value, &all)
}

impl FromLoose for Request {
    fn from_loose(v: &Loose) -> Result<Request, String> {
        Ok(match tag(v)? {
            "ping" => {
                fields(v, &[])?;
                Request::Ping {}
            }
            "content_blocked" => Request::ContentBlocked {
                reason: fields(v, &["reason"])?.text("reason")?,
            },
            "content_wasm" => {
                fields(v, &[])?;
                Request::ContentWasm {}
            }
            "open" => {
                let f = fields(v, &["url", "mode", "tab_id"])?;
                Request::Open {
                    url: f.text("url")?,
                    mode: f.required("mode")?,
                    tab_id: f.optional("tab_id")?,
                }
            }
            "connect" => Request::Connect {
                host: fields(v, &["host"])?.text("host")?,
            },
            "save_settings" => {
                let f = fields(v, &["target", "host_targets", "flags"])?;
                Request::SaveSettings {
                    target: f.required("target")?,
                    host_targets: f.or_default("host_targets")?,
                    flags: f.or_default("flags")?,
                }
            }
            "enable_host" => {
                let f = fields(v, &["origin", "tab_id"])?;
                Request::EnableHost {
                    origin: f.text("origin")?,
                    tab_id: f.optional("tab_id")?,
                }
            }
            "disable_host" => Request::DisableHost {
                origin: fields(v, &["origin"])?.text("origin")?,
            },
            _ => return Err("unknown request type".to_string()),
        })
    }
}

impl ToLoose for Request {
    fn to_loose(&self) -> Loose {
        let (kind, mut rest): (&str, Vec<(&str, Loose)>) = match self {
            Request::Ping {} => ("ping", vec![]),
            Request::ContentBlocked { reason } => {
                ("content_blocked", vec![("reason", reason.as_str().into())])
            }
            Request::ContentWasm {} => ("content_wasm", vec![]),
            Request::Open { url, mode, tab_id } => (
                "open",
                vec![
                    ("url", url.as_str().into()),
                    ("mode", mode.to_loose()),
                    ("tab_id", (*tab_id).into()),
                ],
            ),
            Request::Connect { host } => ("connect", vec![("host", host.as_str().into())]),
            Request::SaveSettings {
                target,
                host_targets,
                flags,
            } => (
                "save_settings",
                vec![
                    ("target", target.to_loose()),
                    (
                        "host_targets",
                        Loose::Array(host_targets.iter().map(ToLoose::to_loose).collect()),
                    ),
                    ("flags", flags.to_loose()),
                ],
            ),
            Request::EnableHost { origin, tab_id } => (
                "enable_host",
                vec![
                    ("origin", origin.as_str().into()),
                    ("tab_id", (*tab_id).into()),
                ],
            ),
            Request::DisableHost { origin } => {
                ("disable_host", vec![("origin", origin.as_str().into())])
            }
        };
        rest.insert(0, ("type", kind.into()));
        Loose::object(rest)
    }
}

impl FromLoose for Reply {
    fn from_loose(v: &Loose) -> Result<Reply, String> {
        let f = Fields::of(v)?;
        Ok(match tag(v)? {
            "pong" => Reply::Pong {
                version: f.text("version")?,
            },
            "wasm" => Reply::Wasm {
                base64: f.text("base64")?,
            },
            "done" => Reply::Done,
            "error" => Reply::Error {
                message: f.text("message")?,
            },
            _ => return Err("unknown reply type".to_string()),
        })
    }
}

impl ToLoose for Reply {
    fn to_loose(&self) -> Loose {
        Loose::object(match self {
            Reply::Pong { version } => vec![
                ("type", "pong".into()),
                ("version", version.as_str().into()),
            ],
            Reply::Wasm { base64 } => {
                vec![("type", "wasm".into()), ("base64", base64.as_str().into())]
            }
            Reply::Done => vec![("type", "done".into())],
            Reply::Error { message } => {
                vec![
                    ("type", "error".into()),
                    ("message", message.as_str().into()),
                ]
            }
        })
    }
}

serde_via_loose!(read Request, Reply);
serde_via_loose!(write Request, Reply);

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
