//! The GitLab URL model and Gitpod URL builder on every URL form Gitpod understands.

use gitpod_gitlab::gitlab_url::{GitLabUrl, Hints, Page, UrlError};
use gitpod_gitlab::gitpod_target::{gitpod_url, gitpod_url_for};
use gitpod_gitlab::gitpod_url::{GitpodOrigin, LaunchMode, OriginError};

fn open(url: &str) -> String {
    gitpod_url_for(&GitpodOrigin::default(), url, LaunchMode::Open).unwrap()
}

#[test]
fn fixture_table_urls() {
    // The table in shared/fixtures/gitlab/README.md.
    for (page, want) in [
        ("https://gitlab.com/gitlab-org/gitlab-runner", "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-runner"),
        (
            "https://gitlab.com/gitlab-org/gitlab-runner/-/tree/feature/retry-logic/docs",
            "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-runner/-/tree/feature/retry-logic/docs",
        ),
        (
            "https://gitlab.com/gitlab-org/ci-cd/runner-tools/tanuki-cli",
            "https://gitpod.io/#https://gitlab.com/gitlab-org/ci-cd/runner-tools/tanuki-cli",
        ),
        (
            "https://gitlab.com/gitlab-org/ci-cd/runner-tools/tanuki-cli/-/tree/main/docs",
            "https://gitpod.io/#https://gitlab.com/gitlab-org/ci-cd/runner-tools/tanuki-cli/-/tree/main/docs",
        ),
        (
            "https://gitlab.com/gitlab-org/gitlab-runner/-/merge_requests/4821",
            "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-runner/-/merge_requests/4821",
        ),
        (
            "https://gitlab.com/gitlab-org/gitlab-runner/-/blob/v17.4.0/commands/multi.go",
            "https://gitpod.io/#https://gitlab.com/gitlab-org/gitlab-runner/-/blob/v17.4.0/commands/multi.go",
        ),
    ] {
        assert_eq!(open(page), want, "for {page}");
    }
}

#[test]
fn page_kinds() {
    let kind = |u: &str| GitLabUrl::parse(u).unwrap().page().clone();
    assert_eq!(kind("https://gitlab.com/a/b"), Page::Project);
    assert_eq!(kind("https://gitlab.com/a/b/"), Page::Project);
    assert_eq!(
        kind("https://gitlab.com/a/b/-/tree/main"),
        Page::Tree("main".into())
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/tree/feat/x/src/lib"),
        Page::Tree("feat/x/src/lib".into())
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/blob/v1.0/README.md"),
        Page::Blob("v1.0/README.md".into())
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/commits/main"),
        Page::Commits("main".into())
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/commit/0123abcd"),
        Page::Commit("0123abcd".into())
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/commit/0123abcd/diffs"),
        Page::Commit("0123abcd".into())
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/merge_requests/12"),
        Page::MergeRequest(12)
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/merge_requests/12/diffs"),
        Page::MergeRequest(12)
    );
    assert_eq!(
        kind("https://gitlab.com/a/b/-/merge_requests/new"),
        Page::Project
    );
    assert_eq!(kind("https://gitlab.com/a/b/-/issues/7"), Page::Issue(7));
    assert_eq!(
        kind("https://gitlab.com/a/b/-/work_items/7"),
        Page::Issue(7)
    );
    assert_eq!(kind("https://gitlab.com/a/b/-/issues"), Page::Project);
    assert_eq!(kind("https://gitlab.com/a/b/-/pipelines/99"), Page::Project);
    assert_eq!(kind("https://gitlab.com/a/b/-/tree"), Page::Project);
}

#[test]
fn normalisation_drops_what_gitpod_ignores() {
    // Query (GitLab adds ?ref_type=heads), fragment (line anchors), MR sub-pages, credentials.
    assert_eq!(
        open("https://gitlab.com/a/b/-/blob/main/x.rs?ref_type=heads#L10-20"),
        "https://gitpod.io/#https://gitlab.com/a/b/-/blob/main/x.rs"
    );
    assert_eq!(
        open("https://gitlab.com/a/b/-/merge_requests/3/diffs?commit_id=abc"),
        "https://gitpod.io/#https://gitlab.com/a/b/-/merge_requests/3"
    );
    assert_eq!(
        open("https://user:secret@gitlab.com/a/b"),
        "https://gitpod.io/#https://gitlab.com/a/b"
    );
    assert_eq!(
        open("https://gitlab.com:443/a/b"),
        "https://gitpod.io/#https://gitlab.com/a/b"
    );
    assert_eq!(
        open("https://gitlab.com//a//b//"),
        "https://gitpod.io/#https://gitlab.com/a/b"
    );
    assert_eq!(
        open("  https://GitLab.com/a/b  "),
        "https://gitpod.io/#https://gitlab.com/a/b"
    );
}

