//! Every locale in `extension/_locales` has exactly English's messages, with the same `$1`…
//! placeholders; every message is used somewhere (Rust sources, `build.rs`, the manifest's
//! `__MSG_…__`); every key the sources ask for exists.

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn messages(locale: &str) -> serde_json::Map<String, Value> {
    let path = root()
        .join("extension/_locales")
        .join(locale)
        .join("messages.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        Value::Object(map) => map,
        _ => panic!("{}: not an object", path.display()),
    }
}

fn placeholders(message: &str) -> BTreeSet<String> {
    let bytes = message.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b'$' && bytes[i + 1].is_ascii_digit())
        .map(|i| message[i..i + 2].to_string())
        .collect()
}

fn sources(dir: &Path, out: &mut String) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "js" || e == "html")
        {
            out.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
}

const LOCALES: [&str; 10] = [
    "en", "de", "fr", "es", "pt_BR", "ja", "zh_CN", "ko", "ru", "uk",
];

#[test]
fn every_locale_has_every_message_with_the_same_placeholders() {
    let shipped: BTreeSet<String> = fs::read_dir(root().join("extension/_locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(shipped, LOCALES.iter().map(|l| l.to_string()).collect());
    let en = messages("en");
    for locale in LOCALES {
        let m = messages(locale);
        let missing: Vec<_> = en.keys().filter(|k| !m.contains_key(*k)).collect();
        let extra: Vec<_> = m.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale}: missing {missing:?}");
        assert!(extra.is_empty(), "{locale}: not in English {extra:?}");
        for (key, value) in &m {
            let text = value["message"]
                .as_str()
                .unwrap_or_else(|| panic!("{locale}/{key}: no message"));
            assert!(!text.trim().is_empty(), "{locale}/{key}: empty");
            let english = en[key]["message"].as_str().unwrap();
            assert_eq!(
                placeholders(text),
                placeholders(english),
                "{locale}/{key}: placeholders"
            );
        }
    }
}

#[test]
fn every_message_is_used_and_every_key_used_exists() {
    let en = messages("en");
    let mut code = String::new();
    sources(&root().join("src"), &mut code);
    sources(&root().join("extension"), &mut code);
    code.push_str(&fs::read_to_string(root().join("build.rs")).unwrap());
    let manifest = fs::read_to_string(root().join("manifest.json")).unwrap();
    let unused: Vec<_> = en
        .keys()
        .filter(|k| {
            !code.contains(&format!("\"{k}\"")) && !manifest.contains(&format!("__MSG_{k}__"))
        })
        .collect();
    assert!(unused.is_empty(), "messages no source uses: {unused:?}");
    // Keys the sources ask for: the first argument of every `t("…"` call, and every string
    // literal named like a message (the anchors' places, the diagnoses, the action table).
    let mut asked = BTreeSet::new();
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("t(\"") {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
            continue;
        }
        let key: String = code[at + 3..].chars().take_while(|c| *c != '"').collect();
        asked.insert(key);
    }
    const PREFIXES: [&str; 9] = [
        "diag_",
        "place_",
        "popup_",
        "action_",
        "connect_",
        "guide_",
        "settings_",
        "hosts_",
        "menu_",
    ];
    for literal in code.split('"').skip(1).step_by(2) {
        let named = literal
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        // (A bare prefix, `"action_"`, is GitLab's test-id prefix, not a key.)
        if named
            && PREFIXES
                .iter()
                .any(|p| literal.starts_with(p) && literal.len() > p.len())
        {
            asked.insert(literal.to_string());
        }
    }
    let unknown: Vec<_> = asked.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        unknown.is_empty(),
        "keys with no English message: {unknown:?}"
    );
    for m in manifest.match_indices("__MSG_") {
        let key: String = manifest[m.0 + 6..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let key = key.trim_end_matches('_');
        assert!(en.contains_key(key), "manifest asks for {key}");
    }
}
