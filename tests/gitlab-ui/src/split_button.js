// GitLab 13.5–16.0 Web IDE split button (web_ide_link.vue + actions_button.vue of 15.x), built
// with GitLab UI 62's GlDropdown (BootstrapVue's BDropdown, split): the primary performs the
// selected action, the caret menu only selects it (check mark), and the choice is kept in
// localStorage['gl-web-ide-button-selected'] as GitLab kept it.

import { GlButton, GlDropdown, GlDropdownItem, GlDropdownDivider } from "@gitlab/ui";
import { start, repo } from "./harness.js";

const KEY = "gl-web-ide-button-selected";

const ActionsButton = {
  components: { GlButton, GlDropdown, GlDropdownItem, GlDropdownDivider },
  props: { actions: Array, selectedKey: String },
  methods: {
    handleClick(action, evt) {
      action.handle?.(evt);
    },
  },
  computed: {
    selectedAction() {
      return this.actions.find((x) => x.key === this.selectedKey) || this.actions[0];
    },
  },
  template: `
    <span>
      <gl-dropdown v-if="actions.length > 1" id="web-ide-link" :text="selectedAction.text" :split-href="selectedAction.href"
          variant="confirm" category="primary" split data-qa-selector="action_dropdown"
          @click="handleClick(selectedAction, $event)">
        <template #button-content>
          <span class="gl-dropdown-button-text" v-bind="selectedAction.attrs">{{ selectedAction.text }}</span>
        </template>
        <template v-for="(action, index) in actions">
          <gl-dropdown-item :key="action.key" is-check-item :is-checked="action.key === selectedAction.key"
              :secondary-text="action.secondaryText" :data-qa-selector="action.key + '_menu_item'"
              :data-testid="'action_' + action.key" @click="$emit('select', action.key)">
            <span class="gl-font-weight-bold">{{ action.text }}</span>
          </gl-dropdown-item>
          <gl-dropdown-divider v-if="index != actions.length - 1" :key="action.key + '_divider'" />
        </template>
      </gl-dropdown>
      <gl-button v-else-if="selectedAction" id="web-ide-link" v-bind="selectedAction.attrs" variant="confirm"
          category="primary" :href="selectedAction.href" @click="handleClick(selectedAction, $event)">
        {{ selectedAction.text }}
      </gl-button>
    </span>`,
};

start({
  props: { state: Object },
  components: { ActionsButton },
  data: () => ({ selection: localStorage.getItem(KEY) || "webide" }),
  computed: {
    actions() {
      const { project, rest } = repo(this.state.path);
      // `data-real-ui-actions` on <body> lists the actions the instance offers (GitLab shows
      // a lone button when only one is left, e.g. Web IDE without the Gitpod integration).
      const offered = (document.body.dataset.realUiActions || "webide edit").split(" ");
      return [
        {
          key: "webide",
          text: "Open in Web IDE",
          secondaryText: "Quickly and easily edit multiple files in your project.",
          href: `/-/ide/project${project}/edit/${rest}`,
          attrs: { "data-qa-selector": "web_ide_button" },
          // 15.x opens the Web IDE from the primary's handler, in a new tab (visitUrl(url, true)).
          handle: (evt) => {
            evt?.preventDefault();
            window.open(`/-/ide/project${project}/edit/${rest}`, "_blank");
          },
        },
        {
          key: "edit",
          text: "Edit",
          secondaryText: "Edit this file only.",
          href: `${project}/-/edit/${rest}`,
          attrs: { "data-qa-selector": "edit_button" },
        },
      ].filter((a) => offered.includes(a.key));
    },
  },
  methods: {
    select(key) {
      this.selection = key;
      localStorage.setItem(KEY, key);
    },
  },
  template: `
    <div class="gl-sm-ml-3 file-actions">
      <actions-button :key="state.key" :actions="actions" :selected-key="selection" @select="select" />
    </div>`,
});
