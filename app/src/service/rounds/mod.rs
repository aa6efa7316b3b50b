//! The use cases behind `crate::api::rounds`.

pub mod access;
pub mod create;
pub mod criteria;
pub mod lifecycle;
pub mod members;
pub mod settings;
pub mod view;
