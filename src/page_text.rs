//! The words our entries carry inside GitLab's menus, in the GitLab page's language (its
//! `<html lang>`), else the browser's, else English. From `extension/_locales` by `build.rs`.
//! Pure.

use crate::prelude::*;
include!(concat!(env!("OUT_DIR"), "/page_locales.rs"));

/// How a control words its items: "Gitpod" (a name alone) or "Open in Gitpod".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Name,
    OpenIn,
}

/// One locale's in-page words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageText {
    pub locale: &'static str,
    words: &'static [&'static str; 7],
}

impl PageText {
    /// The entry's label for the target called `name`, plain or "with options".
    pub fn label(&self, style: Label, name: &str, with_options: bool) -> String {
        let template = match (style, with_options) {
            (Label::Name, false) => return name.to_string(),
            (Label::Name, true) => self.words[0],
            (Label::OpenIn, false) => self.words[1],
            (Label::OpenIn, true) => self.words[2],
        };
        substitute(template, name)
    }
    pub fn description(&self) -> &'static str {
        self.words[3]
    }
    pub fn options_description(&self) -> &'static str {
        self.words[4]
    }
    pub fn last_used(&self) -> &'static str {
        self.words[5]
    }
    /// Screen-reader text after a split button's check mark.
    pub fn last_used_sr(&self) -> &'static str {
        self.words[6]
    }
}

/// `$1` replaced by `value`. Byte search and `get`, not slicing: this runs in the content
/// script, which carries no panic formatting for it.
fn substitute(template: &str, value: &str) -> String {
    let at = template.as_bytes().windows(2).position(|w| w == b"$1");
    match at.and_then(|at| Some((template.get(..at)?, template.get(at + 2..)?))) {
        Some((before, after)) => [before, value, after].concat(),
        None => template.to_string(),
    }
}

/// The words for a page in `page_lang` (a BCP 47 tag, possibly empty) in a browser whose UI is
/// in `browser_lang`: the first that a shipped locale serves, else English.
pub fn page_text(page_lang: &str, browser_lang: &str) -> PageText {
    let pick = |i: usize| PageText {
        locale: PAGE_LOCALES[i].0,
        words: &PAGE_LOCALES[i].1,
    };
    [page_lang, browser_lang]
        .iter()
        .find_map(|tag| locale_for(tag))
        .map_or(pick(0), pick)
}

/// The index in `PAGE_LOCALES` serving `tag`: the exact locale (`pt-BR` → `pt_BR`), else one of
/// the same language (`de-AT` → `de`, `pt` → `pt_BR`). Chinese only where the script is
/// Simplified (`zh`, `zh-CN`, `zh-SG`, `zh-Hans…`): Traditional readers get the next choice.
pub fn locale_for(tag: &str) -> Option<usize> {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    if tag.is_empty() {
        return None;
    }
    let name = |i: usize| PAGE_LOCALES[i].0.to_ascii_lowercase().replace('_', "-");
    let all = 0..PAGE_LOCALES.len();
    if let Some(i) = all.clone().find(|&i| name(i) == tag) {
        return Some(i);
    }
    let language = tag.split('-').next().unwrap_or_default();
    if language == "zh"
        && !(tag == "zh" || tag.starts_with("zh-hans") || tag == "zh-cn" || tag == "zh-sg")
    {
        return None;
    }
    all.into_iter()
        .find(|&i| name(i).split('-').next() == Some(language))
}
