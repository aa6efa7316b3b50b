//! Tiêu biểu: the selection of typical rural-industry products, as one
//! Leptos application. The arrows run one way: `pages` and `components`
//! (the interface) call the server functions in `api`; those and the plain
//! handlers in `server` call the use cases in `service`, which apply the
//! rules in `domain` (pure, compiled for the browser too) and read and write
//! through `db`, `auth` and `infra`. What crosses between browser and
//! server (each server function's types) lives in `model`, which every side
//! imports and which imports none of them. `server` holds start-up, the
//! router and its middleware. All but `domain`, `model`, `api`'s server
//! functions, `pages`, `components` and `i18n` exist only on the server
//! (`ssr` feature).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod infra;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod service;

/// The browser's entry point. Pages are rendered on the server and work
/// without WebAssembly; only the interactive parts (islands, such as the
/// forms that answer in place) hydrate, which keeps the download small.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
