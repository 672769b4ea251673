//! Fuzzing of everything that reads untrusted text: page and link URLs, Gitpod origins, the
//! connect flow's completion URL, messages and stored values. Generated and mutated input,
//! `FUZZ_CASES` cases per target (default 2,000 for a plain `cargo test`; `cargo xtask test`
//! runs 250,000 per target in release, a million inputs in all). A failing input is kept by
//! proptest in `tests/fuzz.proptest-regressions` and re-run first on every later run.

use gitpod_gitlab::connect::{gitlab_host, outcome};
use gitpod_gitlab::gitlab_url::{GitLabUrl, UrlError};
use gitpod_gitlab::gitpod_target::gitpod_url;
use gitpod_gitlab::gitpod_url::{GitpodOrigin, LaunchMode};
use gitpod_gitlab::hosts::{match_pattern, site_origin};
use gitpod_gitlab::last_action::{LastActions, StoredLastActions};
use gitpod_gitlab::messages::Request;
use gitpod_gitlab::settings::{Settings, StoredSettings};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use url::Url;

mod common;

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        source_file: Some(file!()),
        ..Config::default()
    }
}

/// Pieces URLs are made of, including the awkward ones WHATWG parsers treat specially.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9._~-]{1,10}",
        Just("-".into()),
        Just("..".into()),
        Just(".".into()),
        Just("%2F".into()),
        Just("%2e%2E".into()),
        Just("%00".into()),
        Just("@".into()),
        Just(":".into()),
        Just("\\".into()),
        Just("\t".into()),
        Just("\n".into()),
        Just(" ".into()),
        Just("#".into()),
        Just("?".into()),
        Just("tree".into()),
        Just("blob".into()),
        Just("merge_requests".into()),
        Just("issues".into()),
        Just("commit".into()),
        "[0-9]{1,25}",
        "\\PC{1,4}",
        ".{1,3}",
    ]
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,10}(\\.[a-z0-9-]{1,8}){0,3}",
        Just("gitlab.com".into()),
        Just("[::1]".into()),
        Just("[fe80::1%25eth0]".into()),
        Just("127.0.0.1".into()),
        Just("0x7f.1".into()),
        Just("xn--bcher-kva.example".into()),
        Just("bücher.example".into()),
        Just("GITLAB.COM.".into()),
        Just("".into()),
        "\\PC{1,6}",
    ]
}

fn url_like() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("https://"),
            Just("http://"),
            Just("HTTPS://"),
            Just("https:"),
            Just("https:///"),
            Just("javascript:"),
            Just("data:text/html,"),
            Just("file:///"),
            Just("ftp://"),
            Just("chrome-extension://"),
            Just("blob:https://"),
            Just("ws://"),
            Just(""),
            Just("//"),
        ],
        prop_oneof![
            Just(""),
            Just("user:pw@"),
            Just("user@"),
            Just(":@"),
            Just("a@b@")
        ],
        host(),
        prop::option::of(prop_oneof![
            Just(":0".to_string()),
            Just(":443".into()),
            Just(":99999".into()),
            ":[0-9]{1,5}"
        ]),
        prop::collection::vec(piece(), 0..12),
        prop::option::of(".{0,12}"),
        prop::option::of(".{0,12}"),
    )
        .prop_map(|(scheme, creds, host, port, path, query, frag)| {
            let base = format!(
                "{scheme}{creds}{host}{}/{}",
                port.unwrap_or_default(),
                path.join("/")
            );
            common::with_query_and_fragment(base, query, frag)
        })
}

/// A generated URL, or that URL with bytes inserted, deleted or flipped, or any text at all.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => url_like(),
        3 => (url_like(), prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 1..4))
            .prop_map(|(s, edits)| mutate(&s, &edits)),
        1 => ".{0,80}",
        1 => prop::collection::vec(any::<u8>(), 0..80).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn mutate(s: &str, edits: &[(prop::sample::Index, char, u8)]) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for (at, c, op) in edits {
        let i = at.index(chars.len() + 1);
        match op {
            0 => chars.insert(i, *c),
            1 if i < chars.len() => {
                chars.remove(i);
            }
            _ if i < chars.len() => chars[i] = *c,
            _ => chars.push(*c),
        }
    }
    chars.into_iter().collect()
}

fn mode() -> impl Strategy<Value = LaunchMode> {
    prop_oneof![
        Just(LaunchMode::Open),
        Just(LaunchMode::WithOptions),
        Just(LaunchMode::Prebuild)
    ]
}

fn run<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    // A fresh random stream each run (fuzzing explores); failures are persisted and replayed.
    let mut runner = proptest::test_runner::TestRunner::new(config());
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
}

