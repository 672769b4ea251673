//! `cargo xtask <command>`, one module per command:
//! - `build`: the extension into dist/chrome and dist/firefox (plus a store zip of each);
//! - `test`: host tests, fuzzing, the build and its budget, then the e2e suite in real
//!   Chromium and Firefox on the repository's GitLab pages (and the reference set where present);
//! - `bench`: the benchmark (reports only);
//! - `diagnose PAGE.html --url URL`: what the extension makes of a saved GitLab page;
//! - `ext-id`: the Chromium extension id the manifest's key fixes.
//!
//! Installs what it needs and can (wasm target, browsers, npm packages, geckodriver); says what
//! is missing otherwise.

mod bench;
mod boot;
mod build;
mod diagnose;
mod licenses;
mod metadata;
mod minify;
mod package;
mod shrink;
mod test;
mod tools;
mod zips;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::build().map(|_| ()),
        Some("test") => test::test(),
        Some("bench") => bench::bench(),
        Some("diagnose") => diagnose::diagnose(&args[1..]),
        Some("package") => package::package().map(|_| ()),
        Some("ext-id") => package::extension_id().map(|id| println!("{id}")),
        _ => Err(
            "usage: cargo xtask build | test | bench | package | diagnose PAGE.html --url URL | ext-id"
                .into(),
        ),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn output(cmd: &mut Command) -> Option<String> {
    cmd.output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The cargo running this xtask (so its toolchain builds the tools too).
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Downloads every crate of Cargo.lock, for every platform (a no-op when they are there): what
/// `cargo metadata` and `cargo deny` read, which a build alone would not fetch.
pub fn fetch_locked(root: &Path) -> Result {
    run(Command::new(cargo())
        .current_dir(root)
        .args(["fetch", "--locked", "--quiet"]))
}

pub fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
