//! Packaging: reproducible store zips (fixed timestamps, sorted paths), the source bundle for
//! store review (`cargo xtask package`), its rebuild check, and the Chromium extension id fixed
//! by the manifest's public key (`cargo xtask ext-id`).

use crate::build::{build, crate_version, Built};
use crate::zips::write_zip;
use crate::{cargo, output, read, root, run, Result};
use base64::Engine as _;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium extension id fixed by the manifest's public `key`: sha256 of the key, first
/// 32 hex digits, mapped 0-f to a-p.
pub fn extension_id() -> Result<String> {
    use sha2::Digest as _;
    let manifest: Value =
        serde_json::from_str(&read(&root().join("manifest.json"))?).map_err(|e| e.to_string())?;
    let key = manifest["key"].as_str().ok_or("manifest.json has no key")?;
    let der = base64::engine::general_purpose::STANDARD
        .decode(key)
        .map_err(|e| e.to_string())?;
    let hash = sha2::Sha256::digest(&der);
    Ok(hash[..16]
        .iter()
        .flat_map(|b| [b >> 4, b & 15])
        .map(|n| (b'a' + n) as char)
        .collect())
}

/// `cargo xtask package`: the two store zips and `gitpod-gitlab-<version>-source.zip` (every
/// tracked file, the lockfiles among them, and a BUILDING.md naming the toolchain and the one
/// command that rebuilds the identical zips), all in `dist/`.
pub fn package() -> Result<PathBuf> {
    source_bundle(&build()?)
}

/// The source bundle beside the zips `built` wrote.
pub fn source_bundle(built: &Built) -> Result<PathBuf> {
    let root = root();
    let version = crate_version(&root)?;
    let zips = store_zips(&built.dist, &version);
    let tracked = output(
        Command::new("git")
            .current_dir(&root)
            .args(["ls-files", "-z"]),
    )
    .ok_or("cargo xtask package needs the git checkout (git ls-files)")?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for name in tracked.split('\0').filter(|n| !n.is_empty()) {
        let path = root.join(name);
        if path.is_file() {
            files.push((
                name.to_string(),
                fs::read(&path).map_err(|e| format!("{name}: {e}"))?,
            ));
        }
    }
    files.push((
        "BUILDING.md".into(),
        building_md(&version, &zips)?.into_bytes(),
    ));
    files.sort();
    let prefix = format!("gitpod-gitlab-{version}");
    let out = built.dist.join(format!("{prefix}-source.zip"));
    let entries = files
        .into_iter()
        .map(|(name, bytes)| (format!("{prefix}/{name}"), bytes));
    write_zip(&out, entries, None)?;
    for path in zips.iter().chain([&out]) {
        println!(
            "{}  {}",
            sha256(&fs::read(path).map_err(|e| e.to_string())?),
            path.display()
        );
    }
    Ok(out)
}

fn store_zips(dist: &Path, version: &str) -> Vec<PathBuf> {
    ["chrome", "firefox"]
        .iter()
        .map(|b| dist.join(format!("gitpod-gitlab-{b}-{version}.zip")))
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn building_md(version: &str, zips: &[PathBuf]) -> Result<String> {
    let tool = |cmd: &str| {
        output(Command::new(cmd).arg("--version"))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| format!("{cmd}: not found"))
    };
    let mut hashes = String::new();
    for zip in zips {
        let name = zip.file_name().unwrap_or_default().to_string_lossy();
        hashes.push_str(&format!(
            "    {}  dist/{name}\n",
            sha256(&fs::read(zip).map_err(|e| e.to_string())?)
        ));
    }
    Ok(format!(
        "# Building Gitpod for GitLab {version} from this source\n\n\
         The published zips were built with:\n\n\
         - {rustc}\n- {cargo}\n- the `wasm32-unknown-unknown` target (rustup installs it from `rust-toolchain.toml`)\n\
         - Linux x86_64. Dependencies are pinned by `Cargo.lock` and come from crates.io only\n  (`deny.toml`); the build needs no Node.js and fetches nothing else.\n\n\
         One command rebuilds them, from any directory:\n\n    cargo xtask build\n\n\
         Another Rust release may compile differently: with `rustup`, `cargo +{release} xtask build`\n\
         (after `rustup toolchain install {release} --target wasm32-unknown-unknown`) uses this one.\n\n\
         It writes `dist/gitpod-gitlab-chrome-{version}.zip` and `dist/gitpod-gitlab-firefox-{version}.zip`,\n\
         byte for byte these (`sha256sum dist/*.zip`):\n\n{hashes}\n\
         The WebAssembly is built from `src/` (Rust) by `xtask/` with `wasm-bindgen-cli-support`\n\
         pinned to the crate's `wasm-bindgen`; nothing in the zips is minified beyond `xtask/src/shrink.rs`\n\
         (short import names, no indentation or comment lines). `THIRD_PARTY_LICENSES` in each zip lists\n\
         the crates in the WebAssembly. `cargo xtask test` runs every test, including this rebuild.\n",
        release = tool("rustc").split_whitespace().nth(1).unwrap_or("stable").to_string(),
        rustc = tool("rustc"),
        cargo = tool("cargo"),
    ))
}

/// The review promise, tested: the source bundle unpacked in a fresh directory, built with a
/// target directory of its own, gives the very same store zips.
pub fn check_rebuild(bundle: &Path) -> Result {
    let root = root();
    let version = crate_version(&root)?;
    let work = std::env::temp_dir().join(format!("gitpod-gitlab-rebuild-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let archive = zip::ZipArchive::new(fs::File::open(bundle).map_err(|e| e.to_string())?);
    archive
        .map_err(|e| e.to_string())?
        .extract(&work)
        .map_err(|e| format!("unpacking the source bundle: {e}"))?;
    let src = work.join(format!("gitpod-gitlab-{version}"));
    println!("rebuilding from the source bundle in {}", src.display());
    run(Command::new(cargo())
        .current_dir(&src)
        .args(["xtask", "build"])
        .env("CARGO_TARGET_DIR", work.join("target"))
        .env_remove("CARGO_MANIFEST_DIR"))?;
    for (ours, theirs) in store_zips(&root.join("dist"), &version)
        .iter()
        .zip(store_zips(&src.join("dist"), &version))
    {
        let (a, b) = (
            fs::read(ours).map_err(|e| e.to_string())?,
            fs::read(&theirs).map_err(|e| e.to_string())?,
        );
        if a != b {
            return Err(format!(
                "not reproducible: {} ({}) differs from the rebuild's {} ({})",
                ours.display(),
                sha256(&a),
                theirs.display(),
                sha256(&b)
            ));
        }
        println!("reproducible: {}  {}", sha256(&a), ours.display());
    }
    let _ = fs::remove_dir_all(&work);
    Ok(())
}
