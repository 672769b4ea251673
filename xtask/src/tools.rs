//! What the tests need on the machine: Debian's Chromium and Firefox ESR (installed with apt as
//! root), geckodriver (built once from crates.io, pinned), and npm packages (`npm ci`).

use crate::build::target_dir;
use crate::{cargo, output, run, Result};
use std::path::Path;
use std::process::Command;

const GECKODRIVER_VERSION: &str = "0.37.1";
const CARGO_DENY_VERSION: &str = "0.20.2";

/// Debian's Chromium with its translations (`chromium-l10n`: the e2e run opens the extension in a
/// German browser), or `CHROMIUM`.
pub fn ensure_chromium() -> Result<String> {
    if let Ok(wanted) = std::env::var("CHROMIUM") {
        return ensure_debian_binary(&wanted, &["chromium", "chromium-driver"], "CHROMIUM");
    }
    ensure_debian_binary(
        "/usr/lib/chromium/locales/de.pak",
        &["chromium", "chromium-driver", "chromium-l10n"],
        "CHROMIUM",
    )?;
    Ok("/usr/bin/chromium".into())
}

/// Firefox ESR for the Firefox e2e run (Debian's `firefox-esr`, or `FIREFOX`).
pub fn ensure_firefox() -> Result<String> {
    let wanted = std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into());
    ensure_debian_binary(&wanted, &["firefox-esr"], "FIREFOX")
}

/// `wanted` if it exists; else, as root on Debian, installs `packages` with apt.
fn ensure_debian_binary(wanted: &str, packages: &[&str], env_var: &str) -> Result<String> {
    if Path::new(wanted).exists() {
        return Ok(wanted.to_string());
    }
    let root_user = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    if root_user && Path::new("/usr/bin/apt-get").exists() {
        println!("installing Debian's {}", packages.join(" and "));
        run(Command::new("apt-get").args(["update", "-qq"]))?;
        run(Command::new("apt-get")
            .args(["install", "-y", "-qq"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        if Path::new(wanted).exists() {
            return Ok(wanted.to_string());
        }
    }
    Err(format!(
        "{wanted} not found: install Debian's {} (or set {env_var})",
        packages.join(" and ")
    ))
}

/// geckodriver, which drives Firefox over WebDriver: `GECKODRIVER`, or built once from
/// crates.io into `target/tools` (about 80 s), pinned like every other tool.
pub fn ensure_geckodriver() -> Result<String> {
    ensure_crate_tool("geckodriver", GECKODRIVER_VERSION, "GECKODRIVER")
}

/// cargo-deny, which checks the dependency policy (`deny.toml`): `CARGO_DENY`, or built once
/// from crates.io into `target/tools` (about 2 minutes), pinned.
pub fn ensure_cargo_deny() -> Result<String> {
    ensure_crate_tool("cargo-deny", CARGO_DENY_VERSION, "CARGO_DENY")
}

/// The binary `name` of the crate of that name at `version`: `env_var`'s path, or
/// `cargo install --locked` once into `target/tools`.
fn ensure_crate_tool(name: &str, version: &str, env_var: &str) -> Result<String> {
    if let Ok(path) = std::env::var(env_var) {
        return Ok(path);
    }
    let tools = target_dir().join("tools");
    let bin = tools.join("bin").join(name);
    if !bin.exists() {
        println!(
            "building {name} {version} from crates.io into {}",
            tools.display()
        );
        run(Command::new(cargo())
            .args(["install", "--quiet", "--locked", name, "--version", version])
            .arg("--root")
            .arg(&tools))?;
    }
    Ok(bin.to_string_lossy().into_owned())
}

pub fn ensure_npm_packages(dir: &Path) -> Result {
    if output(Command::new("node").arg("--version")).is_none()
        || output(Command::new("npm").arg("--version")).is_none()
    {
        return Err(
            "Node.js and npm are needed for the e2e tests: install Debian's `nodejs` and `npm`"
                .into(),
        );
    }
    run(Command::new("npm").current_dir(dir).args([
        "ci",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]))
}
