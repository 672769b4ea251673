//! Gitpod for GitLab: a browser extension in Rust/WebAssembly.
//!
//! Everything outside `web` is the pure core (no browser APIs), covered by `cargo test` on the
//! host. `web` is the thin glue per extension context, compiled only for wasm32; each shipped
//! wasm is this crate built with one entry feature (`content`, `background`, `popup`).
//!
//! The content wasm, loaded by every GitLab tab, is `no_std`: std's panic and formatting
//! machinery cost it 2.2 KB gzip (4.6 %). The core therefore names `alloc`'s types (`prelude`).

#![cfg_attr(all(target_arch = "wasm32", not(feature = "app")), no_std)]

extern crate alloc;

/// What std's prelude gives and `alloc` has, for the `no_std` content build (the same types
/// everywhere else).
mod prelude {
    pub use alloc::format;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

pub mod anchors;
pub mod base64;
pub mod blocked;
pub mod connect;
pub mod diagnosis;
pub mod entry_pages;
pub mod gitlab_url;
pub mod gitpod_target;
pub mod gitpod_url;
#[cfg(target_arch = "wasm32")]
mod handed_in;
pub mod hosts;
pub mod last_action;
pub mod loose;
pub mod messages;
pub mod native_item;
pub mod page_text;
pub mod settings;
pub mod url_parts;

#[cfg(target_arch = "wasm32")]
mod web;

/// Version reported to the other contexts (ping), from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
