// GitLab 16.3–18.x "Edit" dropdown: web_ide_link.vue's template and actions (Open in Web IDE as a
// button with a handler, Edit single file as a link), built with the real GlDisclosureDropdown.
// The bundle is built once per @gitlab/ui version (build.mjs aliases "@gitlab/ui").

import { GlDisclosureDropdown, GlDisclosureDropdownGroup, GlDisclosureDropdownItem } from "@gitlab/ui";
import { start, repo } from "./harness.js";

const WebIdeLink = {
  components: { GlDisclosureDropdown, GlDisclosureDropdownGroup, GlDisclosureDropdownItem },
  props: { state: Object },
  computed: {
    actions() {
      const { project, rest } = repo(this.state.path);
      return [
        {
          key: "webide",
          text: "Open in Web IDE",
          secondaryText: "Quickly and easily edit multiple files in your project.",
          shortcut: ".",
          handle: () => window.open(`/-/ide/project${project}/edit/${rest}`, "_blank"),
        },
        {
          key: "edit",
          text: "Edit single file",
          secondaryText: "Edit this file only.",
          href: `${project}/-/edit/${rest}`,
        },
      ];
    },
  },
  methods: {
    executeAction(action) {
      action.handle?.();
    },
  },
  template: `
    <div class="gl-sm-ml-3">
      <gl-disclosure-dropdown variant="confirm" category="primary" toggle-text="Edit"
          data-testid="action-dropdown" fluid-width block>
        <gl-disclosure-dropdown-group :key="state.key" class="edit-dropdown-group-width">
          <gl-disclosure-dropdown-item v-for="action in actions" :key="action.key" :item="action"
              :data-testid="action.key + '-menu-item'" @action="executeAction(action)">
            <template #list-item>
              <div class="gl-flex gl-flex-col gl-display-flex gl-flex-direction-column">
                <span class="gl-mb-2 gl-flex gl-display-flex gl-items-center gl-align-items-center gl-justify-between gl-justify-content-space-between">
                  <span data-testid="action-primary-text" class="gl-font-bold gl-font-weight-bold">{{ action.text }}</span>
                  <kbd v-if="action.shortcut" class="flat">{{ action.shortcut }}</kbd>
                </span>
                <span data-testid="action-secondary-text" class="gl-text-sm gl-text-subtle gl-font-sm gl-text-secondary">
                  {{ action.secondaryText }}
                </span>
              </div>
            </template>
          </gl-disclosure-dropdown-item>
        </gl-disclosure-dropdown-group>
      </gl-disclosure-dropdown>
    </div>`,
};

start({
  props: { state: Object },
  components: { WebIdeLink },
  template: `
    <div class="gl-flex gl-display-flex gl-gap-3" data-testid="blob-controls">
      <a class="btn btn-default btn-md gl-button" data-testid="find" href="#">Find file</a>
      <a class="btn btn-default btn-md gl-button" data-testid="blame" href="#">Blame</a>
      <web-ide-link :state="state" />
    </div>`,
});
