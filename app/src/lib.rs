//! Tiêu biểu: the selection of typical rural-industry products, as one
//! Leptos application. `domain` holds the rules, `api` the server
//! functions, `pages` and `components` the interface; `db`, `auth` and
//! `server` exist only on the server (`ssr` feature).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod infra;
#[cfg(feature = "ssr")]
pub mod server;

/// The browser's entry point. Pages are rendered on the server and work
/// without WebAssembly; only the interactive parts (islands, such as the
/// forms that answer in place) hydrate, which keeps the download small.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
