//! `cargo xtask test`: everything the README's test command runs, in order.

use crate::build::{build, check_budgets};
use crate::package::{check_rebuild, source_bundle};
use crate::tools::{
    ensure_cargo_deny, ensure_chromium, ensure_firefox, ensure_geckodriver, ensure_npm_packages,
};
use crate::{cargo, fetch_locked, root, run, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Fuzzed inputs per target in `test` (4 targets: over a million in all).
const FUZZ_CASES: u32 = 250_000;

/// The team's reference GitLab fixtures (`shared/` beside the checkout, or `SHARED_FIXTURES`):
/// run in addition where they exist. The repository's own pages cover every test on their own.
pub fn shared_fixtures(root: &Path) -> Option<PathBuf> {
    let fixtures = std::env::var_os("SHARED_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/fixtures/gitlab"));
    if fixtures.join("expected.json").exists() {
        println!("reference fixtures: {} (run as well)", fixtures.display());
        Some(fixtures)
    } else {
        println!(
            "reference fixtures: none at {} (optional; the repository's own pages run)",
            fixtures.display()
        );
        None
    }
}

/// The test pages rendered by GitLab's real UI library: `npm ci` from the lockfile, then
/// `build.mjs` (esbuild + Tailwind, a few seconds) into `tests/gitlab-ui/dist`.
pub fn real_ui_pages(root: &Path) -> Result {
    let dir = root.join("tests/gitlab-ui");
    ensure_npm_packages(&dir)?;
    run(Command::new("node").current_dir(&dir).arg("build.mjs"))
}

pub fn test() -> Result {
    let root = root();
    let fixtures = shared_fixtures(&root);
    println!("== host tests (pure core)");
    run(Command::new(cargo())
        .current_dir(&root)
        .args(["test", "--package", "gitpod-gitlab"]))?;
    println!("== fuzz: {FUZZ_CASES} inputs per target, 4 targets (tests/fuzz.rs)");
    run(Command::new(cargo())
        .current_dir(&root)
        .args([
            "test",
            "--release",
            "--package",
            "gitpod-gitlab",
            "--test",
            "fuzz",
        ])
        .env("FUZZ_CASES", FUZZ_CASES.to_string()))?;
    println!("== dependency policy (cargo deny: licences, bans, sources; deny.toml)");
    cargo_deny(&root)?;
    println!("== build, store zips and source bundle");
    let built = build()?;
    check_budgets(&built.sizes)?;
    let bundle = source_bundle(&built)?;
    println!("== browsers");
    let chromium = ensure_chromium()?;
    let firefox = ensure_firefox()?;
    let geckodriver = ensure_geckodriver()?;
    let e2e = root.join("tests/e2e");
    ensure_npm_packages(&e2e)?;
    println!("== GitLab pages rendered by @gitlab/ui (tests/gitlab-ui)");
    real_ui_pages(&root)?;
    println!("== e2e in {chromium} and {firefox}, web-ext lint, packages");
    let mut node = Command::new("node");
    node.current_dir(&e2e)
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .env("CHROMIUM", &chromium)
        .env("FIREFOX", &firefox)
        .env("GECKODRIVER", &geckodriver)
        .env("EXTENSION_DIR", built.dist.join("chrome"));
    with_fixtures(&mut node, fixtures.as_deref());
    run(&mut node)?;
    println!("== reproducible: the source bundle, unpacked elsewhere, rebuilds the same zips");
    check_rebuild(&bundle)
}

/// `cargo deny` offline: the crates of every platform are fetched from crates.io first (as the
/// build fetches its own), then the policy is checked without the network.
fn cargo_deny(root: &Path) -> Result {
    let deny = ensure_cargo_deny()?;
    fetch_locked(root)?;
    run(Command::new(deny)
        .current_dir(root)
        .args(["--frozen", "check", "licenses", "bans", "sources"]))
}

/// Points the e2e server at the reference set, or tells it there is none (so a stray default
/// path is never picked up).
pub fn with_fixtures(cmd: &mut Command, fixtures: Option<&Path>) {
    match fixtures {
        Some(dir) => cmd.env("SHARED_FIXTURES", dir),
        None => cmd.env("SHARED_FIXTURES", "-"),
    };
}
