//! Server functions, one file per resource, and the types they carry. Each
//! is a thin door onto a use case in `crate::service`: it finds the caller
//! and hands over. The same functions serve the hydrated page (JSON) and
//! plain HTML forms (JavaScript off), which get a redirect back with the
//! outcome.

pub mod accounts;
pub mod audit;
pub mod business;
pub mod catalogue;
pub mod council;
pub mod entries;
pub mod geography;
pub mod invitation;
pub mod judging;
pub mod nominations;
pub mod outbox;
pub mod password_reset;
pub mod results;
pub mod rounds;
pub mod second_factor;
pub mod session;
pub mod sessions;
pub mod setup;
pub mod statistics;
pub mod verify;

#[cfg(feature = "ssr")]
pub(crate) mod boundary;
