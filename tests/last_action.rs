//! The last-action memory: per host, first visit Gitpod, corrupted storage never fatal.

use gitpod_gitlab::last_action::*;
use serde_json::json;

fn decode(v: serde_json::Value) -> LastActions {
    let raw: StoredLastActions = serde_json::from_value(v).unwrap_or_default();
    LastActions::from_stored(&raw)
}

#[test]
fn first_visit_is_gitpod_and_hosts_are_separate() {
    let mut m = LastActions::default();
    assert_eq!(m.get("gitlab.com"), "gitpod");
    assert!(m.set("gitlab.com", "webide"));
    assert!(!m.set("gitlab.com", "webide"), "unchanged: nothing to save");
    assert!(m.set("gitlab.example.test:8443", "gitpod_options"));
    assert_eq!(m.get("GitLab.com"), "webide");
    assert_eq!(m.get("gitlab.example.test:8443"), "gitpod_options");
    assert_eq!(m.get("other.example"), "gitpod");
    let round = decode(serde_json::to_value(m.to_stored()).unwrap());
    assert_eq!(round, m);
}

#[test]
fn corrupted_storage_keeps_what_is_valid() {
    let m = decode(json!({
        "gitlab.com": "edit",
        "bad host/with/slash": "webide",
        "gitlab.example.test": 42,
        "x.example": "<script>",
        "y.example": "",
        "z.example": "pipeline_editor"
    }));
    assert_eq!(m.get("gitlab.com"), "edit");
    assert_eq!(m.get("z.example"), "pipeline_editor");
    assert_eq!(m.get("gitlab.example.test"), "gitpod");
    assert_eq!(m.get("x.example"), "gitpod");
    assert_eq!(decode(json!("garbage")), LastActions::default());
    assert_eq!(decode(json!([1, 2, 3])), LastActions::default());
}

#[test]
fn invalid_input_is_not_recorded_and_the_map_is_bounded() {
    let mut m = LastActions::default();
    assert!(!m.set("gitlab.com", "Web IDE"));
    assert!(!m.set("gitlab.com", &"a".repeat(41)));
    assert!(!m.set("", "gitpod"));
    for i in 0..MAX_HOSTS + 10 {
        m.set(&format!("h{i}.example"), "edit");
    }
    assert_eq!(m.entries().len(), MAX_HOSTS);
}

#[test]
fn gitlab_item_keys() {
    assert_eq!(
        action_from_testid("webide-menu-item").as_deref(),
        Some("webide")
    );
    assert_eq!(
        action_from_testid("pipeline_editor-menu-item").as_deref(),
        Some("pipeline_editor")
    );
    assert_eq!(
        action_from_testid("gitpod-menu-item").as_deref(),
        Some("gitpod")
    );
    assert_eq!(action_from_testid("base-dropdown-toggle"), None);
    assert_eq!(
        action_from_qa_selector("web_ide_button").as_deref(),
        Some("webide")
    );
    assert_eq!(
        action_from_qa_selector("gitpod_button").as_deref(),
        Some("gitpod")
    );
    assert_eq!(
        action_from_qa_selector("edit_button").as_deref(),
        Some("edit")
    );
    assert_eq!(action_from_qa_selector("Robot"), None);
}

#[test]
fn gitlab_item_keys_of_every_era() {
    // (markup of GitLab's item, key): 13.6–16.0 split items, 15.x–16.2 qa selectors, the MR
    // Code dropdown's Web IDE link; and what is not an item at all.
    let testids = [
        ("action_webide", Some("webide")),
        ("action_gitpod", Some("gitpod")),
        ("action_pipeline_editor", Some("pipeline_editor")),
        ("open-in-web-ide-button", Some("webide")),
        ("action-dropdown", None),
        ("action_", None),
        ("action_Web IDE", None),
        ("disclosure-dropdown-item", None),
    ];
    for (testid, key) in testids {
        assert_eq!(action_from_testid(testid).as_deref(), key, "{testid}");
    }
    let selectors = [
        ("webide_menu_item", Some("webide")),
        ("web_ide_menu_item", Some("webide")),
        ("gitpod_menu_item", Some("gitpod")),
        ("edit_menu_item", Some("edit")),
        ("action_dropdown", None),
        ("_menu_item", None),
    ];
    for (selector, key) in selectors {
        assert_eq!(
            action_from_qa_selector(selector).as_deref(),
            key,
            "{selector}"
        );
    }
}

#[test]
fn launch_modes_are_remembered_as_actions() {
    use gitpod_gitlab::gitpod_url::LaunchMode;
    use gitpod_gitlab::last_action::{action_for_mode, mode_for_action};
    for mode in [
        LaunchMode::Open,
        LaunchMode::WithOptions,
        LaunchMode::Prebuild,
    ] {
        assert_eq!(mode_for_action(action_for_mode(mode)), mode);
    }
    // GitLab's own actions have no Gitpod mode: the toolbar and shortcut open plainly.
    assert_eq!(mode_for_action("webide"), LaunchMode::Open);
    assert_eq!(mode_for_action(""), LaunchMode::Open);
}

#[test]
fn stored_in_host_order_whatever_the_order_of_choices() {
    let mut m = LastActions::default();
    for (host, action) in [
        ("b.example", "edit"),
        ("A.example", "webide"),
        ("c.example", "gitpod"),
    ] {
        assert!(m.set(host, action));
    }
    assert!(m.set("b.example", "gitpod_options"), "a change is reported");
    assert!(
        !m.set("B.EXAMPLE", "gitpod_options"),
        "hosts are case-insensitive"
    );
    let hosts: Vec<&str> = m.entries().iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(hosts, ["a.example", "b.example", "c.example"]);
    assert_eq!(
        serde_json::to_string(&m.to_stored()).unwrap(),
        r#"{"a.example":"webide","b.example":"gitpod_options","c.example":"gitpod"}"#
    );
    // Stored objects that repeat a host (another writer) keep the last valid value.
    let raw: StoredLastActions =
        serde_json::from_str(r#"{"x.example":"edit","x.example":"webide"}"#).unwrap();
    assert_eq!(LastActions::from_stored(&raw).get("x.example"), "webide");
}
