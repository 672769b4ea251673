//! The Gitpod a user opens pages in: Gitpod (gitpod.io, which now forwards to Ona), Ona
//! (app.ona.com), or their own Dedicated / self-hosted Gitpod Classic. One table
//! ([`capabilities`]) says what each accepts today; the entries, the popup, the account section
//! and the settings form are all derived from it. Pure.
//!
//! What each accepts (`../shared/notes/gitpod-contract.md`, "Gitpod today"):
//! - Gitpod: since 2026-02-05 gitpod.io always runs its "minimal mode": `/#<url>` is
//!   redirected to `https://app.ona.com/#<url>` with the query dropped. "Open" keeps the
//!   documented `https://gitpod.io/#<url>`; "with options" goes straight to where the redirect
//!   leads, since `?autostart=false` would not survive it. The connect flow ends on Ona's login
//!   page there: Ona asks for GitLab access itself.
//! - Ona: `?autostart=true#<url>` and `?autostart=false#<url>` (as the official extension v2.5
//!   opens it). No public `/api/authorize`: an admin adds GitLab to the runner, each user
//!   authorises on their first environment.
//! - Custom (Dedicated, self-hosted Classic): Gitpod's whole classic contract: `/#`,
//!   `?autostart=false`, `editor=`, `workspaceClass=`, the connect flow and the Integrations
//!   page, and the legacy prebuild prefix for old installations, labelled as legacy.

use crate::gitlab_url::GitLabUrl;
use crate::gitpod_url::{url_with, GitpodOrigin, LaunchMode, DEFAULT_GITPOD_ORIGIN};
use crate::prelude::*;

pub const ONA_ORIGIN: &str = "https://app.ona.com";
/// Ona's own page on GitLab access (GitLab's docs link it too, "Register the instance in Ona").
pub const ONA_GITLAB_DOCS: &str = "https://ona.com/docs/ona/source-control/gitlab";
/// The label of a custom target whose user gave it no name.
pub const DEFAULT_NAME: &str = "Gitpod";
/// The longest name kept (it becomes a menu item's label).
pub const MAX_NAME: usize = 40;
/// The longest editor or workspace-class id accepted.
pub const MAX_PRESET: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Gitpod,
    Ona,
    Custom,
}

/// Every kind, in the order the settings offer them.
pub const KINDS: [TargetKind; 3] = [TargetKind::Gitpod, TargetKind::Ona, TargetKind::Custom];

/// How a GitLab account gets connected on a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountFlow {
    /// Gitpod Classic: `/api/authorize`, watched until `/complete-auth` (the popup's button).
    Connect,
    /// Ona: asks for GitLab access when the user's first environment starts; nothing to do here.
    OnFirstEnvironment,
}

/// How a self-hosted GitLab becomes known to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    /// Gitpod Classic's Integrations page, an OAuth application on GitLab, its redirect URL.
    Integrations,
    /// Ona: an admin adds the GitLab host to a runner's repository access.
    RunnerHost,
}

/// Where one launch mode goes: another origin than the target's (where a redirect leads), and
/// the query before `#`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub origin: Option<&'static str>,
    pub query: &'static str,
}

/// What a target accepts today. Everything the UI offers is read from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub open: Route,
    pub with_options: Route,
    /// The legacy `#prebuild/` prefix (refused by current servers; old installations only).
    pub prebuild: bool,
    pub account: AccountFlow,
    pub guide: Guide,
    /// `editor=` / `workspaceClass=` on "Open" (lost in gitpod.io's redirect, unknown to Ona).
    pub presets: bool,
    /// The message key of its one-line explanation (settings, first run).
    pub help: &'static str,
    /// The message key of its label in the settings.
    pub label: &'static str,
}

const GITPOD: Capabilities = Capabilities {
    open: Route {
        origin: None,
        query: "",
    },
    with_options: Route {
        origin: Some(ONA_ORIGIN),
        query: "autostart=false",
    },
    prebuild: false,
    account: AccountFlow::OnFirstEnvironment,
    guide: Guide::RunnerHost,
    presets: false,
    help: "target_help_gitpod",
    label: "target_gitpod",
};

const ONA: Capabilities = Capabilities {
    open: Route {
        origin: None,
        query: "autostart=true",
    },
    with_options: Route {
        origin: None,
        query: "autostart=false",
    },
    prebuild: false,
    account: AccountFlow::OnFirstEnvironment,
    guide: Guide::RunnerHost,
    presets: false,
    help: "target_help_ona",
    label: "target_ona",
};

const CLASSIC: Capabilities = Capabilities {
    open: Route {
        origin: None,
        query: "",
    },
    with_options: Route {
        origin: None,
        query: "autostart=false",
    },
    prebuild: true,
    account: AccountFlow::Connect,
    guide: Guide::Integrations,
    presets: true,
    help: "target_help_custom",
    label: "target_custom",
};

/// The table: what each kind of target accepts today.
pub const fn capabilities(kind: TargetKind) -> &'static Capabilities {
    match kind {
        TargetKind::Gitpod => &GITPOD,
        TargetKind::Ona => &ONA,
        TargetKind::Custom => &CLASSIC,
    }
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

