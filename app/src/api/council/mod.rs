//! The council's work: the jury's report (official scores and the figures
//! beside them, per product group), the members' votes or the meeting's
//! tallies, sets of products, and the decision that issues certificates.

pub mod decision;
pub mod feedback;
pub mod report;
pub mod vote;

pub use crate::model::council::*;
