//! The rules of the programme as pure functions and types: no database,
//! HTTP or UI types here. They compile for the browser too, so a form is
//! checked by the same code in the browser and on the server.

pub mod account;
pub mod administration;
pub mod audit;
pub mod business;
pub mod catalogue;
pub mod certificate;
pub mod council;
pub mod criteria;
pub mod deliberation;
pub mod delivery;
pub mod entry;
pub mod geography;
pub mod ids;
pub mod jury;
pub mod lifecycle;
pub mod meeting;
pub mod nomination;
pub mod number;
pub mod points;
pub mod report;
pub mod role;
pub mod round;
pub mod scoring;
pub mod session;
pub mod statistics;
pub mod text;
pub mod throttle;
pub mod time;
pub mod upload;
pub mod validation;