#[test]
fn names_with_dots_dashes_and_encoded_characters() {
    assert_eq!(
        open("https://gitlab.com/my.group/my-proj.js/-/tree/release/1.x"),
        "https://gitpod.io/#https://gitlab.com/my.group/my-proj.js/-/tree/release/1.x"
    );
    // A ref with a space or # stays percent-encoded, so Gitpod sees one path.
    assert_eq!(
        open("https://gitlab.com/a/b/-/tree/fix%23123/a%20b"),
        "https://gitpod.io/#https://gitlab.com/a/b/-/tree/fix%23123/a%20b"
    );
}

#[test]
fn self_hosted_with_port_and_relative_root() {
    assert_eq!(
        open("http://git.example.test:8080/team/app/-/commits/main"),
        "https://gitpod.io/#http://git.example.test:8080/team/app/-/commits/main"
    );
    // Under a relative URL root the page says which part is the project.
    let url = "https://corp.example/gitlab/team/app/-/issues/4";
    let hinted = GitLabUrl::parse_with(
        url,
        Hints {
            project_full_path: Some("team/app"),
            ..Hints::default()
        },
    )
    .unwrap();
    assert_eq!(hinted.project_path(), "team/app");
    assert_eq!(hinted.canonical(), url);
    let rooted = GitLabUrl::parse_with(
        "https://corp.example/gitlab/team/app",
        Hints {
            relative_root: Some("/gitlab"),
            ..Hints::default()
        },
    )
    .unwrap();
    assert_eq!(rooted.project_path(), "team/app");
    assert_eq!(rooted.canonical(), "https://corp.example/gitlab/team/app");
    // Unhinted, /-/ still finds the project end; the root is then part of the group path,
    // which yields the same canonical URL.
    assert_eq!(GitLabUrl::parse(url).unwrap().canonical(), url);
}

#[test]
fn legacy_paths_without_dash() {
    // GitLab < 12 routes have no `/-/`: a route after the project ends it, and the Gitpod URL
    // is the modern form, never with a tab suffix.
    assert_eq!(
        open("https://gitlab.example.test/a/b/tree/main/src"),
        "https://gitpod.io/#https://gitlab.example.test/a/b/-/tree/main/src"
    );
    assert_eq!(
        open("https://gitlab.com/group/project/merge_requests/1/diffs"),
        "https://gitpod.io/#https://gitlab.com/group/project/-/merge_requests/1"
    );
    for (url, canonical) in [
        (
            "https://gitlab.com/g/p/blob/master/a/b.c",
            "https://gitlab.com/g/p/-/blob/master/a/b.c",
        ),
        (
            "https://gitlab.com/g/p/commit/0123abc",
            "https://gitlab.com/g/p/-/commit/0123abc",
        ),
        (
            "https://gitlab.com/g/p/commits/master",
            "https://gitlab.com/g/p/-/commits/master",
        ),
        (
            "https://gitlab.com/g/p/issues/12",
            "https://gitlab.com/g/p/-/issues/12",
        ),
        (
            "https://gitlab.com/g/sub/p/tree/feature/x",
            "https://gitlab.com/g/sub/p/-/tree/feature/x",
        ),
    ] {
        assert_eq!(
            GitLabUrl::parse(url).unwrap().canonical(),
            canonical,
            "{url}"
        );
    }
    // A project named like a route is a project where nothing follows it.
    assert_eq!(
        GitLabUrl::parse("https://gitlab.com/org/team/blob")
            .unwrap()
            .project_path(),
        "org/team/blob"
    );
    // With the page's project path, resolved to the modern form.
    let hinted = GitLabUrl::parse_with(
        "https://gitlab.example.test/a/b/merge_requests/5",
        Hints {
            project_full_path: Some("a/b"),
            ..Hints::default()
        },
    )
    .unwrap();
    assert_eq!(
        hinted.canonical(),
        "https://gitlab.example.test/a/b/-/merge_requests/5"
    );
}

