//! The types that cross between the browser and the server: what each
//! server function in `api` takes and gives, and what the use cases in
//! `service` build. Both builds compile them; they hold data, no I/O.

pub mod accounts;
pub mod audit;
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
pub mod statistics;
pub mod verify;
