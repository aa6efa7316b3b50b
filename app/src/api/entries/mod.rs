//! Entries (dossiers): the entrant's list and editor, submission and
//! withdrawal, and the secretariat's request for correction.

pub mod edit;
pub mod screening;
pub mod view;

pub use crate::model::entries::*;
