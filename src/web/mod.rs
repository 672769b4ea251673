//! Thin web glue around the pure core, one module per extension context. Only the entry of
//! the feature being built is compiled, so each shipped wasm carries just its own context.

mod bindings;
mod ext;

#[cfg(feature = "content")]
mod content;
#[cfg(feature = "content")]
mod fallback;
#[cfg(feature = "content")]
mod inject;
#[cfg(feature = "content")]
mod js_values;

#[cfg(feature = "background")]
mod background;

#[cfg(feature = "popup")]
mod popup;
