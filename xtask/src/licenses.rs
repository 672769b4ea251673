//! `THIRD_PARTY_LICENSES`, shipped in both zips: every crate the shipped wasm is built from (the
//! extension crate's normal dependencies for wasm32 with every entry feature, transitively),
//! with its licence expression, repository and licence files. From `cargo metadata` and the
//! crates' own sources, offline; sorted, so the file is the same on every machine.

use crate::metadata::{metadata, Node, Package};
use crate::{cargo, fetch_locked, output, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

const ROOT_PACKAGE: &str = "gitpod-gitlab";
/// Every entry's features: the two wasm builds together.
const ALL_ENTRIES: &str = "content,background,popup";

/// One shipped crate.
pub struct Crate {
    pub name: String,
    pub version: String,
    pub license: String,
    repository: String,
    texts: Vec<(String, String)>,
}

/// The crates in the shipped wasm, by name and version.
pub fn shipped_crates(root: &Path) -> Result<Vec<Crate>> {
    // `cargo metadata` reads the manifest of every crate in Cargo.lock, other platforms' too
    // (windows-sys, r-efi …), which a build never downloads: fetch them all first (a no-op
    // when they are there), so the licence list works in a fresh cargo home.
    fetch_locked(root)?;
    let meta = metadata(
        root,
        &[
            "--locked",
            "--offline",
            "--filter-platform",
            "wasm32-unknown-unknown",
            "--features",
            ALL_ENTRIES,
        ],
    )?;
    let packages: BTreeMap<&str, &Package> =
        meta.packages.iter().map(|p| (p.id.as_str(), p)).collect();
    let nodes: BTreeMap<&str, &Node> = meta
        .resolve
        .as_ref()
        .ok_or("cargo metadata: no resolve")?
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n))
        .collect();
    let root_id = packages
        .iter()
        .find(|(_, p)| p.name == ROOT_PACKAGE)
        .map(|(id, _)| *id)
        .ok_or("cargo metadata: no gitpod-gitlab")?;
    // Normal dependencies only: build scripts' and tests' crates do not ship, and neither do
    // procedural macros (they run in the compiler) or what they use.
    let proc_macro = |id: &str| packages.get(id).is_some_and(|p| p.is_proc_macro());
    let mut seen = BTreeSet::new();
    let mut todo = vec![root_id];
    while let Some(id) = todo.pop() {
        let Some(node) = nodes.get(id) else { continue };
        for dep in &node.deps {
            let normal = dep.dep_kinds.iter().any(|k| k.kind.is_none());
            let dep_id = dep.pkg.as_str();
            if normal && !proc_macro(dep_id) && seen.insert(dep_id) {
                todo.push(dep_id);
            }
        }
    }
    let built = built_crates(root)?;
    let mut crates: Vec<Crate> = seen
        .iter()
        .filter_map(|id| packages.get(id))
        .filter(|p| built.contains(&format!("{} v{}", p.name, p.version)))
        .map(|p| crate_of(p))
        .collect();
    crates.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    Ok(crates)
}

/// `name vX.Y.Z` of every crate a wasm build of the extension compiles. `cargo metadata`'s
/// resolve unifies features over the whole workspace, so the build tool's dependencies switch on
/// optional dependencies there (hashbrown's allocator-api2 for the minifier) that the wasm never
/// links; `cargo tree` resolves for the selected package only, as the build does.
fn built_crates(root: &Path) -> Result<BTreeSet<String>> {
    let tree = output(Command::new(cargo()).current_dir(root).args([
        "tree",
        "--locked",
        "--offline",
        "--package",
        ROOT_PACKAGE,
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        ALL_ENTRIES,
        "--edges",
        "normal",
        "--prefix",
        "none",
        "--format",
        "{p}",
    ]))
    .ok_or("cargo tree failed")?;
    // Path crates print their directory after the version: keep `name vX.Y.Z`.
    Ok(tree
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            Some(format!("{} {}", words.next()?, words.next()?))
        })
        .collect())
}

fn crate_of(p: &Package) -> Crate {
    let dir = Path::new(&p.manifest_path).parent();
    let mut texts = Vec::new();
    if let Some(dir) = dir {
        let mut files: Vec<String> = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|f| {
                let upper = f.to_ascii_uppercase();
                upper.starts_with("LICENSE")
                    || upper.starts_with("LICENCE")
                    || upper.starts_with("COPYING")
                    || upper.starts_with("NOTICE")
            })
            .collect();
        files.sort();
        for f in files {
            if let Ok(body) = fs::read_to_string(dir.join(&f)) {
                texts.push((f, body));
            }
        }
    }
    Crate {
        name: p.name.clone(),
        version: p.version.clone(),
        license: p.license.clone().unwrap_or_default(),
        repository: p.repository.clone().unwrap_or_default(),
        texts,
    }
}

/// The file's text: a summary table, then each distinct licence text once, with the crates
/// (and their file names) that carry it.
pub fn third_party_licenses(crates: &[Crate]) -> String {
    let mut out = String::from(
        "Third-party software in Gitpod for GitLab's WebAssembly (generated by `cargo xtask build`)\n\n",
    );
    for c in crates {
        out.push_str(&format!(
            "{} {}: {} {}\n",
            c.name, c.version, c.license, c.repository
        ));
    }
    // Text → the crates carrying it, in first-seen (name) order.
    let mut texts: Vec<(&str, Vec<String>)> = Vec::new();
    for c in crates {
        if c.texts.is_empty() {
            texts.push((
                "",
                vec![format!(
                    "{} {} (no licence file; {})",
                    c.name, c.version, c.license
                )],
            ));
        }
        for (file, body) in &c.texts {
            let body = body.trim_end();
            let who = format!("{} {} ({file})", c.name, c.version);
            match texts.iter_mut().find(|(t, _)| *t == body) {
                Some((_, users)) => users.push(who),
                None => texts.push((body, vec![who])),
            }
        }
    }
    for (body, users) in texts {
        out.push_str(&format!("\n\n==== {}\n", users.join(", ")));
        if !body.is_empty() {
            out.push_str(&format!("\n{body}\n"));
        }
    }
    out
}
