//! Gitpod targets (presets, custom instances, launch modes, stored settings migrating from the
//! origin-only schema 1) and the in-page language (GitLab's page, then the browser, then English).

use gitpod_gitlab::gitlab_url::GitLabUrl;
use gitpod_gitlab::gitpod_target::{GitpodTarget, TargetKind};
use gitpod_gitlab::gitpod_url::{GitpodOrigin, LaunchMode};
use gitpod_gitlab::page_text::{locale_for, page_text, Label, PAGE_LOCALES};
use gitpod_gitlab::settings::{Settings, StoredSettings};
use serde_json::json;

fn decode(v: serde_json::Value) -> Settings {
    let raw: StoredSettings = serde_json::from_value(v).unwrap_or_default();
    Settings::from_stored(&raw)
}

fn origin(s: &str) -> GitpodOrigin {
    GitpodOrigin::parse(s).unwrap()
}

#[test]
fn presets_name_and_urls() {
    let page = GitLabUrl::parse("https://gitlab.com/group/project/-/tree/main").unwrap();
    let gitpod = GitpodTarget::gitpod();
    assert_eq!(
        (gitpod.name(), gitpod.origin().as_str()),
        ("Gitpod", "https://gitpod.io")
    );
    assert_eq!(
        gitpod.url(&page, LaunchMode::Open),
        "https://gitpod.io/#https://gitlab.com/group/project/-/tree/main"
    );
    // gitpod.io's redirect to Ona drops the query: "with options" goes where it forwards to.
    assert_eq!(
        gitpod.url(&page, LaunchMode::WithOptions),
        "https://app.ona.com/?autostart=false#https://gitlab.com/group/project/-/tree/main"
    );
    // Refused by every current server: not offered, and opens plainly if asked for.
    assert!(!gitpod.supports(LaunchMode::Prebuild));
    assert_eq!(
        gitpod.url(&page, LaunchMode::Prebuild),
        gitpod.url(&page, LaunchMode::Open)
    );

    let ona = GitpodTarget::ona();
    assert_eq!(
        (ona.name(), ona.origin().as_str()),
        ("Ona", "https://app.ona.com")
    );
    assert_eq!(
        ona.url(&page, LaunchMode::Open),
        "https://app.ona.com/?autostart=true#https://gitlab.com/group/project/-/tree/main"
    );
    assert_eq!(
        ona.url(&page, LaunchMode::WithOptions),
        "https://app.ona.com/?autostart=false#https://gitlab.com/group/project/-/tree/main"
    );
    assert!(!ona.supports(LaunchMode::Prebuild));

    let own = GitpodTarget::custom(origin("https://gitpod.example.com"), "  Acme   Gitpod ");
    assert_eq!(own.name(), "Acme Gitpod");
    assert!(own.supports(LaunchMode::Prebuild));
    assert_eq!(
        own.url(&page, LaunchMode::Prebuild),
        "https://gitpod.example.com/#prebuild/https://gitlab.com/group/project/-/tree/main"
    );
    assert_eq!(
        GitpodTarget::custom(origin("https://gp.example.com"), " ").name(),
        "Gitpod"
    );
    assert_eq!(
        GitpodTarget::custom(origin("https://gp.example.com"), &"x".repeat(500))
            .name()
            .len(),
        40
    );
}

#[test]
fn stored_settings_migrate_without_loss() {
    // Schema 1 (origin only): the presets' origins become the presets, any other a custom
    // instance labelled "Gitpod" as before; the other settings are kept.
    let old = decode(
        json!({"schema": 1, "gitpod_origin": "https://gitpod.io", "open_in_new_tab": false}),
    );
    assert_eq!(old.target, GitpodTarget::gitpod());
    assert!(!old.flags.open_in_new_tab);
    assert_eq!(
        decode(json!({"schema": 1, "gitpod_origin": "https://app.ona.com/"})).target,
        GitpodTarget::ona()
    );
    let own = decode(
        json!({"schema": 1, "gitpod_origin": "https://gp.example.test", "toolbar_opens_directly": true}),
    );
    assert_eq!(
        own.target,
        GitpodTarget::custom(origin("https://gp.example.test"), "Gitpod")
    );
    assert!(own.flags.toolbar_opens_directly);
    // Round trip of what this version writes (schema 3), for each kind.
    for target in [
        GitpodTarget::gitpod(),
        GitpodTarget::ona(),
        GitpodTarget::custom(origin("https://gp.example.test:8443"), "Team"),
    ] {
        let settings = Settings {
            target,
            ..Settings::default()
        };
        let written = serde_json::to_value(settings.to_stored()).unwrap();
        assert_eq!(written["schema"], 3);
        assert_eq!(decode(written), settings);
    }
    // Garbage in the new fields: the readable rest wins.
    let s = decode(
        json!({"schema": 2, "target": 7, "gitpod_origin": "https://gp.example.test", "target_name": ["x"]}),
    );
    assert_eq!(
        s.target,
        GitpodTarget::custom(origin("https://gp.example.test"), "Gitpod")
    );
    let s = decode(json!({"schema": 2, "target": "ona", "gitpod_origin": "javascript:alert(1)"}));
    assert_eq!(s.target.kind(), TargetKind::Ona);
}

#[test]
fn the_page_language_wins_then_the_browser_then_english() {
    let locale = |page: &str, browser: &str| page_text(page, browser).locale;
    assert_eq!(locale("de", "en-US"), "de");
    assert_eq!(locale("de-AT", ""), "de");
    assert_eq!(locale("ja", "de"), "ja");
    assert_eq!(locale("pt-BR", ""), "pt_BR");
    assert_eq!(locale("pt", ""), "pt_BR");
    assert_eq!(locale("zh-CN", ""), "zh_CN");
    assert_eq!(locale("zh-Hans-CN", ""), "zh_CN");
    // Traditional Chinese is not served by Simplified: the browser's language comes next.
    assert_eq!(locale("zh-TW", "fr"), "fr");
    assert_eq!(locale("xx", "ko"), "ko");
    assert_eq!(locale("", "uk-UA"), "uk");
    assert_eq!(locale("tlh", "qya"), "en");
    assert_eq!(locale("", ""), "en");
    assert_eq!(locale_for("EN_gb"), Some(0));
}

#[test]
fn every_locale_words_the_entries() {
    assert_eq!(PAGE_LOCALES[0].0, "en");
    for (locale, _) in PAGE_LOCALES {
        let text = page_text(locale, "");
        assert_eq!(text.locale, *locale);
        assert_eq!(text.label(Label::Name, "Ona", false), "Ona");
        for (style, options) in [
            (Label::Name, true),
            (Label::OpenIn, false),
            (Label::OpenIn, true),
        ] {
            let label = text.label(style, "Ona", options);
            assert!(
                label.contains("Ona") && !label.contains("$1"),
                "{locale}: {label}"
            );
        }
        for words in [
            text.description(),
            text.options_description(),
            text.last_used(),
            text.last_used_sr(),
        ] {
            assert!(!words.trim().is_empty() && !words.contains('$'), "{locale}");
        }
    }
    let en = page_text("en", "");
    assert_eq!(
        en.label(Label::OpenIn, "Gitpod", true),
        "Open in Gitpod with options…"
    );
    assert_eq!(
        en.label(Label::Name, "Gitpod", true),
        "Gitpod with options…"
    );
}
