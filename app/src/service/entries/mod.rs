//! The use cases behind `crate::model::entries`.

pub mod access;
pub mod edit;
pub mod screening;
pub mod view;