#[test]
fn the_page_states_where_its_project_ends() {
    let parse = |url: &str, hints: Hints<'_>| GitLabUrl::parse_with(url, hints).unwrap();
    // GitLab 11.x–16.x: `data-find-file` (legacy form without `/-/` too).
    let tree = parse(
        "https://gitlab.com/gitlab-org/gitlab-runner/tree/master",
        Hints {
            find_file: Some("/gitlab-org/gitlab-runner/find_file/master"),
            ..Hints::default()
        },
    );
    assert_eq!(tree.project_path(), "gitlab-org/gitlab-runner");
    assert_eq!(
        tree.canonical(),
        "https://gitlab.com/gitlab-org/gitlab-runner/-/tree/master"
    );
    // A nested project whose subgroup looks like a route: the page's word wins over the guess.
    let nested = parse(
        "https://gitlab.com/org/tree/app/blob/main/x.rs",
        Hints {
            find_file: Some("/org/tree/app/-/find_file/main"),
            ..Hints::default()
        },
    );
    assert_eq!(nested.project_path(), "org/tree/app");
    assert_eq!(
        nested.canonical(),
        "https://gitlab.com/org/tree/app/-/blob/main/x.rs"
    );
    // GitLab 12.x merge request: the Web IDE route of GitLab's own link.
    let mr = parse(
        "https://gitlab.com/sourcegraph/jsonrpc2/merge_requests/1/diffs",
        Hints {
            web_ide_route: Some(
                "/-/ide/project/sourcegraph/jsonrpc2/merge_requests/1?target_project=",
            ),
            ..Hints::default()
        },
    );
    assert_eq!(mr.project_path(), "sourcegraph/jsonrpc2");
    assert_eq!(mr.page(), &Page::MergeRequest(1));
    // A subgroup called `tree` (a project may not be), its tree in the Web IDE: each reading of
    // the route is tried against the URL, longest first.
    let route = Hints {
        web_ide_route: Some("https://gitlab.com/-/ide/project/g/s/tree/app/tree/main/-/docs/"),
        ..Hints::default()
    };
    assert_eq!(
        route.stated_projects(),
        vec![vec!["g", "s", "tree", "app"], vec!["g", "s"]]
    );
    assert_eq!(
        parse("https://gitlab.com/g/s/tree/app/-/tree/main/docs", route).project_path(),
        "g/s/tree/app"
    );
    // `data-project` (the project's own segment) ends a `/-/`-less path.
    let named = parse(
        "https://gitlab.com/a/app/tree/app",
        Hints {
            project_name: Some("app"),
            ..Hints::default()
        },
    );
    assert_eq!(named.project_path(), "a/app");
    assert_eq!(named.page(), &Page::Tree("app".into()));
    // A hint that does not fit the URL (a link to another project) is ignored.
    let other = parse(
        "https://gitlab.com/a/b/-/tree/main",
        Hints {
            web_ide_route: Some("/-/ide/project/x/y/edit/main"),
            ..Hints::default()
        },
    );
    assert_eq!(other.project_path(), "a/b");
    // With `/-/` the dash is the end, whatever the name says.
    let dashed = parse(
        "https://gitlab.com/x/foo/foo/-/tree/main",
        Hints {
            project_name: Some("foo"),
            ..Hints::default()
        },
    );
    assert_eq!(dashed.project_path(), "x/foo/foo");
}

#[test]
fn non_project_pages_are_refused() {
    for url in [
        "https://gitlab.com/",
        "https://gitlab.com/gitlab-org",
        "https://gitlab.com/dashboard/projects",
        "https://gitlab.com/explore/projects",
        "https://gitlab.com/users/sign_in",
        "https://gitlab.com/-/ide/project/a/b/edit/main",
        "https://gitlab.com/-/not-a-gitlab-page",
        "https://gitlab.com/groups/a/-/epics/1",
        "https://gitlab.com/admin/users",
    ] {
        assert_eq!(
            GitLabUrl::parse(url),
            Err(UrlError::NotAProject),
            "for {url}"
        );
    }
}

#[test]
fn other_schemes_and_garbage_are_refused() {
    for (url, scheme) in [
        ("javascript:alert(1)", "javascript"),
        ("data:text/html,hi", "data"),
        ("file:///etc/passwd", "file"),
        ("chrome://extensions", "chrome"),
        ("ftp://gitlab.com/a/b", "ftp"),
    ] {
        assert_eq!(
            GitLabUrl::parse(url),
            Err(UrlError::UnsupportedScheme(scheme.into()))
        );
    }
    for url in ["", "gitlab.com/a/b", "https://", "not a url", "http://[::1"] {
        assert_eq!(GitLabUrl::parse(url), Err(UrlError::Invalid), "for {url:?}");
    }
}

