//! `cargo xtask build`: each context's wasm (the crate with one entry feature), its JS glue
//! (wasm-bindgen-cli-support, pinned to the crate's wasm-bindgen), one self-contained script per
//! context with the wasm embedded, the two browsers' builds, their zips and the size report.

use crate::licenses::{shipped_crates, third_party_licenses};
use crate::zips::zip_dir;
use crate::{cargo, output, read, root, run, write, Result};
use crate::{minify, shrink};
use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use wasm_bindgen_cli_support::Bindgen;

/// A shipped wasm: this crate built with `features`, run through wasm-bindgen, and loaded as
/// `shipping` says. The worker and the popup share one wasm (one copy in the package).
struct Wasm {
    name: &'static str,
    features: &'static str,
    /// The wasm stack (Rust's default is 1 MiB, all of it in the linear memory the context
    /// holds). The content script, in every GitLab tab, recurses no deeper than one menu
    /// item's elements: 64 KiB. The worker and popup keep the default (they read a message at
    /// most six levels deep, `js_values::to_loose`, but render whole forms).
    stack: &'static str,
    shipping: Shipping,
}

enum Shipping {
    /// `<name>.wasm`, fetched and compiled while it streams in by `<name>.js` (the glue and the
    /// boot shim `extension/boot/<name>.js`, inside one function scope so nothing leaks into the
    /// page's world): the content script, so no copy of the wasm sits in a GitLab tab's JS heap.
    File,
    /// `<name>.js`: the glue and the wasm's bytes (`WASM_BYTES`, hex in the script) as globals
    /// of the extension's own worker and pages; `extension/background.js` starts it
    /// synchronously (every listener registered during the worker's first evaluation),
    /// `extension/popup.js` asynchronously.
    Embedded,
}

const WASMS: &[Wasm] = &[
    Wasm {
        name: "content",
        features: "content",
        stack: "65536",
        shipping: Shipping::File,
    },
    Wasm {
        name: "app",
        features: "background,popup",
        stack: "1048576",
        shipping: Shipping::Embedded,
    },
];
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CRATE_FILE: &str = "gitpod_gitlab.wasm";

pub struct Built {
    pub dist: PathBuf,
    pub sizes: Vec<Size>,
}

/// Size budgets (issues #5, #13, #23): sizes are deterministic, so `test` enforces them, each a
/// little above what the build reached when it was last lowered. Each sums the named artifacts'
/// gzip -9 bytes (`Gzip`) or their bytes as they are (`Raw`, a zip).
const SIZE_BUDGETS: &[(&str, &[&str], Measure, usize)] = &[
    // Loaded by a GitLab page that can carry an entry: the content script and the wasm it
    // fetches (a page that cannot loads `content.js` alone).
    (
        "a GitLab page loads",
        &["content.js", "content_bg.wasm"],
        Measure::Gzip,
        49_200,
    ),
    ("content wasm", &["content_bg.wasm"], Measure::Gzip, 44_900),
    ("Chrome store zip", &["chrome zip"], Measure::Raw, 199_500),
];

#[derive(Clone, Copy)]
enum Measure {
    Raw,
    Gzip,
}

pub fn check_budgets(sizes: &[Size]) -> Result {
    for (what, names, measure, budget) in SIZE_BUDGETS {
        let mut total = 0;
        for name in *names {
            let size = sizes
                .iter()
                .find(|s| s.name == *name)
                .ok_or_else(|| format!("size budget: {name} was not built"))?;
            total += match measure {
                Measure::Raw => size.raw,
                Measure::Gzip => size.gzip,
            };
        }
        let unit = match measure {
            Measure::Raw => "bytes",
            Measure::Gzip => "bytes gzipped",
        };
        if total > *budget {
            return Err(format!(
                "size budget exceeded: {what} is {total} {unit}, budget {budget}"
            ));
        }
        println!("size budget: {what} {total} / {budget} {unit}");
    }
    Ok(())
}

