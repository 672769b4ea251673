//! `cargo xtask diagnose PAGE.html --url URL`: what the built extension makes of a GitLab page
//! saved from the browser (README: attach the output to a report). Builds the extension, then
//! runs `tests/e2e/diagnose.mjs` in headless Chromium.

use crate::build::build;
use crate::tools::{ensure_chromium, ensure_npm_packages};
use crate::{root, run, Result};
use std::path::Path;
use std::process::Command;

pub fn diagnose(args: &[String]) -> Result {
    let usage = "usage: cargo xtask diagnose PAGE.html --url URL";
    let at = args.iter().position(|a| a == "--url").ok_or(usage)?;
    let url = args.get(at + 1).ok_or(usage)?;
    let page = args
        .iter()
        .enumerate()
        .find(|(i, _)| *i != at && *i != at + 1)
        .map(|(_, a)| a)
        .ok_or(usage)?;
    // The page as the user named it, from where they ran cargo (cargo runs us in the workspace).
    let page = std::env::current_dir()
        .map_err(|e| e.to_string())?
        .join(page);
    if !Path::new(&page).is_file() {
        return Err(format!("{}: no such file", page.display()));
    }
    let built = build()?;
    let chromium = ensure_chromium()?;
    let e2e = root().join("tests/e2e");
    ensure_npm_packages(&e2e)?;
    run(Command::new("node")
        .current_dir(&e2e)
        .arg("diagnose.mjs")
        .arg(&page)
        .args(["--url", url])
        .env("CHROMIUM", &chromium)
        .env("EXTENSION_DIR", built.dist.join("chrome")))
}
