//! Settings survive whatever storage holds; messages have a stable, validated wire format.

use gitpod_gitlab::messages::{Reply, Request, MAX_TEXT};
use gitpod_gitlab::settings::{Settings, StoredSettings};
use serde_json::json;

fn decode(v: serde_json::Value) -> Settings {
    let raw: StoredSettings = serde_json::from_value(v).unwrap_or_default();
    Settings::from_stored(&raw)
}

#[test]
fn settings_defaults_and_round_trip() {
    let d = Settings::default();
    assert_eq!(d.gitpod_origin().as_str(), "https://gitpod.io");
    assert!(d.flags.open_in_new_tab);
    assert_eq!(decode(json!(null)), d);
    assert_eq!(decode(json!({})), d);
    let custom = decode(
        json!({"schema": 1, "gitpod_origin": "https://gp.example.test", "open_in_new_tab": false}),
    );
    assert_eq!(custom.gitpod_origin().as_str(), "https://gp.example.test");
    assert!(!custom.flags.open_in_new_tab);
    let written = serde_json::to_value(custom.to_stored()).unwrap();
    assert_eq!(decode(written), custom);
}

#[test]
fn corrupted_settings_keep_readable_values() {
    // One bad field does not spoil the others.
    let s = decode(json!({"gitpod_origin": 42, "open_in_new_tab": false, "junk": [1, {"a": 2}]}));
    assert_eq!(s.gitpod_origin().as_str(), "https://gitpod.io");
    assert!(!s.flags.open_in_new_tab);
    let s = decode(json!({"gitpod_origin": "javascript:alert(1)", "open_in_new_tab": "yes"}));
    assert_eq!(s, Settings::default());
    let s = decode(json!({"schema": 0, "gitpod_origin": "https://old.example.test/"}));
    assert_eq!(s.gitpod_origin().as_str(), "https://old.example.test");
    assert_eq!(decode(json!("a string")), Settings::default());
    assert_eq!(decode(json!([1, 2])), Settings::default());
}

#[test]
fn message_wire_format() {
    assert_eq!(
        serde_json::to_value(Request::Ping {}).unwrap(),
        json!({"type": "ping"})
    );
    let r: Request =
        serde_json::from_value(json!({"type": "content_blocked", "reason": "csp"})).unwrap();
    assert_eq!(
        r,
        Request::ContentBlocked {
            reason: "csp".into()
        }
    );
    assert_eq!(
        serde_json::to_value(Reply::Pong {
            version: "1".into()
        })
        .unwrap(),
        json!({"type": "pong", "version": "1"})
    );
    assert_eq!(
        serde_json::to_value(Reply::error("x")).unwrap(),
        json!({"type": "error", "message": "x"})
    );
}

#[test]
fn hostile_messages_are_refused() {
    for bad in [
        json!({"type": "open_everything"}),
        json!({"type": "ping", "extra": true}),
        json!({"type": "content_blocked"}),
        json!({"type": "content_blocked", "reason": 5}),
        json!("ping"),
        json!(null),
        json!([{"type": "ping"}]),
    ] {
        assert!(
            serde_json::from_value::<Request>(bad.clone()).is_err(),
            "accepted {bad}"
        );
    }
    let long = Request::ContentBlocked {
        reason: "x".repeat(MAX_TEXT + 1),
    };
    assert!(long.validate().is_err());
}

#[test]
fn toolbar_setting_and_new_requests() {
    let s = decode(json!({"toolbar_opens_directly": true, "open_in_new_tab": "garbage"}));
    assert!(s.flags.toolbar_opens_directly && s.flags.open_in_new_tab);
    assert!(!Settings::default().flags.toolbar_opens_directly);
    let r: Request = serde_json::from_value(
        json!({"type": "open", "url": "https://gitlab.com/a/b", "mode": "with_options", "tab_id": 12}),
    )
    .unwrap();
    assert_eq!(
        r,
        Request::Open {
            url: "https://gitlab.com/a/b".into(),
            mode: gitpod_gitlab::gitpod_url::LaunchMode::WithOptions,
            tab_id: Some(12)
        }
    );
    // tab_id is optional; unknown fields, unknown modes and wrong types are refused.
    assert!(
        serde_json::from_value::<Request>(json!({"type": "open", "url": "u", "mode": "open"}))
            .is_ok()
    );
    for bad in [
        json!({"type": "open", "url": "u", "mode": "launch"}),
        json!({"type": "open", "url": "u", "mode": "open", "tab_id": "1"}),
        json!({"type": "connect", "host": "gitlab.com", "scopes": "all"}),
        json!({"type": "save_settings", "gitpod_origin": "https://x.test", "open_in_new_tab": true}),
        json!({"type": "enable_host"}),
    ] {
        assert!(
            serde_json::from_value::<Request>(bad.clone()).is_err(),
            "{bad}"
        );
    }
    let long = "a".repeat(MAX_TEXT + 1);
    for r in [
        Request::Connect { host: long.clone() },
        Request::DisableHost {
            origin: long.clone(),
        },
        Request::EnableHost {
            origin: long.clone(),
            tab_id: None,
        },
    ] {
        assert!(r.validate().is_err());
    }
}

#[test]
fn the_blocked_note_has_one_key_and_shape() {
    use gitpod_gitlab::blocked::{blocked_key, tab_of_key, BlockedNote};
    assert_eq!(blocked_key(42), "blocked:42");
    assert_eq!(tab_of_key(&blocked_key(7)), Some(7));
    for other in ["blocked:", "blocked:x", "connect", "blocked:-1x"] {
        assert_eq!(tab_of_key(other), None, "{other}");
    }
    let note: BlockedNote =
        serde_json::from_value(json!({"url": "https://gitlab.com/a/b", "reason": "csp"})).unwrap();
    assert_eq!(note.reason_for("https://gitlab.com/a/b"), Some("csp"));
    assert_eq!(
        note.reason_for("https://gitlab.com/a/c"),
        None,
        "the tab moved on"
    );
}
