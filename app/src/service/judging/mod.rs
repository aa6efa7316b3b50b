//! The use cases behind `crate::model::judging`.

pub mod access;
pub mod board;
pub mod sheets;
pub mod work;
