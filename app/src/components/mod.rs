//! Pieces shared by several pages.

pub mod autosave;
pub mod choice;
pub mod entry_editor;
pub mod form;
pub mod layout;
pub mod outcome;
pub mod raw_text;
pub mod round_form;
pub mod score_sheet;
pub mod status;
pub mod upload;
