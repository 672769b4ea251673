// GitLab 18.x repository "Code" dropdown with directory_code_dropdown_updates
// (compact_code_dropdown.vue): clone groups, then "Open with" (Web IDE with its "." shortcut,
// then Visual Studio Code and IntelliJ IDEA rows of SSH/HTTPS buttons as code_dropdown_ide_item
// renders them), then the source-code downloads. auto-close is off: items close it themselves.

import {
  GlButton, GlButtonGroup, GlDisclosureDropdown, GlDisclosureDropdownGroup, GlDisclosureDropdownItem,
} from "@gitlab/ui";
import { start, repo } from "./harness.js";

const IdeItem = {
  components: { GlButton, GlButtonGroup, GlDisclosureDropdownItem },
  props: { ideItem: Object },
  template: `
    <gl-disclosure-dropdown-item v-if="ideItem.items"
        class="gl-mb-3 gl-flex gl-w-full gl-items-center gl-justify-between gl-px-4 gl-py-2">
      <span class="gl-min-w-0">{{ ideItem.text }}</span>
      <gl-button-group>
        <gl-button v-for="(o, i) in ideItem.items" :key="i" :href="o.href" is-unsafe-link target="_blank"
            size="small" @click="$emit('close-dropdown')">{{ o.text }}</gl-button>
      </gl-button-group>
    </gl-disclosure-dropdown-item>
    <gl-disclosure-dropdown-item v-else :item="ideItem" @action="$emit('close-dropdown')">
      <template #list-item>
        <span class="gl-flex gl-items-center gl-justify-between">
          <span>{{ ideItem.text }}</span>
          <kbd v-if="ideItem.shortcut" class="flat">{{ ideItem.shortcut }}</kbd>
        </span>
      </template>
    </gl-disclosure-dropdown-item>`,
};

const CloneItem = {
  props: { label: String, link: String },
  template: `
    <div class="gl-px-4 gl-py-2">
      <label class="gl-text-sm gl-font-bold gl-mb-2">{{ label }}</label>
      <input class="gl-form-input form-control gl-font-monospace" readonly :value="link" />
    </div>`,
};

start({
  props: { state: Object },
  components: { GlDisclosureDropdown, GlDisclosureDropdownGroup, IdeItem, CloneItem },
  computed: {
    ideGroup() {
      const { project, rest } = repo(this.state.path);
      const clone = encodeURIComponent(`git@gitlab.com:${project.slice(1)}.git`);
      return [
        { text: "Web IDE", href: `/-/ide/project${project}/edit/${rest}`, shortcut: ".", extraAttrs: { target: "_blank" } },
        { text: "Visual Studio Code", items: [{ text: "SSH", href: `vscode://vscode.git/clone?url=${clone}` }] },
        { text: "IntelliJ IDEA", items: [{ text: "SSH", href: `jetbrains://idea/checkout/git?checkout.repo=${clone}` }] },
      ];
    },
    project() {
      return repo(this.state.path).project;
    },
  },
  methods: {
    close() {
      this.$refs.dropdown.close();
    },
  },
  template: `
    <div class="tree-controls gl-flex gl-gap-3" data-testid="tree-controls-container">
      <a class="btn btn-default btn-md gl-button" data-testid="tree-find-file-control" href="#">Find file</a>
      <div class="project-code-holder">
        <gl-disclosure-dropdown ref="dropdown" toggle-text="Code" variant="confirm" placement="bottom-end"
            class="code-dropdown" fluid-width :auto-close="false" data-testid="code-dropdown">
          <gl-disclosure-dropdown-group :key="'ssh' + state.key">
            <clone-item label="Clone with SSH" :link="'git@gitlab.com:' + project.slice(1) + '.git'" />
          </gl-disclosure-dropdown-group>
          <gl-disclosure-dropdown-group :key="'http' + state.key">
            <clone-item label="Clone with HTTPS" :link="'https://gitlab.com' + project + '.git'" />
          </gl-disclosure-dropdown-group>
          <gl-disclosure-dropdown-group :key="'ide' + state.key" bordered>
            <template #group-label>Open with</template>
            <ide-item v-for="(item, index) in ideGroup" :key="index" :ide-item="item" @close-dropdown="close" />
          </gl-disclosure-dropdown-group>
          <gl-disclosure-dropdown-group :key="'dl' + state.key" bordered>
            <template #group-label>Download source code</template>
            <gl-disclosure-dropdown-item :item="{ text: 'zip', href: project + '/-/archive/main/archive.zip' }" />
          </gl-disclosure-dropdown-group>
        </gl-disclosure-dropdown>
      </div>
    </div>`,
});
