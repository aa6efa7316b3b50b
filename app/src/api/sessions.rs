//! A person's own sessions: where their account is signed in, and ending
//! any of them (a phone left at a trade fair, a shared office computer).

pub use crate::model::sessions::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The signed-in person's sessions, the latest used first.
#[server(endpoint = "list_my_sessions")]
pub async fn list_my_sessions() -> Result<Vec<SessionView>, AppError> {
    crate::api::boundary::finish(imp::list().await)
}

/// Ends one of the signed-in person's sessions.
#[server(endpoint = "end_session")]
pub async fn end_session(key: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::end(&key).await)
}

#[cfg(feature = "ssr")]
use crate::service::sessions as imp;
