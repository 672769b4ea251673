//! What each Gitpod target accepts today (one table), launch presets, per-GitLab-host targets,
//! settings schema 3 (migrated from 1 and 2, garbage-proof), the settings form's validation and
//! the context menu's per-target items.

use gitpod_gitlab::gitlab_url::GitLabUrl;
use gitpod_gitlab::gitpod_target::{
    capabilities, preset, AccountFlow, GitpodTarget, Guide, Presets, TargetKind, KINDS,
};
use gitpod_gitlab::gitpod_url::{GitpodOrigin, LaunchMode};
use gitpod_gitlab::hosts::{link_menu_items, EnabledHosts};
use gitpod_gitlab::messages::Request;
use gitpod_gitlab::settings::{
    Flags, HostTargetForm, Settings, StoredSettings, TargetForm, MAX_HOST_TARGETS,
};
use proptest::prelude::*;
use serde_json::json;

fn decode(v: serde_json::Value) -> Settings {
    let raw: StoredSettings = serde_json::from_value(v).unwrap_or_default();
    Settings::from_stored(&raw)
}

fn origin(s: &str) -> GitpodOrigin {
    GitpodOrigin::parse(s).unwrap()
}

fn page() -> GitLabUrl {
    GitLabUrl::parse("https://gitlab.com/group/sub/project/-/blob/feature/x/src/main.rs").unwrap()
}

const CONTEXT: &str = "https://gitlab.com/group/sub/project/-/blob/feature/x/src/main.rs";

fn dedicated() -> GitpodTarget {
    GitpodTarget::custom(origin("https://acme.gitpod.cloud"), "Acme")
}

#[test]
fn the_table_says_what_each_target_accepts_today() {
    // (kind, Open, with options, prebuild, account flow, guide, presets)
    let rows = [
        (
            GitpodTarget::gitpod(),
            "https://gitpod.io/#",
            "https://app.ona.com/?autostart=false#",
            None,
            AccountFlow::OnFirstEnvironment,
            Guide::RunnerHost,
            false,
        ),
        (
            GitpodTarget::ona(),
            "https://app.ona.com/?autostart=true#",
            "https://app.ona.com/?autostart=false#",
            None,
            AccountFlow::OnFirstEnvironment,
            Guide::RunnerHost,
            false,
        ),
        (
            dedicated(),
            "https://acme.gitpod.cloud/#",
            "https://acme.gitpod.cloud/?autostart=false#",
            Some("https://acme.gitpod.cloud/#prebuild/"),
            AccountFlow::Connect,
            Guide::Integrations,
            true,
        ),
    ];
    for (target, open, options, prebuild, account, guide, presets) in rows {
        let table = target.capabilities();
        let page = page();
        assert_eq!(
            target.url(&page, LaunchMode::Open),
            [open, CONTEXT].concat()
        );
        assert_eq!(
            target.url(&page, LaunchMode::WithOptions),
            [options, CONTEXT].concat()
        );
        assert_eq!(target.supports(LaunchMode::Prebuild), prebuild.is_some());
        match prebuild {
            Some(p) => assert_eq!(
                target.url(&page, LaunchMode::Prebuild),
                [p, CONTEXT].concat()
            ),
            // A mode the target does not take opens plainly.
            None => assert_eq!(
                target.url(&page, LaunchMode::Prebuild),
                target.url(&page, LaunchMode::Open)
            ),
        }
        assert_eq!(
            (table.account, table.guide, table.presets),
            (account, guide, presets),
            "{:?}",
            target.kind()
        );
    }
    // Every kind has its words.
    for kind in KINDS {
        assert!(capabilities(kind).help.starts_with("target_help_"));
        assert!(capabilities(kind).label.starts_with("target_"));
    }
}

#[test]
fn presets_go_on_open_where_the_target_takes_them() {
    let presets = Presets {
        editor: Some("intellij".into()),
        workspace_class: Some("g1-large".into()),
    };
    let own = dedicated().with_presets(presets.clone());
    assert_eq!(
        own.url(&page(), LaunchMode::Open),
        [
            "https://acme.gitpod.cloud/?editor=intellij&workspaceClass=g1-large#",
            CONTEXT
        ]
        .concat()
    );
    // "With options" asks the user, prebuild is a context prefix: neither carries presets.
    assert_eq!(
        own.url(&page(), LaunchMode::WithOptions),
        ["https://acme.gitpod.cloud/?autostart=false#", CONTEXT].concat()
    );
    let only_class = dedicated().with_presets(Presets {
        editor: None,
        workspace_class: Some("g1-standard".into()),
    });
    assert_eq!(
        only_class.url(&page(), LaunchMode::Open),
        [
            "https://acme.gitpod.cloud/?workspaceClass=g1-standard#",
            CONTEXT
        ]
        .concat()
    );
    // gitpod.io would drop them in its redirect, Ona does not document them: never kept.
    for t in [GitpodTarget::gitpod(), GitpodTarget::ona()] {
        let t = t.with_presets(presets.clone());
        assert_eq!(t.presets(), &Presets::default());
        assert!(!t.url(&page(), LaunchMode::Open).contains("editor="));
    }
}

