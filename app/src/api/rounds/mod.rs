//! Rounds: what people see of them, creating and configuring them, their
//! criteria, their members, and moving them through their states.

pub mod create;
pub mod criteria;
pub mod lifecycle;
pub mod members;
pub mod settings;
pub mod view;

pub use crate::model::rounds::*;
