//! The Gitpod a user opens pages in: Gitpod (gitpod.io), Ona (app.ona.com), or their own
//! Dedicated / self-hosted instance. Each knows its name (the entry's label) and which launch
//! modes it accepts. Pure.
//!
//! What each accepts (`../shared/notes/gitpod-contract.md`, the official extension v2.5.x):
//! - Gitpod: `/#<url>` and `/?autostart=false#<url>` (Gitpod Classic's dashboard). Since 2026
//!   gitpod.io may forward to Ona and drop the query, so "with options" may start at once there.
//!   The `#prebuild/` prefix is refused by the server since Nov 2022: not offered.
//! - Ona: `?autostart=true#<url>` and `?autostart=false#<url>`, as the official extension opens
//!   it (read from its source; not checked against Ona's own code). No prebuild prefix.
//! - Custom (Dedicated, self-hosted): Gitpod's own URL contract, and the legacy prebuild for
//!   old installations, labelled as legacy.

use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::{gitpod_url, url_with, GitpodOrigin, LaunchMode, DEFAULT_GITPOD_ORIGIN};

pub const ONA_ORIGIN: &str = "https://app.ona.com";
/// The label of a custom target whose user gave it no name.
pub const DEFAULT_NAME: &str = "Gitpod";
/// The longest name kept (it becomes a menu item's label).
pub const MAX_NAME: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Gitpod,
    Ona,
    Custom,
}

impl TargetKind {
    /// As stored and sent in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Gitpod => "gitpod",
            TargetKind::Ona => "ona",
            TargetKind::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<TargetKind> {
        match s {
            "gitpod" => Some(TargetKind::Gitpod),
            "ona" => Some(TargetKind::Ona),
            "custom" => Some(TargetKind::Custom),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitpodTarget {
    kind: TargetKind,
    origin: GitpodOrigin,
    name: String,
}

impl Default for GitpodTarget {
    fn default() -> Self {
        GitpodTarget::gitpod()
    }
}

impl GitpodTarget {
    pub fn gitpod() -> GitpodTarget {
        GitpodTarget {
            kind: TargetKind::Gitpod,
            origin: GitpodOrigin::default(),
            name: "Gitpod".into(),
        }
    }

    pub fn ona() -> GitpodTarget {
        GitpodTarget {
            kind: TargetKind::Ona,
            origin: GitpodOrigin::parse(ONA_ORIGIN).unwrap_or_default(),
            name: "Ona".into(),
        }
    }

    /// A Dedicated / self-hosted instance; a blank name reads "Gitpod", a long one is cut.
    pub fn custom(origin: GitpodOrigin, name: &str) -> GitpodTarget {
        // ASCII whitespace only: Unicode's tables would double this in the content wasm.
        let name: String = name.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        let name: String = name.chars().take(MAX_NAME).collect();
        GitpodTarget {
            kind: TargetKind::Custom,
            origin,
            name: if name.is_empty() {
                DEFAULT_NAME.into()
            } else {
                name
            },
        }
    }

    /// The target a stored (or older, origin-only) setting describes: a known origin is its
    /// preset; any other is a custom instance.
    pub fn from_parts(kind: Option<TargetKind>, origin: Option<GitpodOrigin>, name: &str) -> Self {
        match (kind, origin) {
            (Some(TargetKind::Gitpod), _) => GitpodTarget::gitpod(),
            (Some(TargetKind::Ona), _) => GitpodTarget::ona(),
            (_, Some(origin)) if kind.is_none() && origin.as_str() == DEFAULT_GITPOD_ORIGIN => {
                GitpodTarget::gitpod()
            }
            (_, Some(origin)) if kind.is_none() && origin.as_str() == ONA_ORIGIN => {
                GitpodTarget::ona()
            }
            (_, Some(origin)) => GitpodTarget::custom(origin, name),
            (_, None) => GitpodTarget::gitpod(),
        }
    }

    pub fn kind(&self) -> TargetKind {
        self.kind
    }

    pub fn origin(&self) -> &GitpodOrigin {
        &self.origin
    }

    /// What the entries are called: "Gitpod", "Ona", or the custom name.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn supports(&self, mode: LaunchMode) -> bool {
        match mode {
            LaunchMode::Open | LaunchMode::WithOptions => true,
            LaunchMode::Prebuild => self.kind == TargetKind::Custom,
        }
    }

    /// The URL that opens `context` here (a mode this target does not accept opens plainly).
    /// Ona starts a workspace only when told to.
    pub fn url(&self, context: &GitLabUrl, mode: LaunchMode) -> String {
        let mode = if self.supports(mode) {
            mode
        } else {
            LaunchMode::Open
        };
        match (self.kind, mode) {
            (TargetKind::Ona, LaunchMode::Open) => {
                url_with(&self.origin, "/?autostart=true#", context)
            }
            _ => gitpod_url(&self.origin, context, mode),
        }
    }
}