#[test]
fn preset_ids_are_checked() {
    assert_eq!(preset(""), Ok(None));
    assert_eq!(preset("  "), Ok(None));
    assert_eq!(preset(" code-desktop "), Ok(Some("code-desktop".into())));
    assert_eq!(preset("g1.large_2"), Ok(Some("g1.large_2".into())));
    for bad in ["a&b", "x#y", "a b", "é", "a=b", "../x", &"x".repeat(65)] {
        assert!(preset(bad).is_err(), "{bad}");
    }
}

proptest! {
    /// Whatever a user types as presets, the URL is one query and one fragment, and the
    /// context after `#` is the page's canonical URL.
    #[test]
    fn presets_never_break_the_url(editor in "\\PC{0,20}", class in "\\PC{0,20}") {
        let form = TargetForm {
            target: Some("custom".into()),
            gitpod_origin: "https://gp.example.test".into(),
            target_name: String::new(),
            editor,
            workspace_class: class,
        };
        if let Ok(target) = form.to_target() {
            let url = target.url(&page(), LaunchMode::Open);
            let (head, context) = url.split_once('#').unwrap();
            prop_assert_eq!(context, CONTEXT);
            prop_assert!(!head.contains(['#', ' ', '"']));
            prop_assert!(head.matches('?').count() <= 1);
        }
    }

    /// Schema 3 round trip: any settings this version can hold read back the same.
    #[test]
    fn schema_3_round_trips(
        kinds in proptest::collection::vec(0usize..3, 0..6),
        switches in proptest::collection::vec(any::<bool>(), gitpod_gitlab::settings::FLAGS.len()),
    ) {
        let target_of = |k: usize, i: usize| match k {
            0 => GitpodTarget::gitpod(),
            1 => GitpodTarget::ona(),
            _ => GitpodTarget::custom(origin(&format!("https://gp{i}.example.test")), &format!("Team {i}"))
                .with_presets(Presets { editor: Some("code".into()), workspace_class: None }),
        };
        let mut host_targets: Vec<(String, GitpodTarget)> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("gitlab{i}.example.test"), target_of(*k, i)))
            .collect();
        host_targets.sort_by(|a, b| a.0.cmp(&b.0));
        let settings = Settings {
            target: target_of(kinds.first().copied().unwrap_or(2), 99),
            host_targets,
            flags: Flags::default(),
        };
        let mut settings = settings;
        for (name, on) in gitpod_gitlab::settings::FLAGS.iter().zip(switches) {
            settings.flags.set(name, on);
        }
        let written = serde_json::to_value(settings.to_stored()).unwrap();
        prop_assert_eq!(&written["schema"], &json!(3));
        prop_assert_eq!(decode(written), settings);
    }

    /// Garbage anywhere never fails decoding and never yields an invalid target.
    #[test]
    fn garbage_settings_decode(raw in any_json()) {
        let s = decode(raw);
        prop_assert!(s.host_targets.len() <= MAX_HOST_TARGETS);
        for t in std::iter::once(&s.target).chain(s.host_targets.iter().map(|(_, t)| t)) {
            prop_assert!(GitpodOrigin::parse(t.origin().as_str()).is_ok());
        }
    }
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        any::<i32>().prop_map(|n| json!(n)),
        prop_oneof![
            Just("custom".to_string()),
            Just("ona".to_string()),
            Just("https://gp.example.test".to_string()),
            Just("javascript:alert(1)".to_string()),
            "\\PC{0,12}"
        ]
        .prop_map(|s| json!(s)),
    ];
    let keys = prop_oneof![
        Just("target".to_string()),
        Just("gitpod_origin".to_string()),
        Just("editor".to_string()),
        Just("host_targets".to_string()),
        Just("in_page_entries".to_string()),
        Just("gitlab.com".to_string()),
        "[a-z.]{1,8}"
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn older_schemas_become_schema_3_without_loss() {
    // Schema 1: the origin only.
    let one = decode(
        json!({"schema": 1, "gitpod_origin": "https://gp.example.test", "open_in_new_tab": false}),
    );
    assert_eq!(
        one.target,
        GitpodTarget::custom(origin("https://gp.example.test"), "Gitpod")
    );
    assert!(!one.flags.open_in_new_tab && one.flags.in_page_entries && one.host_targets.is_empty());
    // Schema 2: target kind and name; nothing per host, entries in pages.
    let two = decode(
        json!({"schema": 2, "target": "ona", "gitpod_origin": "https://app.ona.com", "target_name": "Ona", "open_in_new_tab": true, "toolbar_opens_directly": true}),
    );
    assert_eq!(two.target, GitpodTarget::ona());
    assert!(two.flags.toolbar_opens_directly && two.flags.in_page_entries);
    assert_eq!(two.target_for("gitlab.com"), &GitpodTarget::ona());
    // Schema 3 with a host of its own, presets, and fields a newer version wrote.
    let three = decode(json!({
        "schema": 3, "target": "ona", "gitpod_origin": "https://app.ona.com",
        "in_page_entries": false, "future_field": {"x": 1},
        "host_targets": {
            "Gitlab.Acme.test:8443": {"target": "custom", "gitpod_origin": "https://acme.gitpod.cloud",
                "target_name": "Acme", "editor": "intellij", "workspace_class": "bad class!"},
            "broken.test": "not an object",
            "": {"target": "ona"}
        }
    }));
    assert!(!three.flags.in_page_entries);
    assert_eq!(three.host_targets.len(), 1, "{:?}", three.host_targets);
    let acme = three.target_for("gitlab.acme.test:8443");
    assert_eq!(acme.name(), "Acme");
    // A stored preset that is not an id is dropped, the valid one kept.
    assert_eq!(acme.presets().editor.as_deref(), Some("intellij"));
    assert_eq!(acme.presets().workspace_class, None);
    // Another host, or the same host on another port, opens in the default.
    assert_eq!(three.target_for("gitlab.acme.test"), &GitpodTarget::ona());
    assert_eq!(three.target_for("gitlab.com"), &GitpodTarget::ona());
}

fn form(kind: &str, origin: &str) -> TargetForm {
    TargetForm {
        target: (kind != "custom").then(|| kind.to_string()),
        gitpod_origin: origin.into(),
        ..TargetForm::default()
    }
}

#[test]
fn the_settings_form_is_checked_again_by_the_worker() {
    let hosts = vec![
        HostTargetForm {
            host: "gitlab.com".into(),
            target: form("ona", ""),
        },
        HostTargetForm {
            host: "gitlab.acme.test:8443".into(),
            target: TargetForm {
                editor: "code".into(),
                workspace_class: "g1-standard".into(),
                target_name: "Acme".into(),
                ..form("custom", "https://acme.gitpod.cloud")
            },
        },
    ];
    let s = Settings::from_form(
        &form("gitpod", ""),
        &hosts,
        Flags {
            in_page_entries: false,
            ..Flags::default()
        },
    )
    .unwrap();
    assert_eq!(s.target, GitpodTarget::gitpod());
    assert_eq!(s.target_for("gitlab.com"), &GitpodTarget::ona());
    let acme = s.target_for("gitlab.acme.test:8443");
    assert_eq!(
        acme.url(&GitLabUrl::parse("https://gitlab.acme.test:8443/a/b").unwrap(), LaunchMode::Open),
        "https://acme.gitpod.cloud/?editor=code&workspaceClass=g1-standard#https://gitlab.acme.test:8443/a/b"
    );
    assert!(!s.flags.in_page_entries);
    // Refused: a bad host, a bad origin, a bad preset, a host twice, too many hosts, an
    // unknown kind.
    let one = |host: &str, target: TargetForm| {
        vec![HostTargetForm {
            host: host.into(),
            target,
        }]
    };
    for (target, hosts) in [
        (
            form("gitpod", ""),
            one("https://gitlab.com", form("ona", "")),
        ),
        (form("gitpod", ""), one("gitlab.com/path", form("ona", ""))),
        (form("custom", "javascript:alert(1)"), vec![]),
        (
            form("gitpod", ""),
            one("gitlab.com", form("custom", "https://x.test/path")),
        ),
        (
            TargetForm {
                editor: "a&b".into(),
                ..form("custom", "https://x.test")
            },
            vec![],
        ),
        (form("nonsense", ""), vec![]),
        (
            form("gitpod", ""),
            [
                one("gitlab.com", form("ona", "")),
                one("GITLAB.com", form("ona", "")),
            ]
            .concat(),
        ),
        (
            form("gitpod", ""),
            (0..=MAX_HOST_TARGETS)
                .flat_map(|i| one(&format!("h{i}.test"), form("ona", "")))
                .collect(),
        ),
    ] {
        assert!(
            Settings::from_form(&target, &hosts, Flags::default()).is_err(),
            "{target:?} {hosts:?}"
        );
    }
}

#[test]
fn save_settings_wire_format() {
    let r: Request = serde_json::from_value(json!({
        "type": "save_settings",
        "target": {"gitpod_origin": "https://gp.example.test", "target_name": "Team", "editor": "code"},
        "host_targets": [{"host": "gitlab.com", "target": {"target": "ona"}}],
        "flags": {"open_in_new_tab": true, "toolbar_opens_directly": false}
    }))
    .unwrap();
    let Request::SaveSettings {
        target,
        host_targets,
        flags,
    } = &r
    else {
        panic!("{r:?}")
    };
    assert_eq!(target.editor, "code");
    assert_eq!(host_targets[0].target.target.as_deref(), Some("ona"));
    assert!(flags.in_page_entries, "absent: entries stay on");
    assert!(r.validate().is_ok());
    for bad in [
        json!({"type": "save_settings", "target": {"gitpod_origin": "x", "evil": 1}}),
        json!({"type": "save_settings", "target": {}, "host_targets": [{"host": "a"}]}),
        json!({"type": "save_settings", "target": {}, "flags": {"open_in_new_tab": "yes"}}),
        json!({"type": "save_settings", "target": {}, "flags": {"a_flag_nobody_declared": true}}),
        // The flat shape of schema 2's form (flags beside the target) is refused.
        json!({"type": "save_settings", "gitpod_origin": "https://x.test", "open_in_new_tab": true, "toolbar_opens_directly": true}),
    ] {
        assert!(
            serde_json::from_value::<Request>(bad.clone()).is_err(),
            "accepted {bad}"
        );
    }
    let long = Request::SaveSettings {
        target: TargetForm {
            editor: "x".repeat(5000),
            ..TargetForm::default()
        },
        host_targets: vec![],
        flags: Flags::default(),
    };
    assert!(long.validate().is_err());
}

#[test]
fn each_link_shows_one_menu_item_named_after_its_hosts_target() {
    let mut hosts = EnabledHosts::default();
    hosts.add("https://gitlab.acme.test");
    hosts.add("https://gitlab.other.test:8443");
    let settings = Settings {
        host_targets: vec![("gitlab.acme.test".into(), dedicated())],
        ..Settings::default()
    };
    let items = link_menu_items("open-link", &settings, &hosts);
    let summary: Vec<(&str, &str, Vec<&str>)> = items
        .iter()
        .map(|i| {
            (
                i.id.as_str(),
                i.name.as_str(),
                i.patterns.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "open-link",
                "Gitpod",
                vec!["https://gitlab.com/*", "https://gitlab.other.test/*"]
            ),
            ("open-link:Acme", "Acme", vec!["https://gitlab.acme.test/*"]),
        ]
    );
    // Without per-host targets: one item for every host, as before.
    let one = link_menu_items("open-link", &Settings::default(), &hosts);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].patterns, hosts.link_patterns());
    // The kind is kept apart from the name: an Ona host and a Dedicated "Ona" share an item,
    // which is right: the worker picks the target by the link's host.
    assert_eq!(TargetKind::parse("ona"), Some(TargetKind::Ona));
}

