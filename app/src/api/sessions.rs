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
mod imp {
    use super::SessionView;
    use crate::api::boundary::{app_state, audit_entry, notice_back};
    use crate::auth::principal::require_principal;
    use crate::db::{audit, sessions};
    use crate::domain::audit::AuditAction;
    use crate::domain::time::Timestamp;
    use crate::error::AppError;

    pub async fn list() -> Result<Vec<SessionView>, AppError> {
        let state = app_state()?;
        let principal = require_principal(&state).await?;
        let mut conn = state.store.pool().acquire().await?;
        let mine: String = principal.session_hash.chars().take(16).collect();
        let (now, limits) = (Timestamp::now(), state.config.session_limits());
        Ok(sessions::sessions_of(&mut conn, principal.id, now)
            .await?
            .into_iter()
            // A session idle too long is over, whether or not its row is gone yet.
            .filter(|s| {
                crate::domain::session::session_alive(&limits, &principal.grants, s.created_at, s.last_seen_at, now)
            })
            .map(|s| SessionView {
                current: s.key == mine,
                key: s.key,
                created_at: s.created_at,
                last_seen_at: s.last_seen_at,
            })
            .collect())
    }

    pub async fn end(key: &str) -> Result<(), AppError> {
        let state = app_state()?;
        let principal = require_principal(&state).await?;
        let mut tx = state.store.write().await?;
        if !sessions::delete_session_by_key(&mut tx, principal.id, key).await? {
            return Err(AppError::NotFound);
        }
        let mut entry = audit_entry(AuditAction::SessionEnded, Some(&principal));
        entry.target_type = Some("user");
        entry.target_id = Some(principal.id.to_string());
        entry.target_name = Some(principal.name.clone());
        audit::append(&mut tx, entry).await?;
        tx.commit().await?;
        notice_back("session-ended");
        Ok(())
    }
}
