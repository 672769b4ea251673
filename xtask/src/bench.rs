//! `cargo xtask bench`: the benchmark (README): sizes, start-up, injection, page cost, memory.
//! Reports only; never fails on a time.

use crate::build::build;
use crate::test::{real_ui_pages, shared_fixtures, with_fixtures};
use crate::tools::{ensure_chromium, ensure_npm_packages};
use crate::{root, run, Result};
use std::process::Command;

/// The benchmark (README): sizes, start-up, injection, page cost, memory. Reports only.
pub fn bench() -> Result {
    let root = root();
    let fixtures = shared_fixtures(&root);
    println!("== build");
    let built = build()?;
    let chromium = ensure_chromium()?;
    let e2e = root.join("tests/e2e");
    ensure_npm_packages(&e2e)?;
    real_ui_pages(&root)?;
    println!("== benchmark in {chromium}");
    let mut node = Command::new("node");
    node.current_dir(&e2e)
        .arg("bench/bench.mjs")
        .env("CHROMIUM", &chromium)
        .env("EXTENSION_DIR", built.dist.join("chrome"))
        .env("BENCH_OUT", built.dist.join("bench.json"));
    with_fixtures(&mut node, fixtures.as_deref());
    run(&mut node)
}
