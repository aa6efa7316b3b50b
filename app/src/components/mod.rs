//! Pieces shared by several pages.

pub mod form;
pub mod layout;
pub mod round_form;
pub mod status;
