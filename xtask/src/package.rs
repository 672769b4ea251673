//! Packaging: reproducible store zips (fixed timestamps, sorted paths) and the Chromium extension
//! id fixed by the manifest's public key (`cargo xtask ext-id`).

use crate::{read, root, Result};
use base64::Engine as _;
use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Zips `dir` reproducibly (fixed timestamps, sorted paths); `replaced` gives other contents
/// for some of its files (the store zip's manifest).
pub fn zip_dir(dir: &Path, out: &Path, replaced: &[(&str, Vec<u8>)]) -> Result {
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
        let bytes = match replaced.iter().find(|(n, _)| *n == name) {
            Some((_, bytes)) => bytes.clone(),
            None => fs::read(&path).map_err(|e| e.to_string())?,
        };
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
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
