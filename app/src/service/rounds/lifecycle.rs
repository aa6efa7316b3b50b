//! The use cases behind `crate::api::rounds::lifecycle`:
//! Moving a round through its states (its administrators and secretaries).

use crate::db::{audit, rounds};
use crate::domain::audit::AuditAction;
use crate::domain::lifecycle::{check_move, check_reason, RoundState};
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::require_manager;

pub async fn move_round(state: &AppState, round: &str, to: &str, reason: &str) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let manager = require_manager(state, &mut tx, round).await?;
    let to = RoundState::from_code(to).ok_or_else(|| AppError::field(FieldError::new("to", Problem::NotAChoice)))?;
    let reason = check_reason(reason)?;
    let now = Timestamp::now();
    let facts = rounds::facts(&mut tx, manager.round(), now).await?;
    check_move(manager.round().state, to, &facts, reason.as_deref()).map_err(AppError::MoveRefused)?;
    if !rounds::set_state(&mut tx, manager.round().id, manager.round().state, to, now).await? {
        return Err(AppError::Conflict);
    }
    let mut entry = audit_entry(AuditAction::RoundMoved, Some(manager.principal()));
    entry.target_type = Some("round");
    entry.target_id = Some(manager.round().id.to_string());
    entry.target_name = Some(manager.round().settings.name.clone());
    entry.details = Some(serde_json::json!({
        "before": manager.round().state.code(),
        "after": to.code(),
        "reason": reason,
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("round-moved");
    Ok(())
}
