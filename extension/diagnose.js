// Run by the popup (chrome.scripting.executeScript) in the tab's isolated world, the content
// script's: what it did there, as it reported on its boot marker. The value of the last
// expression is the result; null where the content script never ran.
(() => {
  const m = globalThis.__gitpodForGitLab;
  if (!m) return null;
  const text = (v) => (typeof v === "string" ? v.slice(0, 500) : "");
  return { state: text(m.state) || "starting", anchor: text(m.anchor), page: text(m.page), gitpod_url: text(m.gitpod_url) };
})();
