//! Content script on GitLab pages: recognise GitLab, then keep the Gitpod entry inside GitLab's
//! own control. Never throws into the page: a failure logs one line and leaves the page as is.

use super::ext;
use super::inject::{inject, Outcome};
use crate::gitlab_url::{GitLabUrl, Hints};
use crate::messages::{Reply, Request};
use crate::settings::Settings;
use gloo::console;
use gloo::utils::{body, document};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{MutationObserver, MutationObserverInit};

#[wasm_bindgen]
pub fn content_main() {
    if !is_gitlab_page() {
        return; // not GitLab: stay silent and touch nothing
    }
    spawn_local(async {
        let settings = ext::load_settings().await;
        let state = Rc::new(RefCell::new(State { settings, last: None }));
        refresh(&state);
        watch(state);
        // Prove the message path once; a missing worker must not affect the page.
        match ext::request(&Request::Ping {}).await {
            Ok(Reply::Pong { version }) => console::debug!(format!("Gitpod for GitLab: worker {version} ready")),
            Ok(other) => console::debug!(format!("Gitpod for GitLab: unexpected reply {other:?}")),
            Err(e) => console::debug!(format!("Gitpod for GitLab: worker unavailable: {e}")),
        }
    });
}

struct State {
    settings: Settings,
    /// What was last done, so unchanged pages cost nothing.
    last: Option<Outcome>,
}

/// GitLab pages say so in their head; self-hosted instances keep it. Fallback: GitLab's
/// `<body data-page>` together with a project or group attribute.
fn is_gitlab_page() -> bool {
    let doc = document();
    let meta = |sel: &str| doc.query_selector(sel).ok().flatten().is_some();
    if meta("meta[property='og:site_name'][content='GitLab'], meta[name='application-name'][content='GitLab']") {
        return true;
    }
    let b = body();
    b.has_attribute("data-page")
        && (b.has_attribute("data-project-id") || b.has_attribute("data-project-full-path") || b.has_attribute("data-group"))
}

fn current_page() -> Option<GitLabUrl> {
    let href = document().location()?.href().ok()?;
    let full_path = body().get_attribute("data-project-full-path");
    GitLabUrl::parse_with(&href, Hints { project_full_path: full_path.as_deref(), relative_root: None }).ok()
}

fn refresh(state: &Rc<RefCell<State>>) {
    let mut s = state.borrow_mut();
    let Some(page) = current_page() else { return };
    let outcome = inject(&document(), &page, &s.settings);
    if s.last.as_ref() != Some(&outcome) {
        if let Outcome::Failed(reason) = &outcome {
            console::warn!(format!("Gitpod for GitLab: {reason}"));
        }
        s.last = Some(outcome);
    }
}

/// GitLab mounts its controls late and re-renders them on in-page navigation: re-apply on DOM
/// changes. Injection is idempotent and cheap when nothing changed.
fn watch(state: Rc<RefCell<State>>) {
    let callback = Closure::<dyn FnMut()>::new(move || refresh(&state));
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else { return };
    callback.forget(); // lives as long as the page
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(&body(), &options);
}
