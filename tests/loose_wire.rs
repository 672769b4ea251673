//! Values as the browser hands them over (`src/loose.rs`): every message and stored record
//! reads back what it writes, and what only a JS value can be (a fractional or out-of-range tab
//! id, `null` where an option is, deep nesting) is read as the old serde path read it.

use gitpod_gitlab::blocked::BlockedNote;
use gitpod_gitlab::connect::{ConnectRecord, ConnectState};
use gitpod_gitlab::gitpod_url::LaunchMode;
use gitpod_gitlab::loose::{FromLoose, Loose, ToLoose};
use gitpod_gitlab::messages::{Reply, Request};
use gitpod_gitlab::settings::{Flags, HostTargetForm, TargetForm, FLAGS};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z:/._-]{1,12}", any::<String>()]
}

fn target_form() -> impl Strategy<Value = TargetForm> {
    (prop::option::of(text()), text(), text(), text(), text()).prop_map(
        |(target, origin, name, editor, class)| TargetForm {
            target,
            gitpod_origin: origin,
            target_name: name,
            editor,
            workspace_class: class,
        },
    )
}

fn flags() -> impl Strategy<Value = Flags> {
    prop::collection::vec(any::<bool>(), FLAGS.len()).prop_map(|ons| {
        let mut flags = Flags::default();
        for (name, on) in FLAGS.iter().zip(ons) {
            flags.set(name, on);
        }
        flags
    })
}

fn request() -> impl Strategy<Value = Request> {
    let mode = prop::sample::select(LaunchMode::ALL.to_vec());
    let tab = prop::option::of(any::<i32>());
    prop_oneof![
        Just(Request::Ping {}),
        Just(Request::ContentWasm {}),
        text().prop_map(|reason| Request::ContentBlocked { reason }),
        (text(), mode, tab.clone()).prop_map(|(url, mode, tab_id)| Request::Open {
            url,
            mode,
            tab_id
        }),
        text().prop_map(|host| Request::Connect { host }),
        (
            target_form(),
            prop::collection::vec((text(), target_form()), 0..3),
            flags()
        )
            .prop_map(|(target, hosts, flags)| Request::SaveSettings {
                target,
                host_targets: hosts
                    .into_iter()
                    .map(|(host, target)| HostTargetForm { host, target })
                    .collect(),
                flags,
            }),
        (text(), tab).prop_map(|(origin, tab_id)| Request::EnableHost { origin, tab_id }),
        text().prop_map(|origin| Request::DisableHost { origin }),
    ]
}

proptest! {
    #[test]
    fn every_request_reads_back_what_it_writes(r in request()) {
        prop_assert_eq!(Request::from_loose(&r.to_loose()), Ok(r));
    }

    #[test]
    fn records_read_back_what_they_write(
        host in text(), origin in text(), tab_id in prop::option::of(any::<i32>()),
        message in prop::option::of(text()), state in 0usize..4, url in text(), reason in text(),
    ) {
        let state = [ConnectState::Pending, ConnectState::Connected, ConnectState::Failed, ConnectState::Abandoned][state];
        let record = ConnectRecord { host, state, tab_id, message, origin };
        prop_assert_eq!(ConnectRecord::from_loose(&record.to_loose()), Ok(record));
        let note = BlockedNote { url, reason };
        prop_assert_eq!(BlockedNote::from_loose(&note.to_loose()), Ok(note));
        for reply in [Reply::Done, Reply::error("x"), Reply::Pong { version: "1".into() }, Reply::Wasm { base64: "AA==".into() }] {
            prop_assert_eq!(Reply::from_loose(&reply.to_loose()), Ok(reply));
        }
    }

    /// Whatever a hostile sender puts together, reading it never panics.
    #[test]
    fn any_value_is_read_or_refused(v in loose()) {
        let _ = Request::from_loose(&v);
        let _ = Reply::from_loose(&v);
        let _ = ConnectRecord::from_loose(&v);
    }
}

fn loose() -> impl Strategy<Value = Loose> {
    let leaf = prop_oneof![
        Just(Loose::Missing),
        Just(Loose::Null),
        Just(Loose::Other),
        any::<bool>().prop_map(Loose::Bool),
        any::<f64>().prop_map(Loose::Number),
        prop::sample::select(vec![
            "open",
            "ping",
            "save_settings",
            "enable_host",
            "with_options"
        ])
        .prop_map(Loose::from),
        text().prop_map(Loose::Text),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Loose::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "type",
                        "url",
                        "mode",
                        "tab_id",
                        "target",
                        "host_targets",
                        "flags",
                        "origin",
                        "host",
                        "reason",
                        "extra"
                    ]),
                    inner
                ),
                0..5
            )
            .prop_map(Loose::object),
        ]
    })
}

fn open(tab_id: Loose) -> Loose {
    Loose::object([
        ("type", "open".into()),
        ("url", "https://gitlab.com/a/b".into()),
        ("mode", "open".into()),
        ("tab_id", tab_id),
    ])
}

#[test]
fn tab_ids_are_whole_32_bit_numbers_and_null_is_none() {
    let tab = |v: Loose| match Request::from_loose(&open(v)) {
        Ok(Request::Open { tab_id, .. }) => Ok(tab_id),
        Ok(other) => panic!("{other:?}"),
        Err(e) => Err(e),
    };
    assert_eq!(tab(Loose::Number(12.0)), Ok(Some(12)));
    assert_eq!(tab(Loose::Null), Ok(None));
    assert_eq!(tab(Loose::Missing), Ok(None));
    for bad in [1.5, -0.5, 3e10, f64::NAN, f64::INFINITY] {
        assert!(tab(Loose::Number(bad)).is_err(), "{bad}");
    }
    assert!(tab(Loose::Text("1".into())).is_err());
}

#[test]
fn what_is_written_is_what_the_browser_gets() {
    let open = Request::Open {
        url: "u".into(),
        mode: LaunchMode::WithOptions,
        tab_id: None,
    };
    assert_eq!(
        open.to_loose(),
        Loose::object([
            ("type", "open".into()),
            ("url", "u".into()),
            ("mode", "with_options".into()),
            ("tab_id", Loose::Null),
        ])
    );
    // A switch left out keeps its default; an unknown one or a non-boolean is refused.
    let only_new_tab = Loose::object([("open_in_new_tab", false.into())]);
    let flags = Flags::from_loose(&only_new_tab).unwrap();
    assert!(!flags.open_in_new_tab && flags.in_page_entries);
    assert!(Flags::from_loose(&Loose::object([("nope", true.into())])).is_err());
    assert!(Flags::from_loose(&Loose::object([("in_page_entries", 1.into())])).is_err());
    // Nested too deep for the reader: present but unusable, refused where a form is expected.
    let settings = Loose::object([("type", "save_settings".into()), ("target", Loose::Other)]);
    assert!(Request::from_loose(&settings).is_err());
}
