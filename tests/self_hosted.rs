//! Self-hosted GitLab hosts: which sites can be enabled, their match patterns and script ids,
//! and the stored list read leniently.

use gitpod_gitlab::hosts::*;
use gitpod_gitlab::settings::Loose;

#[test]
fn site_origins() {
    assert_eq!(
        site_origin("https://GitLab.Example.com/group/p/-/tree/main").unwrap(),
        "https://gitlab.example.com"
    );
    assert_eq!(
        site_origin("http://gitlab.internal:8080/x").unwrap(),
        "http://gitlab.internal:8080"
    );
    assert_eq!(
        site_origin("https://gitlab.example.com:443/x").unwrap(),
        "https://gitlab.example.com"
    );
    assert_eq!(
        site_origin("https://gitlab.com/group/project"),
        Err(HostError::Builtin)
    );
    for bad in [
        "chrome://extensions",
        "file:///etc/passwd",
        "about:blank",
        "javascript:alert(1)",
        "",
        "gitlab.example.com",
    ] {
        assert_eq!(site_origin(bad), Err(HostError::NotAWebPage), "{bad}");
    }
}

#[test]
fn patterns_and_ids() {
    assert_eq!(
        match_pattern("https://gitlab.example.com"),
        "https://gitlab.example.com/*"
    );
    assert_eq!(
        match_pattern("http://gitlab.internal:8080"),
        "http://gitlab.internal/*"
    );
    assert_eq!(match_pattern("http://[::1]:8080"), "http://[::1]/*");
    assert_eq!(match_pattern("http://[::1]"), "http://[::1]/*");
    assert_eq!(
        script_id("https://gitlab.example.com"),
        "gitlab-host:https://gitlab.example.com"
    );
}

#[test]
fn enabled_hosts_list() {
    let stored = vec![
        Loose::Text("https://b.example.test".into()),
        Loose::Number(7.0),
        Loose::Text("javascript:alert(1)".into()),
        Loose::Text("https://a.example.test/".into()),
        Loose::Text("https://b.example.test".into()),
        Loose::Text("https://gitlab.com".into()),
        Loose::Other,
    ];
    let mut hosts = EnabledHosts::from_stored(&stored);
    assert_eq!(
        hosts.origins(),
        ["https://a.example.test", "https://b.example.test"]
    );
    assert!(hosts.contains("https://a.example.test"));
    assert!(!hosts.add("https://a.example.test"));
    assert!(hosts.add("https://c.example.test"));
    assert!(hosts.remove("https://b.example.test"));
    assert!(!hosts.remove("https://b.example.test"));
    assert_eq!(
        hosts.link_patterns(),
        [
            "https://gitlab.com/*",
            "https://a.example.test/*",
            "https://c.example.test/*"
        ]
    );
    assert!(is_gitlab_page("https://gitlab.com/a/b", &hosts));
    assert!(is_gitlab_page("https://c.example.test/a/b", &hosts));
    assert!(!is_gitlab_page("https://b.example.test/a/b", &hosts));
    assert!(!is_gitlab_page("chrome://newtab", &hosts));
    // Bounded: a huge stored list is cut, and a full list refuses more.
    let many: Vec<Loose> = (0..500)
        .map(|i| Loose::Text(format!("https://h{i}.example.test")))
        .collect();
    let mut full = EnabledHosts::from_stored(&many);
    assert_eq!(full.origins().len(), MAX_HOSTS);
    assert!(!full.add("https://one-more.example.test"));
}
