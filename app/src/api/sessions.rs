//! A person's own sessions: where their account is signed in, and ending
//! any of them (a phone left at a trade fair, a shared office computer).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::time::Timestamp;
use crate::error::AppError;

/// One session, as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Names the session to its owner (never enough to use it).
    pub key: String,
    /// When they signed in.
    pub created_at: Timestamp,
    /// The last request recorded.
    pub last_seen_at: Timestamp,
    /// Whether it is the session of this request.
    pub current: bool,
}

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
