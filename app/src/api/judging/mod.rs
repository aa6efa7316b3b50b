//! The jury's work: the secretariat's board of who scores what (with
//! conflicts and progress), a juror's list of entries, declarations of
//! ties, and score sheets (filled by the juror, typed in from paper by the
//! secretariat, reopened by the secretariat with a reason).

pub mod board;
pub mod sheets;
pub mod work;

pub use crate::model::judging::*;
