//! GitLab's own Gitpod item is recognised in every form GitLab has rendered it (a table of item
//! shapes → native or not), and whatever GitLab renders, a control never ends up with GitLab's
//! Gitpod item and ours.

use gitpod_gitlab::native_item::{is_native_gitpod, names_gitpod, opens_gitpod, ItemShape};
use proptest::prelude::*;

const ORIGIN: &str = "https://gitpod.example.com";

fn label(label: &str) -> ItemShape<'_> {
    ItemShape {
        label,
        ..ItemShape::default()
    }
}

fn linked<'a>(label: &'a str, href: &'a str) -> ItemShape<'a> {
    ItemShape {
        label,
        href: Some(href),
        ..ItemShape::default()
    }
}

fn marked<'a>(testid: Option<&'a str>, qa: Option<&'a str>, label: &'a str) -> ItemShape<'a> {
    ItemShape {
        testid,
        qa_selector: qa,
        label,
        href: None,
    }
}

#[test]
fn item_shapes_of_every_era() {
    let gl_url = "https://gitlab.com/group/project/-/tree/main/";
    let gitpod_io = format!("https://gitpod.io/#{gl_url}");
    let ona = format!("https://app.ona.com/#{gl_url}");
    let configured = format!("{ORIGIN}/#{gl_url}");
    let no_slash = format!("https://gitpod.io#{gl_url}");
    let with_query = format!("https://gitpod.io/?autostart=false#{gl_url}");
    let web_ide = "https://gitlab.com/-/ide/project/group/project/edit/main/-/";
    let lookalike = format!("https://gitpod.io.evil.test/#{gl_url}");
    let no_context = "https://gitpod.io/workspaces";
    let cases: Vec<(&str, ItemShape, bool)> = vec![
        // 16.3+ Edit dropdown ("Gitpod" on trees, "Open in Gitpod" on blobs): a button, no href.
        (
            "16.3+ test id",
            marked(Some("gitpod-menu-item"), None, "Gitpod"),
            true,
        ),
        (
            "13.6–16.0 split item",
            marked(Some("action_gitpod"), None, "Gitpod"),
            true,
        ),
        (
            "15.x–16.2 qa selector",
            marked(None, Some("gitpod_menu_item"), "Open in Gitpod"),
            true,
        ),
        (
            "13.x–15.x primary",
            marked(None, Some("gitpod_button"), "Gitpod"),
            true,
        ),
        // 18.x Code dropdown: no test id, "GitPod" with an href.
        ("18.x Code dropdown", linked("GitPod", &gitpod_io), true),
        // Late-2025 renames: the MR Vue dropdown's "Open in Ona", maybe the Code dropdown's "Ona".
        ("MR Vue dropdown, Ona", linked("Open in Ona", &ona), true),
        ("Ona alone", label("Ona"), true),
        ("Open in Ona, no href", label("Open in Ona"), true),
        (
            "HAML MR dropdown",
            linked("Open in Gitpod", &gitpod_io),
            true,
        ),
        // A label renamed again, but the link gives it away.
        (
            "renamed, configured origin",
            linked("Cloud workspace", &configured),
            true,
        ),
        ("renamed, no slash", linked("Launch", &no_slash), true),
        ("renamed, with a query", linked("Launch", &with_query), true),
        // GitLab's other items, and near misses.
        (
            "Web IDE",
            ItemShape {
                testid: Some("webide-menu-item"),
                qa_selector: None,
                label: "Web IDE",
                href: Some(web_ide),
            },
            false,
        ),
        (
            "Edit single file",
            marked(Some("edit-menu-item"), None, "Edit single file"),
            false,
        ),
        ("Open in Workspace", label("Open in Workspace"), false),
        ("Visual Studio Code", label("Visual Studio Code"), false),
        ("Check out branch", label("Check out branch"), false),
        ("Personal", label("Personal"), false),
        ("Donate", label("Donate"), false),
        ("Gitpodder", label("Gitpodder"), false),
        ("Ona settings", label("Ona settings"), false),
        ("Gitpod docs", label("Gitpod docs"), false),
        ("lookalike host", linked("Launch", &lookalike), false),
        (
            "Gitpod page, no context",
            linked("Workspaces", no_context),
            false,
        ),
        ("empty", label(""), false),
    ];
    for (what, item, native) in cases {
        assert_eq!(is_native_gitpod(&item, ORIGIN), native, "{what}: {item:?}");
    }
}

