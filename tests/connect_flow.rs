//! The connect flow's URLs and Gitpod's completion page, as Gitpod's contract defines them.

use gitpod_gitlab::connect::*;
use gitpod_gitlab::gitpod_url::GitpodOrigin;
use proptest::prelude::*;

fn origin(s: &str) -> GitpodOrigin {
    GitpodOrigin::parse(s).unwrap()
}

fn b64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn authorize_url_is_gitpods_own() {
    assert_eq!(
        authorize_url(&origin("https://gitpod.io"), "gitlab.com"),
        "https://gitpod.io/api/authorize?returnTo=https%3A%2F%2Fgitpod.io%2Fcomplete-auth%3Fmessage%3Dsuccess&host=gitlab.com&override=true&scopes="
    );
    assert_eq!(
        authorize_url(&origin("http://gitpod.internal:8080/"), "gitlab.example.com:8443"),
        "http://gitpod.internal:8080/api/authorize?returnTo=http%3A%2F%2Fgitpod.internal%3A8080%2Fcomplete-auth%3Fmessage%3Dsuccess&host=gitlab.example.com%3A8443&override=true&scopes="
    );
    assert_eq!(
        integrations_url(&origin("https://gitpod.io")),
        "https://gitpod.io/user/integrations"
    );
    assert_eq!(
        callback_url(&origin("https://gitpod.io"), "gitlab.example.com"),
        "https://gitpod.io/auth/gitlab.example.com/callback"
    );
    assert_eq!(
        applications_url("https://gitlab.example.com/"),
        "https://gitlab.example.com/-/user_settings/applications"
    );
}

#[test]
fn completion_page_is_read_exactly() {
    let o = origin("https://gitpod.io");
    assert_eq!(
        outcome("https://gitpod.io/complete-auth?message=success", &o),
        Some(Outcome::Success)
    );
    // Still on the way: login, GitLab consent, another Gitpod page, another origin.
    for url in [
        "https://gitpod.io/api/authorize?returnTo=x",
        "https://gitlab.com/oauth/authorize?client_id=1",
        "https://gitpod.io/workspaces",
        "https://evil.test/complete-auth?message=success",
        "http://gitpod.io/complete-auth?message=success",
        "https://gitpod.io/complete-auth",
        "not a url",
    ] {
        assert_eq!(outcome(url, &o), None, "{url}");
    }
    // Gitpod's Go side: raw standard base64 ('+' and '/' survive), {"code", "error"}.
    let json = br#"{"code":403,"error":"Access denied ~> GitLab said no???"}"#;
    let encoded = b64(json);
    assert!(encoded.contains('+') && encoded.contains('/'));
    assert_eq!(
        outcome(
            &format!("https://gitpod.io/complete-auth?message=error:{encoded}"),
            &o
        ),
        Some(Outcome::Failed("Access denied ~> GitLab said no???".into()))
    );
    // Percent-encoded, with a description: the description wins.
    let json = br#"{"error":"x","description":"Please log in first."}"#;
    let encoded = b64(json).replace('=', "%3D");
    assert_eq!(
        outcome(
            &format!("https://gitpod.io/complete-auth?message=error%3A{encoded}"),
            &o
        ),
        Some(Outcome::Failed("Please log in first.".into()))
    );
    // Garbage in the error never shows raw.
    for message in ["error:!!!", "error:bm90IGpzb24=", "error:", "weird"] {
        let r = outcome(
            &format!("https://gitpod.io/complete-auth?message={message}"),
            &o,
        );
        assert!(
            matches!(r, Some(Outcome::Failed(ref m)) if m.starts_with("Gitpod")),
            "{message}: {r:?}"
        );
    }
}

#[test]
fn record_lifecycle() {
    let o = origin("https://gitpod.io");
    let pending = ConnectRecord::pending("gitlab.com", &o, 7);
    assert_eq!(
        (pending.state, pending.tab_id),
        (ConnectState::Pending, Some(7))
    );
    let done = pending.clone().finished(Outcome::Success);
    assert_eq!((done.state, done.tab_id), (ConnectState::Connected, None));
    let failed = pending.clone().finished(Outcome::Failed("no".into()));
    assert_eq!(
        (failed.state, failed.message.as_deref()),
        (ConnectState::Failed, Some("no"))
    );
    assert_eq!(pending.abandoned().state, ConnectState::Abandoned);
    // Stored garbage does not decode into a record.
    assert!(serde_json::from_value::<ConnectRecord>(serde_json::json!([1, 2])).is_err());
}

#[test]
fn gitlab_host_names() {
    assert_eq!(gitlab_host("gitlab.com").as_deref(), Some("gitlab.com"));
    assert_eq!(
        gitlab_host("GitLab.Example.com:8443").as_deref(),
        Some("gitlab.example.com:8443")
    );
    for bad in [
        "",
        "gitlab.com/x",
        "user@gitlab.com",
        "gitlab.com?x",
        "a b",
        "https://gitlab.com",
        "gitlab.com:443",
    ] {
        assert_eq!(gitlab_host(bad), None, "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]
    /// Whatever a tab's URL is, reading it never panics, and only Gitpod's own completion page
    /// on the configured origin ends a flow.
    #[test]
    fn any_tab_url_is_safe(path in "[ -~]{0,80}", host in "(gitpod\\.io|evil\\.test|gitpod\\.io\\.evil\\.test)") {
        let o = origin("https://gitpod.io");
        let url = format!("https://{host}/{path}");
        if outcome(&url, &o).is_some() {
            prop_assert_eq!(host.as_str(), "gitpod.io");
            prop_assert!(path.starts_with("complete-auth?"));
        }
    }
}
