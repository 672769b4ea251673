//! The core's URL parts from the browser's own WHATWG parser (`URL`), in every shipped wasm:
//! the `url` crate's parser, with its IDNA code, stays out of them (see `url_parts`).

use crate::url_parts::UrlParts;
use web_sys::Url;

/// Parses with the browser and hands the parts to `f`; `invalid` if the browser refuses.
pub fn with_parsed<T, E>(
    input: &str,
    invalid: E,
    f: impl FnOnce(&UrlParts<'_>) -> Result<T, E>,
) -> Result<T, E> {
    let Ok(url) = Url::new(input.trim()) else {
        return Err(invalid);
    };
    let (scheme, origin, host, path, search) = (
        url.protocol(),
        url.origin(),
        url.host(),
        url.pathname(),
        url.search(),
    );
    // WHATWG's `search` is "" for both no query and an empty one; the model reads both alike.
    let query = search.strip_prefix('?');
    f(&UrlParts {
        scheme: scheme.trim_end_matches(':'),
        origin: &origin,
        has_host: !host.is_empty(),
        host: &host,
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        path: &path,
        query,
        has_fragment: !url.hash().is_empty(),
    })
}
