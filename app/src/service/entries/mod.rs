//! The use cases behind `crate::api::entries`.

pub mod access;
pub mod edit;
pub mod screening;
pub mod view;
