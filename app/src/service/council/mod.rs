//! The use cases behind `crate::api::council`.

pub mod certificate;
pub mod decision;
pub mod deliberation;
pub mod feedback;
pub mod report;
pub mod vote;
