//! Properties of the URL model over generated input: never panics, http(s) always yields
//! `<origin>/#http…`, credentials never survive, other schemes are refused, output round-trips.

use gitpod_gitlab::gitlab_url::{GitLabUrl, UrlError};
use gitpod_gitlab::gitpod_url::{gitpod_url, GitpodOrigin, LaunchMode};
use proptest::prelude::*;
use url::Url;

mod common;

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9][a-zA-Z0-9._-]{0,12}",
        Just("-".to_string()),
        Just("tree".to_string()),
        Just("merge_requests".to_string()),
        "[0-9]{1,4}",
        "[^/?#]{0,6}",
    ]
}

fn gitlab_like() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("https"), Just("http")],
        prop_oneof![Just(""), Just("user:pw@"), Just("user@")],
        "[a-z]{1,8}(\\.[a-z]{2,5}){0,2}",
        prop::option::of(1u16..65535),
        prop::collection::vec(segment(), 0..8),
        prop::option::of("[^#]{0,10}"),
        prop::option::of(".{0,10}"),
    )
        .prop_map(|(scheme, creds, host, port, segs, query, frag)| {
            let mut s = format!("{scheme}://{creds}{host}");
            if let Some(p) = port {
                s.push_str(&format!(":{p}"));
            }
            s.push('/');
            s.push_str(&segs.join("/"));
            common::with_query_and_fragment(s, query, frag)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in ".{0,200}") {
        let _ = GitLabUrl::parse(&s);
        let _ = GitpodOrigin::parse(&s);
    }

    #[test]
    fn http_pages_yield_clean_gitpod_urls(input in gitlab_like(), mode in prop_oneof![
        Just(LaunchMode::Open), Just(LaunchMode::WithOptions), Just(LaunchMode::Prebuild)]) {
        let origin = GitpodOrigin::default();
        match GitLabUrl::parse(&input) {
            Ok(page) => {
                let out = gitpod_url(&origin, &page, mode);
                let prefix = match mode {
                    LaunchMode::Open => "https://gitpod.io/#http",
                    LaunchMode::WithOptions => "https://gitpod.io/?autostart=false#http",
                    LaunchMode::Prebuild => "https://gitpod.io/#prebuild/http",
                };
                prop_assert!(out.starts_with(prefix), "{out}");
                // Credentials never carried over.
                let context = &out[out.find("#").unwrap() + 1..];
                let context = context.strip_prefix("prebuild/").unwrap_or(context);
                let context = Url::parse(context).unwrap();
                prop_assert!(context.username().is_empty() && context.password().is_none(), "{out}");
                prop_assert!(context.query().is_none() && context.fragment().is_none(), "{out}");
                // Round-trips through the url crate unchanged.
                let reparsed_out = Url::parse(&out).unwrap();
                prop_assert_eq!(reparsed_out.as_str(), out.as_str());
                // The context itself is a URL whose canonical form is stable.
                let reparsed = GitLabUrl::parse(&page.canonical()).unwrap();
                prop_assert_eq!(reparsed.canonical(), page.canonical());
            }
            Err(e) => prop_assert!(matches!(e, UrlError::NotAProject | UrlError::Invalid), "{e:?} for {input}"),
        }
    }

    #[test]
    fn other_schemes_are_refused(scheme in "[a-z][a-z0-9+.-]{0,8}", rest in "[^ ]{0,30}") {
        prop_assume!(scheme != "http" && scheme != "https");
        let r = GitLabUrl::parse(&format!("{scheme}:{rest}"));
        prop_assert!(matches!(r, Err(UrlError::UnsupportedScheme(_)) | Err(UrlError::Invalid)), "{r:?}");
    }
}
