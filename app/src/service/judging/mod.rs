//! The use cases behind `crate::api::judging`.

pub mod access;
pub mod board;
pub mod sheets;
pub mod work;