#[test]
fn every_flag_is_declared_once_and_read_and_written_by_its_name() {
    use gitpod_gitlab::settings::{FLAGS, FLAG_FIELDS};
    // Each switch has a distinct stored name, checkbox id and label; the form lists them all.
    assert_eq!(FLAG_FIELDS.iter().map(|f| f.0).collect::<Vec<_>>(), FLAGS);
    for i in 0..3 {
        let mut seen: Vec<&str> = FLAG_FIELDS.iter().map(|f| [f.0, f.1, f.2][i]).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), FLAGS.len());
    }
    // Every flag flipped from its default, written, read back: by name, nothing else needed.
    for name in FLAGS {
        let mut settings = Settings::default();
        let default = settings.flags.get(name).unwrap();
        settings.flags.set(name, !default);
        let written = serde_json::to_value(settings.to_stored()).unwrap();
        assert_eq!(
            written[name],
            json!(!default),
            "{name} written under its name"
        );
        assert_eq!(decode(written.clone()), settings, "{name} read back");
        // The form's message carries it the same way.
        let request: Request = serde_json::from_value(json!({
            "type": "save_settings", "target": {"target": "gitpod"}, "flags": {*name: !default}
        }))
        .unwrap();
        let Request::SaveSettings { flags, .. } = request else {
            panic!()
        };
        assert_eq!(flags.get(name), Some(!default));
    }
    // What is written is exactly: schema, the target's fields, host_targets, the flags.
    let written = serde_json::to_value(Settings::default().to_stored()).unwrap();
    let mut keys: Vec<&str> = written
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    let mut expected: Vec<&str> = ["schema", "host_targets"]
        .into_iter()
        .chain(gitpod_gitlab::settings::TARGET_FIELDS)
        .chain(FLAGS.iter().copied())
        .collect();
    expected.sort();
    assert_eq!(keys, expected);
}
