//! The use cases behind `crate::api::sessions`:
//! A person's own sessions: where their account is signed in, and ending
//! any of them (a phone left at a trade fair, a shared office computer).

use crate::auth::principal::Principal;
use crate::db::{audit, sessions};
use crate::domain::audit::AuditAction;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::sessions::SessionView;
use crate::service::request::{audit_entry, notice_back};

pub async fn list(state: &AppState, principal: Principal) -> Result<Vec<SessionView>, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let mine: String = principal.session_hash().chars().take(16).collect();
    let (now, limits) = (Timestamp::now(), state.config.session_limits());
    Ok(sessions::sessions_of(&mut conn, principal.id(), now)
        .await?
        .into_iter()
        // A session idle too long is over, whether or not its row is gone yet.
        .filter(|s| {
            crate::domain::session::session_alive(&limits, principal.grants(), s.created_at, s.last_seen_at, now)
        })
        .map(|s| SessionView {
            current: s.key == mine,
            key: s.key,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
        })
        .collect())
}

pub async fn end(state: &AppState, principal: Principal, key: &str) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    if !sessions::delete_session_by_key(&mut tx, principal.id(), key).await? {
        return Err(AppError::NotFound);
    }
    let mut entry = audit_entry(AuditAction::SessionEnded, Some(&principal));
    entry.target_type = Some("user");
    entry.target_id = Some(principal.id().to_string());
    entry.target_name = Some(principal.name().to_owned());
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("session-ended");
    Ok(())
}