pub fn build() -> Result<Built> {
    let root = root();
    ensure_wasm_target()?;
    let work = target_dir().join("xtask");
    let glue_dir = work.join("glue");
    fs::create_dir_all(&glue_dir).map_err(|e| e.to_string())?;

    let mut sizes = Vec::new();
    let mut bundles = Vec::new();
    for shipped in WASMS {
        let entry = shipped.name;
        // `cargo rustc`: the link argument goes to this crate's final link only, so the
        // dependencies, built once for every wasm, are not rebuilt per wasm.
        run(Command::new(cargo())
            .current_dir(&root)
            .args([
                "rustc",
                "--quiet",
                "--lib",
                "--package",
                "gitpod-gitlab",
                "--target",
                WASM_TARGET,
                "--profile",
                "wasm-release",
                "--features",
                shipped.features,
                "--",
                "-C",
                &["link-arg=-zstack-size=", shipped.stack].concat(),
            ])
            // Reproducible on any machine: panic locations name dependency sources by their
            // registry path, which holds the user's home; it becomes `/cargo`.
            .env(
                "CARGO_ENCODED_RUSTFLAGS",
                ["--remap-path-prefix=", &cargo_home(), "=/cargo"].concat(),
            ))?;
        let built = target_dir()
            .join(WASM_TARGET)
            .join("wasm-release")
            .join(CRATE_FILE);
        let input = work.join(format!("{entry}.wasm"));
        fs::copy(&built, &input).map_err(|e| format!("{}: {e}", built.display()))?;

        let mut bindgen = Bindgen::new();
        bindgen
            .input_path(&input)
            .out_name(entry)
            .typescript(false)
            .omit_default_module_path(false)
            .remove_name_section(std::env::var_os("XTASK_KEEP_NAMES").is_none()) // names only for size analysis (twiggy)
            .remove_producers_section(true);
        bindgen.no_modules(true).map_err(|e| e.to_string())?;
        bindgen
            .generate(&glue_dir)
            .map_err(|e| format!("wasm-bindgen ({entry}): {e}"))?;

        let glue = read(&glue_dir.join(format!("{entry}.js")))?;
        let wasm =
            fs::read(glue_dir.join(format!("{entry}_bg.wasm"))).map_err(|e| e.to_string())?;
        let (wasm, glue) = shrink::short_names(&wasm, &glue, &format!("./{entry}_bg.js"))?;
        sizes.push(Size::of(&format!("{entry}_bg.wasm"), &wasm));
        let script = match shipped.shipping {
            Shipping::File => {
                let boot = read(&root.join("extension/boot").join(format!("{entry}.js")))?;
                bundles.push((format!("{entry}.wasm"), wasm));
                scoped(&glue, &boot)
            }
            Shipping::Embedded => embedded(&glue, &wasm),
        };
        let script = minify::minify(&format!("{entry}.js"), &script)?;
        sizes.push(Size::of(&format!("{entry}.js"), script.as_bytes()));
        bundles.push((format!("{entry}.js"), script.into_bytes()));
    }

    let manifest: Value = serde_json::from_str(&read(&root.join("manifest.json"))?)
        .map_err(|e| format!("manifest.json: {e}"))?;
    // One version, one place: Cargo.toml's is the manifests' and the zips'.
    let version = crate_version(&root)?;
    let licenses = third_party_licenses(&shipped_crates(&root)?);
    let dist = root.join("dist");
    // Zips of another version are stale.
    for entry in fs::read_dir(&dist).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("gitpod-gitlab-") && name.ends_with(".zip") {
            let _ = fs::remove_file(entry.path());
        }
    }
    for browser in ["chrome", "firefox"] {
        let dir = dist.join(browser);
        let _ = fs::remove_dir_all(&dir);
        copy_static(&root.join("extension"), &dir)?;
        for (name, bytes) in &bundles {
            write(&dir.join(name), bytes)?;
        }
        write(&dir.join("THIRD_PARTY_LICENSES"), licenses.as_bytes())?;
        let derived = manifest_for(&manifest, browser, &version);
        write(&dir.join("manifest.json"), pretty(&derived)?.as_bytes())?;
        // The unpacked build keeps Chrome's `key` (a fixed id for development and the tests);
        // the store zip may not carry one ("key field is not allowed in manifest").
        let store = store_manifest(&derived);
        let zip = dist.join(format!("gitpod-gitlab-{browser}-{version}.zip"));
        zip_dir(
            &dir,
            &zip,
            &[("manifest.json", pretty(&store)?.into_bytes())],
        )?;
        sizes.push(Size::of(
            &format!("{browser} zip"),
            &fs::read(&zip).map_err(|e| e.to_string())?,
        ));
    }
    report_sizes(&sizes, &dist)?;
    Ok(Built { dist, sizes })
}

