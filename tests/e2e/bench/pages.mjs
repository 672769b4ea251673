// The benchmark's pages: fixtures served at their GitLab URLs, some with a DOM that keeps changing.
import { readFileSync } from "node:fs";
import { fixtureSets } from "../server.mjs";

export const LATE = "https://gitlab.com/tanuki-org/tanuki-runner/-/tree/main/docs?ref_type=heads";
export const EDIT = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli";
export const DIFF = "https://gitlab.com/tanuki-org/tanuki-runner/-/merge_requests/4821/diffs";

const fixture = (test) => readFileSync(fixtureSets().find((f) => test(f.url)).path, "utf8");

/** `html` with a 10 000-line diff inside #content-body (where GitLab renders diffs and where the
 * extension observes) that a script keeps re-rendering: highlighting, comments and virtual
 * scrolling, 200 rows rewritten and one row added and removed every 16 ms. */
function churning(html) {
  const rows = Array.from({ length: 10000 }, (_, i) =>
    `<tr class="line_holder" id="L${i}"><td class="diff-line-num">${i + 1}</td><td class="line_content">` +
    `<span class="line">const value${i} = compute(${i}); // line ${i}</span></td></tr>`).join("");
  const script = `<script nonce="fixture-nonce">
    (() => {
      const body = document.getElementById("bench-diff");
      let tick = 0;
      setInterval(() => {
        tick++;
        for (let k = 0; k < 200; k++) {
          const row = body.rows[(tick * 200 + k) % body.rows.length];
          row.className = tick % 2 ? "line_holder hll" : "line_holder";
          row.cells[1].firstChild.textContent = "const value = compute(" + tick + "); // " + k;
        }
        const extra = body.insertRow();
        extra.insertCell().textContent = "+";
        extra.insertCell().textContent = "note " + tick;
        if (body.rows.length > 10001) body.deleteRow(0);
      }, 16);
    })();
  </script>`;
  const diff = `<table class="diff-table code"><tbody id="bench-diff">${rows}</tbody></table>`;
  const marker = /id="content-body"[^>]*>/;
  if (!marker.test(html)) throw new Error("fixture without #content-body");
  return html.replace(marker, (m) => m + diff).replace("</body>", `${script}</body>`);
}

/** A project page that can carry no entry (`src/entry_pages.rs`): the Edit page's markup as
 * GitLab's pipeline list, by its `<body data-page>`, at the list's URL. */
export const NO_ENTRY = `${EDIT}/-/pipelines`;
export const NO_ENTRY_PAGE = () => {
  const html = fixture((u) => u === EDIT);
  const marked = html.replace(/data-page="[^"]*"/, 'data-page="projects:pipelines:index"');
  if (marked === html) throw new Error("the Edit page has no data-page");
  return { [NO_ENTRY]: marked };
};

/** The merge request's diff, churning (page cost). */
export const DIFF_PAGE = () => ({ [DIFF]: churning(fixture((u) => u.includes("/merge_requests/"))) });

/** The project page with the Edit dropdown and in-page navigation links, churning (nav → entry):
 * served at its own URL under /churn so the plain page stays as it is. */
export const CHURN_NAV = "https://gitlab.com/tanuki-org/ci-cd/runner-tools/tanuki-cli/-/tree/main/churn";
export const CHURN_PAGE = () => ({ [CHURN_NAV]: churning(fixture((u) => u === EDIT)) });
