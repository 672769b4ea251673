//! `cargo metadata`, typed: the one reader of the workspace's manifests and dependency graph
//! (the crate version for the build, the shipped crates for `THIRD_PARTY_LICENSES`). Only the
//! fields used are declared; serde skips the rest.

use crate::{cargo, output, Result};
use serde::Deserialize;
use std::path::Path;
use std::process::Command;

#[derive(Deserialize)]
pub struct Metadata {
    pub packages: Vec<Package>,
    /// Absent with `--no-deps`.
    pub resolve: Option<Resolve>,
}

#[derive(Deserialize)]
pub struct Package {
    pub id: String,
    pub name: String,
    pub version: String,
    pub license: Option<String>,
    pub repository: Option<String>,
    pub manifest_path: String,
    #[serde(default)]
    pub targets: Vec<Target>,
}

#[derive(Deserialize)]
pub struct Target {
    pub kind: Vec<String>,
}

#[derive(Deserialize)]
pub struct Resolve {
    pub nodes: Vec<Node>,
}

#[derive(Deserialize)]
pub struct Node {
    pub id: String,
    #[serde(default)]
    pub deps: Vec<NodeDep>,
}

#[derive(Deserialize)]
pub struct NodeDep {
    pub pkg: String,
    #[serde(default)]
    pub dep_kinds: Vec<DepKind>,
}

#[derive(Deserialize)]
pub struct DepKind {
    /// `None`: a normal dependency; `dev`, `build` otherwise.
    pub kind: Option<String>,
}

impl Package {
    pub fn is_proc_macro(&self) -> bool {
        self.targets
            .iter()
            .any(|t| t.kind.iter().any(|k| k == "proc-macro"))
    }
}

/// `cargo metadata --format-version 1` in `root` with `args`.
pub fn metadata(root: &Path, args: &[&str]) -> Result<Metadata> {
    let json = output(
        Command::new(cargo())
            .current_dir(root)
            .args(["metadata", "--format-version", "1"])
            .args(args),
    )
    .ok_or("cargo metadata failed")?;
    serde_json::from_str(&json).map_err(|e| format!("cargo metadata: {e}"))
}

/// The version of the workspace package `name` (its own manifest's; nothing downloaded).
pub fn package_version(root: &Path, name: &str) -> Result<String> {
    metadata(root, &["--no-deps", "--offline"])?
        .packages
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.version)
        .ok_or_else(|| format!("cargo metadata: no package {name}"))
}
