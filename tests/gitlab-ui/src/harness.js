// Shared by every real-UI page: mounts a Vue app the way GitLab mounts its header apps (a new
// Vue instance replacing a mount <div>), and exposes test hooks on `window.__glTest` (page
// world only; the extension's content script cannot see them):
//   rerender()  forces a Vue re-render and re-creates the control's item groups (new keys);
//   remount()   destroys the app and mounts a fresh one in a new element;
//   navigate(p) pushState to `p`, as GitLab's repository router does, and re-renders.
// `state` is reactive: components read `state.path` for their URLs, `state.key` for group keys.

import Vue from "vue";

export function start(component) {
  const state = Vue.observable({ path: location.pathname, key: 0 });
  const holder = document.getElementById("js-mount-holder");
  let vm = null;
  const mount = () => {
    const el = document.createElement("div");
    holder.replaceChildren(el);
    vm = new Vue({ render: (h) => h(component, { props: { state } }) }).$mount(el);
  };
  mount();
  window.__glTest = {
    state,
    rerender() {
      state.key += 1;
      vm.$children.forEach((c) => c.$forceUpdate());
    },
    remount() {
      vm.$destroy();
      mount();
    },
    navigate(path) {
      history.pushState({}, "", path);
      state.path = location.pathname;
    },
  };
  addEventListener("popstate", () => {
    state.path = location.pathname;
  });
  document.documentElement.dataset.glMounted = "true";
}

/** The project's path and the ref/path part of a repository URL (`/-/tree/<ref>/<path>`). */
export function repo(path) {
  const [project, rest = ""] = path.split("/-/");
  return { project, rest: rest.replace(/^(tree|blob)\//, "") };
}