#[test]
fn fuzz_page_urls() {
    let origins = [
        GitpodOrigin::default(),
        GitpodOrigin::parse("http://gitpod.example.test:8080").unwrap(),
    ];
    run("page URLs", (input(), mode(), 0usize..2), |(s, mode, o)| {
        let origin = &origins[o];
        match GitLabUrl::parse(&s) {
            Ok(page) => {
                let out = gitpod_url(origin, &page, mode);
                let at = out.find('#').unwrap();
                prop_assert!(out.starts_with(origin.as_str()), "{out}");
                let context = &out[at + 1..];
                let context = context.strip_prefix("prebuild/").unwrap_or(context);
                prop_assert!(
                    context.starts_with("https://") || context.starts_with("http://"),
                    "{out}"
                );
                let url =
                    Url::parse(context).map_err(|e| TestCaseError::fail(format!("{e}: {out}")))?;
                prop_assert!(
                    url.username().is_empty() && url.password().is_none(),
                    "credentials kept: {out}"
                );
                prop_assert!(url.query().is_none() && url.fragment().is_none(), "{out}");
                let reparsed = Url::parse(&out).unwrap();
                prop_assert_eq!(reparsed.as_str(), out.as_str(), "round trip");
                let again = GitLabUrl::parse(&page.canonical()).unwrap();
                // A project whose own path holds a GitLab < 12 route followed by more (a
                // subgroup named `tree`) reads, without `/-/` and without the page's hints, as
                // that route: one step from there the canonical URL is a fixed point.
                let routed = page.project_path().split('/').skip(2).any(|s| {
                    [
                        "tree",
                        "blob",
                        "commits",
                        "commit",
                        "merge_requests",
                        "issues",
                        "blame",
                        "raw",
                    ]
                    .contains(&s)
                });
                if routed && page.page() == &gitpod_gitlab::gitlab_url::Page::Project {
                    let third = GitLabUrl::parse(&again.canonical()).unwrap();
                    prop_assert_eq!(third.canonical(), again.canonical());
                } else {
                    prop_assert_eq!(again.canonical(), page.canonical());
                }
            }
            Err(UrlError::UnsupportedScheme(scheme)) => {
                prop_assert!(scheme != "http" && scheme != "https", "{s}");
            }
            Err(UrlError::Invalid | UrlError::NotAProject) => {
                if let Ok(u) = Url::parse(s.trim()) {
                    prop_assert!(matches!(u.scheme(), "http" | "https"), "{s}");
                }
            }
        }
        // The same text as a link (context menu) or a page to enable: never a panic.
        let _ = site_origin(&s).map(|o| match_pattern(&o));
        let _ = gitlab_host(&s);
        Ok(())
    });
}

#[test]
fn fuzz_gitpod_origins() {
    run("Gitpod origins", input(), |s| {
        if let Ok(origin) = GitpodOrigin::parse(&s) {
            let o = origin.as_str();
            prop_assert!(o.starts_with("https://") || o.starts_with("http://"), "{o}");
            let url = Url::parse(o).unwrap();
            prop_assert_eq!(url.origin().ascii_serialization(), o);
            prop_assert!(url.username().is_empty() && url.password().is_none());
            prop_assert_eq!(GitpodOrigin::parse(o), Ok(origin.clone()), "stable");
        }
        Ok(())
    });
}

#[test]
fn fuzz_connect_completion_urls() {
    let origin = GitpodOrigin::default();
    let tail = prop_oneof![
        Just("/complete-auth?message=success".to_string()),
        "/complete-auth\\?message=error:[A-Za-z0-9+/=%]{0,60}",
        "/complete-auth\\?message=.{0,30}",
        ".{0,40}",
    ];
    run(
        "connect completion URLs",
        (
            prop_oneof![Just("https://gitpod.io".to_string()), host()],
            tail,
            input(),
        ),
        |(h, t, s)| {
            let _ = outcome(&format!("{h}{t}"), &origin);
            let _ = outcome(&format!("https://{h}{t}"), &origin);
            let _ = outcome(&s, &origin);
            Ok(())
        },
    );
}

/// JSON values of any shape, as messages and as stored values.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        input().prop_map(serde_json::Value::from),
        prop_oneof![
            Just("open"),
            Just("connect"),
            Just("save_settings"),
            Just("enable_host"),
            Just("ping"),
            Just("https://gitpod.io")
        ]
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_string()),
                    Just("url".into()),
                    Just("mode".into()),
                    Just("host".into()),
                    Just("origin".into()),
                    Just("tab_id".into()),
                    Just("gitpod_origin".into()),
                    Just("open_in_new_tab".into()),
                    Just("gitlab.com".into()),
                    "[a-z_.]{1,8}",
                ],
                inner,
                0..5,
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn fuzz_messages_and_stored_values() {
    run("messages and stored values", json(), |v| {
        if let Ok(req) = serde_json::from_value::<Request>(v.clone()) {
            let _ = req.validate();
        }
        let settings = serde_json::from_value::<StoredSettings>(v.clone()).unwrap_or_default();
        let s = Settings::from_stored(&settings);
        prop_assert!(GitpodOrigin::parse(s.gitpod_origin().as_str()).is_ok());
        let last = serde_json::from_value::<StoredLastActions>(v).unwrap_or_default();
        let _ = LastActions::from_stored(&last).get("gitlab.com");
        Ok(())
    });
}
