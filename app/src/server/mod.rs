//! The server side of the application: start-up, the router and its
//! plain handlers, and the security and cache middleware. The `tieubieu`
//! binary only wires these together.

pub mod bootstrap;
pub mod demo;
pub mod exports;
pub mod listen;
pub mod maintenance;
pub mod nomination_package;
pub mod open_data;
pub mod page_cache;
pub mod router;
pub mod security;
pub mod uploads;
