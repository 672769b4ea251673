//! The core's URL parts from the browser's own WHATWG parser (`URL`), in every shipped wasm:
//! the `url` crate's parser, with its IDNA code, stays out of them. Handed to the core at start
//! (`url_parts::use_parser`, from `web::start`).

use crate::prelude::*;
use crate::url_parts::ParsedUrl;
use web_sys::Url;

/// Parses with the browser; `None` if it refuses.
pub fn parse(input: &str) -> Option<ParsedUrl> {
    let url = Url::new(input).ok()?;
    let search = url.search();
    Some(ParsedUrl {
        scheme: url.protocol().trim_end_matches(':').to_string(),
        origin: url.origin(),
        host: url.host(),
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        path: url.pathname(),
        // WHATWG's `search` is "" for both no query and an empty one; the model reads both alike.
        query: search.strip_prefix('?').map(str::to_string),
        has_fragment: !url.hash().is_empty(),
    })
}
