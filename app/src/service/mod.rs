//! The use cases: what each action does, called by the server functions
//! in `api` and by the plain handlers in `server` alike. Each reads and
//! checks through `auth`, applies the rules in `domain` and reads and
//! writes through `db`. Server only.

pub mod accounts;
pub mod audit;
pub mod business;
pub mod catalogue;
pub mod council;
pub mod entries;
pub mod geography;
pub mod invitation;
pub mod judging;
pub mod new_account;
pub mod nominations;
pub mod one_time_link;
pub mod outbox;
pub mod password_reset;
pub mod request;
pub mod results;
pub mod rounds;
pub mod second_factor;
pub mod session;
pub mod sessions;
pub mod setup;
pub mod statistics;
pub mod uploads;
pub mod verify;
