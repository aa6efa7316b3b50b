//! A person's own sessions: where their account is signed in, and ending
//! any of them (a phone left at a trade fair, a shared office computer).

pub use crate::model::sessions::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The signed-in person's sessions, the latest used first.
#[server(endpoint = "list_my_sessions")]
pub async fn list_my_sessions() -> Result<Vec<SessionView>, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::list(state, principal).await).await)
}

/// Ends one of the signed-in person's sessions.
#[server(endpoint = "end_session")]
pub async fn end_session(key: String) -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::end(state, principal, &key).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::sessions as imp;