#[test]
fn launch_modes_and_origins() {
    let page = GitLabUrl::parse("https://gitlab.com/a/b/-/tree/dev").unwrap();
    let io = GitpodOrigin::default();
    assert_eq!(
        gitpod_url(&io, &page, LaunchMode::WithOptions),
        "https://gitpod.io/?autostart=false#https://gitlab.com/a/b/-/tree/dev"
    );
    assert_eq!(
        gitpod_url(&io, &page, LaunchMode::Prebuild),
        "https://gitpod.io/#prebuild/https://gitlab.com/a/b/-/tree/dev"
    );
    let own = GitpodOrigin::parse("https://gitpod.corp.example:8443/").unwrap();
    assert_eq!(
        gitpod_url(&own, &page, LaunchMode::Open),
        "https://gitpod.corp.example:8443/#https://gitlab.com/a/b/-/tree/dev"
    );
}

#[test]
fn gitpod_origin_validation() {
    assert_eq!(
        GitpodOrigin::parse("https://gitpod.io").unwrap().as_str(),
        "https://gitpod.io"
    );
    assert_eq!(
        GitpodOrigin::parse(" HTTP://Gitpod.Local:80/ ")
            .unwrap()
            .as_str(),
        "http://gitpod.local"
    );
    assert_eq!(
        GitpodOrigin::parse("javascript:alert(1)"),
        Err(OriginError::UnsupportedScheme("javascript".into()))
    );
    assert_eq!(GitpodOrigin::parse("gitpod.io"), Err(OriginError::Invalid));
    for bad in [
        "https://gitpod.io/workspaces",
        "https://u:p@gitpod.io",
        "https://gitpod.io/?x=1",
        "https://gitpod.io/#a",
    ] {
        assert_eq!(
            GitpodOrigin::parse(bad),
            Err(OriginError::NotAnOrigin),
            "for {bad}"
        );
    }
}

// Inputs found by `tests/fuzz.rs`, kept as regressions.

#[test]
fn fuzz_found_non_ascii_host_with_uppercase_is_invalid_not_a_panic() {
    assert_eq!(
        GitLabUrl::parse("https://A\u{1d17b}/g/p"),
        Err(UrlError::Invalid)
    );
    assert!(gitpod_gitlab::gitpod_url::GitpodOrigin::parse("https://A\u{1d17b}/").is_err());
}

#[test]
fn fuzz_found_odd_host_characters_are_encoded_in_the_fragment() {
    let page = GitLabUrl::parse("https://user@127.0.0\"1:000/g/p/-/tree/main").unwrap();
    let out = gitpod_gitlab::gitpod_target::gitpod_url(
        &gitpod_gitlab::gitpod_url::GitpodOrigin::default(),
        &page,
        gitpod_gitlab::gitpod_url::LaunchMode::Open,
    );
    assert_eq!(
        out,
        "https://gitpod.io/#https://127.0.0%221:0/g/p/-/tree/main"
    );
    assert_eq!(url::Url::parse(&out).unwrap().as_str(), out);
}

#[test]
fn code_pages_are_the_overview_and_the_kinds_gitpod_opens() {
    use gitpod_gitlab::gitlab_url::GitLabUrl;
    let code = |u: &str| GitLabUrl::parse(u).unwrap().is_code_page();
    for yes in [
        "https://gitlab.com/a/b",
        "https://gitlab.com/a/b/",
        "https://gitlab.com/a/sub/b/-/tree/feature/x/docs",
        "https://gitlab.com/a/b/-/blob/main/README.md",
        "https://gitlab.com/a/b/-/commits/main",
        "https://gitlab.com/a/b/-/commit/0123abcd",
        "https://gitlab.com/a/b/-/merge_requests/7/diffs",
        "https://gitlab.com/a/b/-/issues/3",
        "https://gitlab.com/a/b/-/work_items/3",
    ] {
        assert!(code(yes), "{yes}");
    }
    for no in [
        "https://gitlab.com/a/b/-/pipelines",
        "https://gitlab.com/a/b/-/settings/general",
        "https://gitlab.com/a/b/-/issues",
        "https://gitlab.com/a/b/-/wikis/home",
        "https://gitlab.com/a/b/-/tree",
    ] {
        assert!(!code(no), "{no}");
    }
}