/// A Classic instance's launch presets, applied to "Open": `editor=` and `workspaceClass=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presets {
    pub editor: Option<String>,
    pub workspace_class: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    UnknownKind,
    Origin(crate::gitpod_url::OriginError),
    /// An editor or workspace class that is not an id (`code`, `intellij`, `g1-standard`).
    Preset,
}

impl core::fmt::Display for TargetError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            TargetError::UnknownKind => f.write_str("unknown Gitpod target"),
            TargetError::Origin(e) => write!(f, "Gitpod instance URL: {e}"),
            TargetError::Preset => {
                f.write_str("editor and workspace class: letters, digits, '.', '-' and '_' only")
            }
        }
    }
}

/// An editor or workspace-class id as typed: blank is none; otherwise 1–64 of
/// `[A-Za-z0-9._-]` (it goes into the URL's query unencoded).
pub fn preset(input: &str) -> Result<Option<String>, TargetError> {
    let id = input.trim_matches(|c: char| c.is_ascii_whitespace());
    if id.is_empty() {
        return Ok(None);
    }
    let ok = id.len() <= MAX_PRESET
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    ok.then(|| Some(id.to_string())).ok_or(TargetError::Preset)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitpodTarget {
    kind: TargetKind,
    origin: GitpodOrigin,
    name: String,
    presets: Presets,
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
            presets: Presets::default(),
        }
    }

    pub fn ona() -> GitpodTarget {
        GitpodTarget {
            kind: TargetKind::Ona,
            origin: GitpodOrigin::parse(ONA_ORIGIN).unwrap_or_default(),
            name: "Ona".into(),
            presets: Presets::default(),
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
            presets: Presets::default(),
        }
    }

    /// This target with launch presets, where its kind accepts them (else unchanged).
    pub fn with_presets(mut self, presets: Presets) -> GitpodTarget {
        if capabilities(self.kind).presets {
            self.presets = presets;
        }
        self
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

    /// The target a settings form sent, validated (the worker checks again what the popup
    /// checked): a preset by its kind; a custom instance by its origin, name and presets.
    pub fn from_form(
        kind: Option<&str>,
        origin: &str,
        name: &str,
        editor: &str,
        workspace_class: &str,
    ) -> Result<GitpodTarget, TargetError> {
        let kind = match kind {
            Some(k) => Some(TargetKind::parse(k).ok_or(TargetError::UnknownKind)?),
            None => None,
        };
        if matches!(kind, Some(TargetKind::Gitpod | TargetKind::Ona)) {
            return Ok(GitpodTarget::from_parts(kind, None, ""));
        }
        let origin = GitpodOrigin::parse(origin).map_err(TargetError::Origin)?;
        let presets = Presets {
            editor: preset(editor)?,
            workspace_class: preset(workspace_class)?,
        };
        Ok(GitpodTarget::from_parts(kind, Some(origin), name).with_presets(presets))
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

    pub fn presets(&self) -> &Presets {
        &self.presets
    }

    pub fn capabilities(&self) -> &'static Capabilities {
        capabilities(self.kind)
    }

    pub fn supports(&self, mode: LaunchMode) -> bool {
        match mode {
            LaunchMode::Open | LaunchMode::WithOptions => true,
            LaunchMode::Prebuild => self.capabilities().prebuild,
        }
    }

    /// The URL that opens `context` here (a mode this target does not accept opens plainly).
    pub fn url(&self, context: &GitLabUrl, mode: LaunchMode) -> String {
        let table = self.capabilities();
        let route = match mode {
            LaunchMode::WithOptions => table.with_options,
            LaunchMode::Prebuild if table.prebuild => {
                return url_with(self.origin.as_str(), "/#prebuild/", context);
            }
            LaunchMode::Open | LaunchMode::Prebuild => table.open,
        };
        let mut query = route.query.to_string();
        if mode == LaunchMode::Open {
            for (key, value) in [
                ("editor=", &self.presets.editor),
                ("workspaceClass=", &self.presets.workspace_class),
            ] {
                if let Some(value) = value {
                    if !query.is_empty() {
                        query.push('&');
                    }
                    query.push_str(key);
                    query.push_str(value);
                }
            }
        }
        // Concatenation, not `format!`: the content script stays free of `core::fmt`.
        let middle = if query.is_empty() {
            "/#".to_string()
        } else {
            ["/?", &query, "#"].concat()
        };
        let origin = route.origin.unwrap_or(self.origin.as_str());
        url_with(origin, &middle, context)
    }
}

/// Gitpod Classic's URL contract on any origin: the Dedicated / self-hosted row of the table.
pub fn gitpod_url(origin: &GitpodOrigin, context: &GitLabUrl, mode: LaunchMode) -> String {
    GitpodTarget::custom(origin.clone(), "").url(context, mode)
}

/// Convenience for callers that hold a page URL: parse, then build.
pub fn gitpod_url_for(
    origin: &GitpodOrigin,
    page_url: &str,
    mode: LaunchMode,
) -> Result<String, crate::gitlab_url::UrlError> {
    GitLabUrl::parse(page_url).map(|u| gitpod_url(origin, &u, mode))
}