#[test]
fn names_are_words_in_any_case_and_spacing() {
    for yes in [
        "gitpod",
        "GITPOD",
        " GitPod ",
        "Open in  Gitpod",
        "open in ona",
        "ONA",
        "Open\u{a0}in Ona",
        "Launch Gitpod",
    ] {
        assert!(names_gitpod(yes), "{yes:?}");
    }
    for no in [
        "Gitpod with options…",
        "Ona Smith",
        "Open Gitpods",
        "Download from Ona now",
        "Onan",
        "gitpod.io",
    ] {
        assert!(!names_gitpod(no), "{no:?}");
    }
}

#[test]
fn an_empty_configured_origin_matches_only_the_known_ones() {
    assert!(opens_gitpod(
        "https://gitpod.io/#https://gitlab.com/a/b",
        ""
    ));
    assert!(!opens_gitpod(
        "https://gitlab.com/#https://gitlab.com/a/b",
        ""
    ));
}

type Item = (Option<String>, Option<String>, String, Option<String>);

/// GitLab's item labels: anything a version might render.
fn gitlab_label() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Web IDE".to_string()),
        Just("Edit single file".to_string()),
        Just("Edit in pipeline editor".to_string()),
        Just("Open in Workspace".to_string()),
        Just("Visual Studio Code".to_string()),
        "[A-Za-z ]{0,24}",
    ]
}

/// GitLab's own Gitpod item as some version renders it.
fn native_item() -> impl Strategy<Value = Item> {
    let name = prop_oneof![
        Just("Gitpod"),
        Just("GitPod"),
        Just("gitpod"),
        Just("Ona"),
        Just("ONA")
    ];
    let lead = prop_oneof![
        Just(""),
        Just("Open in "),
        Just("open in  "),
        Just("Launch ")
    ];
    let origin = prop_oneof![
        Just("https://gitpod.io"),
        Just("https://app.ona.com"),
        Just(ORIGIN)
    ];
    prop_oneof![
        prop_oneof![Just("gitpod-menu-item"), Just("action_gitpod")].prop_map(|t| (
            Some(t.to_string()),
            None,
            "Gitpod".to_string(),
            None
        )),
        prop_oneof![Just("gitpod_menu_item"), Just("gitpod_button")].prop_map(|q| (
            None,
            Some(q.to_string()),
            "Gitpod".to_string(),
            None
        )),
        (lead, name).prop_map(|(l, n)| (None, None, format!("{l}{n}"), None)),
        (origin, gitlab_label()).prop_map(|(o, l)| (
            None,
            None,
            l,
            Some(format!("{o}/#https://gitlab.com/g/p"))
        )),
    ]
}

proptest! {
    /// Whatever items GitLab renders around its own Gitpod item, in whatever order, the control
    /// is seen to have it, so the extension adds none: one control never holds GitLab's Gitpod
    /// item and ours, and never neither.
    #[test]
    fn one_gitpod_item_per_control(
        others in prop::collection::vec(gitlab_label(), 0..6),
        native in prop::option::of(native_item()),
        at in 0usize..7,
    ) {
        let mut items: Vec<Item> = others.into_iter().map(|l| (None, None, l, None)).collect();
        // A random label may itself read like GitLab's item ("Ona"): then it is one.
        let mut natives = items.iter().filter(|(_, _, l, _)| names_gitpod(l)).count();
        if let Some(n) = native {
            let at = at.min(items.len());
            items.insert(at, n);
            natives += 1;
        }
        let found = items.iter().any(|(t, q, l, h)| {
            let shape = ItemShape { testid: t.as_deref(), qa_selector: q.as_deref(), label: l, href: h.as_deref() };
            is_native_gitpod(&shape, ORIGIN)
        });
        prop_assert_eq!(found, natives > 0, "GitLab's own item (not) seen among {:?}", items);
        let ours_added = usize::from(!found);
        prop_assert!(natives == 0 || ours_added == 0, "GitLab's item and ours");
        prop_assert!(natives + ours_added >= 1, "no Gitpod item at all");
    }
}
