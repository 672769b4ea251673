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
    assert_eq!(m.to_stored().len(), MAX_HOSTS);
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
