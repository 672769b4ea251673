// GitLab 18.x merge request header "Code" dropdown (merge_requests/components/code_dropdown.vue):
// GlDisclosureDropdown with `items` as two groups, "Review changes" and "Download".

import { GlDisclosureDropdown } from "@gitlab/ui";
import { start } from "./harness.js";

start({
  props: { state: Object },
  components: { GlDisclosureDropdown },
  computed: {
    items() {
      const mr = this.state.path.replace(/\/(diffs|commits|pipelines)$/, "");
      const project = mr.split("/-/")[0];
      const iid = mr.split("/").pop();
      return [
        {
          name: "Review changes",
          items: [
            { text: "Check out branch", extraAttrs: { class: "js-check-out-modal-trigger" } },
            {
              text: "Open in Web IDE",
              href: `/-/ide/project${project}/merge_requests/${iid}`,
              extraAttrs: { target: "_blank", "data-testid": "open-in-web-ide-button" },
            },
          ],
        },
        {
          name: "Download",
          items: [
            { text: "Patches", href: `${mr}.patch`, extraAttrs: { download: "", "data-testid": "download-email-patches-menu-item" } },
            { text: "Plain diff", href: `${mr}.diff`, extraAttrs: { download: "", "data-testid": "download-plain-diff-menu-item" } },
          ],
        },
      ].map((g) => ({ ...g, key: this.state.key }));
    },
  },
  template: `
    <div class="detail-page-header-actions js-issuable-actions gl-flex gl-gap-3">
      <gl-disclosure-dropdown :key="state.key" toggle-text="Code" :items="items" placement="bottom-end"
          class="gl-w-full gl-align-top gl-leading-normal" data-testid="mr-code-dropdown" />
    </div>`,
});
