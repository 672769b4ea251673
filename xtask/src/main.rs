//! `cargo xtask build`: builds the extension into dist/chrome and dist/firefox (plus a zip each).
//! `cargo xtask test`: host tests, the build, then the e2e suite in real Chromium.
//! Installs what it needs and can (wasm target, Chromium, npm packages); says what is missing
//! otherwise.

use base64::Engine as _;
use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use wasm_bindgen_cli_support::Bindgen;

type Result<T = ()> = std::result::Result<T, String>;

/// The shipped contexts: each is the crate built with the feature of the same name, and its
/// bundle is `<name>.js` (glue + embedded wasm + boot shim from extension/boot/).
const ENTRIES: &[&str] = &["content", "background", "popup"];
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CRATE_FILE: &str = "gitpod_gitlab.wasm";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build().map(|_| ()),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("ext-id") => extension_id().map(|id| println!("{id}")),
        _ => Err("usage: cargo xtask build | test | bench | ext-id".into()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn run(cmd: &mut Command) -> Result {
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

fn output(cmd: &mut Command) -> Option<String> {
    cmd.output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

// ---------------------------------------------------------------------------------------------
// build

struct Built {
    dist: PathBuf,
    sizes: Vec<Size>,
}

const GECKODRIVER_VERSION: &str = "0.37.1";

/// Fuzzed inputs per target in `test` (4 targets: over a million in all).
const FUZZ_CASES: u32 = 250_000;

/// Size budgets (issue #5), in gzip -9 bytes. Sizes are deterministic, so `test` enforces them:
/// the content wasm loads on every GitLab page.
const SIZE_BUDGETS: &[(&str, usize)] = &[("content_bg.wasm", 40_000)];

fn check_budgets(sizes: &[Size]) -> Result {
    for (name, budget) in SIZE_BUDGETS {
        let size = sizes
            .iter()
            .find(|s| s.name == *name)
            .ok_or_else(|| format!("size budget: {name} was not built"))?;
        if size.gzip > *budget {
            return Err(format!(
                "size budget exceeded: {name} is {} bytes gzipped, budget {budget}",
                size.gzip
            ));
        }
        println!("size budget: {name} {} / {budget} bytes gzipped", size.gzip);
    }
    Ok(())
}

fn build() -> Result<Built> {
    let root = root();
    ensure_wasm_target()?;
    let work = target_dir().join("xtask");
    let glue_dir = work.join("glue");
    fs::create_dir_all(&glue_dir).map_err(|e| e.to_string())?;

    let mut sizes = Vec::new();
    let mut bundles = Vec::new();
    for entry in ENTRIES {
        run(Command::new(cargo()).current_dir(&root).args([
            "build",
            "--quiet",
            "--lib",
            "--package",
            "gitpod-gitlab",
            "--target",
            WASM_TARGET,
            "--profile",
            "wasm-release",
            "--features",
            entry,
        ]))?;
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
        let boot = read(&root.join("extension/boot").join(format!("{entry}.js")))?;
        let bundle = bundle(&glue, &wasm, &boot);
        sizes.push(Size::of(&format!("{entry}_bg.wasm"), &wasm));
        sizes.push(Size::of(&format!("{entry}.js (bundle)"), bundle.as_bytes()));
        bundles.push((format!("{entry}.js"), bundle));
    }

    let manifest: Value = serde_json::from_str(&read(&root.join("manifest.json"))?)
        .map_err(|e| format!("manifest.json: {e}"))?;
    let version = manifest["version"].as_str().unwrap_or("0.0.0").to_string();
    let dist = root.join("dist");
    for browser in ["chrome", "firefox"] {
        let dir = dist.join(browser);
        let _ = fs::remove_dir_all(&dir);
        copy_static(&root.join("extension"), &dir)?;
        for (name, text) in &bundles {
            write(&dir.join(name), text.as_bytes())?;
        }
        let derived = serde_json::to_string_pretty(&manifest_for(&manifest, browser))
            .map_err(|e| e.to_string())?;
        write(&dir.join("manifest.json"), derived.as_bytes())?;
        let zip = dist.join(format!("gitpod-gitlab-{browser}-{version}.zip"));
        zip_dir(&dir, &zip)?;
        sizes.push(Size::of(
            &format!("{browser} zip"),
            &fs::read(&zip).map_err(|e| e.to_string())?,
        ));
    }
    report_sizes(&sizes, &dist)?;
    Ok(Built { dist, sizes })
}

/// One classic script per context: the no-modules glue, the wasm bytes as base64 (so the
/// worker can initialise synchronously and content scripts need no web_accessible_resources)
/// and the boot shim, all inside one function scope so nothing leaks into the page's world.
fn bundle(glue: &str, wasm: &[u8], boot: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    format!(
        "(() => {{\n\"use strict\";\nconst BUNDLE_START = performance.now();\n{glue}\nconst WASM_BASE64 = \"{b64}\";\nconst WASM_BYTES = Uint8Array.fromBase64\n  ? Uint8Array.fromBase64(WASM_BASE64)\n  : Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));\n{boot}\n}})();\n"
    )
}

/// manifest.json serves both browsers; each build keeps only what its browser reads.
fn manifest_for(manifest: &Value, browser: &str) -> Value {
    let mut m = manifest.clone();
    let Some(obj) = m.as_object_mut() else {
        return m;
    };
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

fn zip_dir(dir: &Path, out: &Path) -> Result {
    let file = fs::File::create(out).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default()); // reproducible
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    for path in files {
        let name = path
            .strip_prefix(dir)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(&fs::read(&path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(())
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

struct Size {
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

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

// ---------------------------------------------------------------------------------------------
// test

/// The team's reference GitLab fixtures (`shared/` beside the checkout, or `SHARED_FIXTURES`):
/// run in addition where they exist. The repository's own pages cover every test on their own.
fn shared_fixtures(root: &Path) -> Option<PathBuf> {
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
fn real_ui_pages(root: &Path) -> Result {
    let dir = root.join("tests/gitlab-ui");
    ensure_npm_packages(&dir)?;
    run(Command::new("node").current_dir(&dir).arg("build.mjs"))
}

/// The cargo running this xtask (so its toolchain builds the tools too).
fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn test() -> Result {
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
    println!("== build");
    let built = build()?;
    check_budgets(&built.sizes)?;
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
    run(&mut node)
}

/// Points the e2e server at the reference set, or tells it there is none (so a stray default
/// path is never picked up).
fn with_fixtures(cmd: &mut Command, fixtures: Option<&Path>) {
    match fixtures {
        Some(dir) => cmd.env("SHARED_FIXTURES", dir),
        None => cmd.env("SHARED_FIXTURES", "-"),
    };
}

/// The benchmark (README): sizes, start-up, injection, page cost, memory. Reports only.
fn bench() -> Result {
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
        .arg("bench.mjs")
        .env("CHROMIUM", &chromium)
        .env("EXTENSION_DIR", built.dist.join("chrome"))
        .env("BENCH_OUT", built.dist.join("bench.json"));
    with_fixtures(&mut node, fixtures.as_deref());
    run(&mut node)
}

fn ensure_chromium() -> Result<String> {
    let wanted = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    ensure_debian_binary(&wanted, &["chromium", "chromium-driver"], "CHROMIUM")
}

/// Firefox ESR for the Firefox e2e run (Debian's `firefox-esr`, or `FIREFOX`).
fn ensure_firefox() -> Result<String> {
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
fn ensure_geckodriver() -> Result<String> {
    if let Ok(path) = std::env::var("GECKODRIVER") {
        return Ok(path);
    }
    let tools = target_dir().join("tools");
    let bin = tools.join("bin/geckodriver");
    if !bin.exists() {
        println!(
            "building geckodriver {GECKODRIVER_VERSION} from crates.io into {}",
            tools.display()
        );
        run(Command::new(cargo())
            .args(["install", "--quiet", "--locked", "geckodriver", "--version"])
            .arg(GECKODRIVER_VERSION)
            .arg("--root")
            .arg(&tools))?;
    }
    Ok(bin.to_string_lossy().into_owned())
}

fn ensure_npm_packages(dir: &Path) -> Result {
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

// ---------------------------------------------------------------------------------------------

/// The Chromium extension id fixed by the manifest's public `key`: sha256 of the key, first
/// 32 hex digits, mapped 0-f to a-p.
fn extension_id() -> Result<String> {
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

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
