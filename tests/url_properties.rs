//! Properties of the URL model over generated input: never panics, http(s) always yields
//! `<origin>/#http…`, credentials never survive, other schemes are refused, output round-trips.

use gitpod_gitlab::gitlab_url::{GitLabUrl, Hints, Page, UrlError};
use gitpod_gitlab::gitpod_target::gitpod_url;
use gitpod_gitlab::gitpod_url::{GitpodOrigin, LaunchMode};
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
                // The context itself is a URL whose canonical form is stable; for a project whose
                // own path holds a GitLab < 12 route followed by more (a subgroup named `tree`),
                // which reads as that route without `/-/` and without the page's hints, one step on.
                let reparsed = GitLabUrl::parse(&page.canonical()).unwrap();
                let routed = page.project_path().split('/').skip(2)
                    .any(|s| ["tree", "merge_requests"].contains(&s));
                if routed && page.page() == &Page::Project {
                    let third = GitLabUrl::parse(&reparsed.canonical()).unwrap();
                    prop_assert_eq!(third.canonical(), reparsed.canonical());
                } else {
                    prop_assert_eq!(reparsed.canonical(), page.canonical());
                }
            }
            Err(e) => prop_assert!(matches!(e, UrlError::NotAProject | UrlError::Invalid), "{e:?} for {input}"),
        }
    }

    #[test]
    fn the_pages_stated_project_always_wins(
        groups in prop::collection::vec("[a-z][a-z0-9._-]{0,8}|tree|blob|merge_requests|issues", 0..4),
        name in "[a-z][a-z0-9._-]{0,8}",
        rest in prop_oneof![
            Just(String::new()),
            "(-/)?tree/[a-z0-9]{1,6}(/[a-z]{1,5}){0,3}",
            "(-/)?blob/[a-z0-9]{1,6}/[a-z]{1,5}",
            "(-/)?merge_requests/[0-9]{1,4}(/diffs|/commits|/pipelines)?",
            "(-/)?issues/[0-9]{1,4}",
        ],
        how in 0usize..3,
    ) {
        // A top-level group GitLab does not reserve, then any subgroups (some named like routes).
        let full = std::iter::once("team".to_string())
            .chain(groups)
            .chain(std::iter::once(name))
            .collect::<Vec<_>>()
            .join("/");
        let url = format!("https://gitlab.example.test/{full}/{rest}");
        let find_file = format!("/{full}/-/find_file/main");
        let ide = format!("/-/ide/project/{full}/edit/main/-/");
        let hints = match how {
            0 => Hints { project_full_path: Some(&full), ..Hints::default() },
            1 => Hints { find_file: Some(&find_file), ..Hints::default() },
            _ => Hints { web_ide_route: Some(&ide), ..Hints::default() },
        };
        let page = GitLabUrl::parse_with(&url, hints).unwrap();
        prop_assert_eq!(page.project_path(), full.clone());
        let canonical = page.canonical();
        // The project's own URL, then `/-/` and the route: never a merge request's tab.
        prop_assert!(canonical.starts_with(&format!("https://gitlab.example.test/{full}")), "{canonical}");
        let after = &canonical[format!("https://gitlab.example.test/{full}").len()..];
        prop_assert!(after.is_empty() || after.starts_with("/-/"), "{canonical}");
        for tab in ["/diffs", "/commits", "/pipelines"] {
            prop_assert!(!(after.starts_with("/-/merge_requests/") && after.ends_with(tab)), "{canonical}");
        }
    }

    #[test]
    fn other_schemes_are_refused(scheme in "[a-z][a-z0-9+.-]{0,8}", rest in "[^ ]{0,30}") {
        prop_assume!(scheme != "http" && scheme != "https");
        let r = GitLabUrl::parse(&format!("{scheme}:{rest}"));
        prop_assert!(matches!(r, Err(UrlError::UnsupportedScheme(_)) | Err(UrlError::Invalid)), "{r:?}");
    }
}
