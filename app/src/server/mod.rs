//! The server side of the application: configuration, state, router,
//! security middleware, mail and start-up tasks. The `tieubieu` binary
//! only wires these together.

pub mod bootstrap;
pub mod certificate_pdf;
pub mod config;
pub mod demo;
pub mod exports;
pub mod files;
pub mod images;
pub mod listen;
pub mod mail;
pub mod maintenance;
pub mod nomination_package;
pub mod open_data;
pub mod page_cache;
pub mod router;
pub mod security;
pub mod state;
pub mod uploads;
pub mod work_queue;
