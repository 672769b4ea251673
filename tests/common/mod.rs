//! Helpers shared by the generated-URL property and fuzz tests.

/// `base`, then `?query` and `#fragment` where given: how the generators finish a URL.
pub fn with_query_and_fragment(
    mut base: String,
    query: Option<String>,
    fragment: Option<String>,
) -> String {
    if let Some(q) = query {
        base.push('?');
        base.push_str(&q);
    }
    if let Some(f) = fragment {
        base.push('#');
        base.push_str(&f);
    }
    base
}