/// `Shipping::File`'s script: glue and boot shim in one function scope, with `BOOT`. The glue
/// sits in a function (`glue()`, returning `wasm_bindgen`) that the shim calls only where it
/// loads the wasm: a page that can carry no entry only pre-parses it, and builds none of its
/// objects.
fn scoped(glue: &str, boot: &str) -> String {
    let constants = crate::boot::constants();
    format!(
        "(() => {{\n\"use strict\";\nconst BUNDLE_START = performance.now();\n{constants}\
         const glue = () => {{\n{glue}\nreturn wasm_bindgen;\n}};\n{boot}\n}})();\n"
    )
}

/// `Shipping::Embedded`'s script: top-level declarations, shared with the scripts loaded after
/// it into the same worker or page. The bytes are written in hex, not base64: hex keeps every
/// byte on a two-character boundary, so the zip's deflate still finds the wasm's repeats
/// (measured on the app wasm: 124 KB deflated in hex, 150 KB in base64, 110 KB as a file).
fn embedded(glue: &str, wasm: &[u8]) -> String {
    let hex: String = wasm.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "\"use strict\";\n{glue}\nconst WASM_BYTES = ((hex) => Uint8Array.fromHex\n? Uint8Array.fromHex(hex)\n: Uint8Array.from({{ length: hex.length / 2 }}, (_, i) => parseInt(hex.substr(2 * i, 2), 16)))(\"{hex}\");\n"
    )
}

/// manifest.json serves both browsers; each build keeps only what its browser reads, and gets
/// the crate's version.
fn manifest_for(manifest: &Value, browser: &str, version: &str) -> Value {
    let mut m = manifest.clone();
    let Some(obj) = m.as_object_mut() else {
        return m;
    };
    obj.insert("version".into(), Value::String(version.into()));
    match browser {
        "chrome" => {
            obj.remove("browser_specific_settings");
            if let Some(bg) = obj.get_mut("background").and_then(Value::as_object_mut) {
                bg.remove("scripts");
            }
        }
        _ => {
            obj.remove("key");
            if let Some(bg) = obj.get_mut("background").and_then(Value::as_object_mut) {
                bg.remove("service_worker");
            }
        }
    }
    m
}

/// What a store accepts: the manifest without Chrome's development `key`.
pub fn store_manifest(manifest: &Value) -> Value {
    let mut m = manifest.clone();
    if let Some(obj) = m.as_object_mut() {
        obj.remove("key");
    }
    m
}

fn pretty(value: &Value) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

/// The extension crate's version (Cargo.toml's `[package] version`, read by cargo).
pub fn crate_version(root: &Path) -> Result<String> {
    crate::metadata::package_version(root, "gitpod-gitlab")
}

fn copy_static(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let name = entry.file_name();
        if name == "boot" {
            continue; // boot shims are bundled, not shipped as files
        }
        if path.is_dir() {
            copy_static(&path, &to.join(&name))?;
        } else {
            fs::copy(&path, to.join(&name)).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

pub struct Size {
    name: String,
    raw: usize,
    gzip: usize,
}

impl Size {
    fn of(name: &str, bytes: &[u8]) -> Size {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let _ = gz.write_all(bytes);
        let gzip = gz.finish().map(|v| v.len()).unwrap_or(0);
        Size {
            name: name.to_string(),
            raw: bytes.len(),
            gzip,
        }
    }
}

fn report_sizes(sizes: &[Size], dist: &Path) -> Result {
    println!(
        "{:<28} {:>10} {:>12}",
        "artifact", "raw bytes", "gzip -9 bytes"
    );
    for s in sizes {
        println!("{:<28} {:>10} {:>12}", s.name, s.raw, s.gzip);
    }
    let json: Vec<Value> = sizes
        .iter()
        .map(|s| serde_json::json!({"name": s.name, "raw": s.raw, "gzip": s.gzip}))
        .collect();
    write(
        &dist.join("sizes.json"),
        serde_json::to_string_pretty(&json)
            .map_err(|e| e.to_string())?
            .as_bytes(),
    )
}

fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => Ok(()),
        Some(_) => run(Command::new("rustup").args(["target", "add", WASM_TARGET])),
        None => Err(format!(
            "rustup not found: install the {WASM_TARGET} target for your Rust toolchain"
        )),
    }
}

fn cargo_home() -> String {
    std::env::var("CARGO_HOME").unwrap_or_else(|_| {
        let home = std::env::var("HOME").unwrap_or_default();
        format!("{home}/.cargo")
    })
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
