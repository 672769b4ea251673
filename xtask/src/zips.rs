//! Reproducible zips (fixed timestamps, the caller's order): the store zips of a directory and
//! the source bundle, written by one loop.

use crate::Result;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The store zips' deflate effort: zlib's best (level 6, the default, left 4.7 KB more in
/// app.js). Zopfli (the zip crate's levels above 9) was measured: 208.5 KB instead of 223 KB for
/// the Chrome zip, but a minute more per build.
const STORE_ZIP_LEVEL: i64 = 9;

/// Zips `dir` reproducibly (fixed timestamps, sorted paths); `replaced` gives other contents
/// for some of its files (the store zip's manifest).
pub fn zip_dir(dir: &Path, out: &Path, replaced: &[(&str, Vec<u8>)]) -> Result {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    let mut entries = Vec::with_capacity(files.len());
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
        entries.push((name, bytes));
    }
    write_zip(out, entries, Some(STORE_ZIP_LEVEL))
}

/// Writes `entries` (name, bytes) in order, deflated at `level` (`None`: zlib's default),
/// every timestamp the same.
pub fn write_zip(
    out: &Path,
    entries: impl IntoIterator<Item = (String, Vec<u8>)>,
    level: Option<i64>,
) -> Result {
    let file = fs::File::create(out).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(level)
        .last_modified_time(zip::DateTime::default()); // reproducible
    for (name, bytes) in entries {
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
