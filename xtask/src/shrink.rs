//! Fewer bytes for the same code, in the wasm and its glue together (issue 13: the content script
//! loads on every GitLab page):
//! - wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` and every closure shim
//!   `wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`; both appear in the wasm and
//!   again in the glue, and the hashes do not compress. They become 2–3 character names.
//! - The glue is indented generated code with comments; the shipped script keeps its line breaks
//!   (so no statement changes meaning) but drops indentation, blank lines and comment lines.

use std::collections::HashMap;
use walrus::{Module, ModuleConfig};

/// Renames the wasm's glue imports and closure exports, and the glue's uses of them.
pub fn short_names(
    wasm: &[u8],
    glue: &str,
    glue_module: &str,
) -> Result<(Vec<u8>, String), String> {
    let mut config = ModuleConfig::new();
    config.generate_producers_section(false);
    let mut module: Module = config
        .parse(wasm)
        .map_err(|e| format!("shrink: cannot read the wasm: {e}"))?;
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut next = 0usize;
    let mut fresh = |prefix: char| {
        next += 1;
        format!("{prefix}{}", base36(next))
    };
    for import in module.imports.iter_mut() {
        if import.module == glue_module {
            let short = fresh('_');
            renames.insert(std::mem::replace(&mut import.name, short.clone()), short);
            import.module = "w".into();
        }
    }
    for export in module.exports.iter_mut() {
        if export.name.contains("_invoke__h") {
            let short = fresh('$');
            renames.insert(std::mem::replace(&mut export.name, short.clone()), short);
        }
    }
    let quoted = format!("\"{glue_module}\"");
    if !glue.contains(&quoted) {
        return Err(format!("shrink: the glue never names its module {quoted}"));
    }
    let glue = rename_identifiers(&glue.replace(&quoted, "\"w\""), &renames);
    Ok((module.emit_wasm(), glue))
}

/// Replaces whole identifiers only, so no name can be mistaken for part of another.
fn rename_identifiers(text: &str, renames: &HashMap<String, String>) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(is_ident) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c| !is_ident(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        out.push_str(renames.get(word).map_or(word, String::as_str));
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out
}

fn base36(mut n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_whole_identifiers_only() {
        let renames = HashMap::from([("__wbg_a_01".to_string(), "_1".to_string())]);
        assert_eq!(
            rename_identifiers(
                "x.__wbg_a_01(__wbg_a_012, y__wbg_a_01) __wbg_a_01",
                &renames
            ),
            "x._1(__wbg_a_012, y__wbg_a_01) _1"
        );
    }

    #[test]
    fn short_names_are_distinct() {
        let names: std::collections::HashSet<String> = (1..2000).map(base36).collect();
        assert_eq!(names.len(), 1999);
    }
}
