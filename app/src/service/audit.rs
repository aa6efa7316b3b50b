//! The use cases behind `crate::api::audit`:
//! Reading the audit log (administrators only).

use crate::auth::principal::Administrator;
use crate::db::audit;
use crate::domain::audit::AuditAction;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::audit::{AuditPage, AuditRow, AUDIT_PER_PAGE};

pub async fn list(
    state: &AppState,
    _admin: Administrator,
    before: Option<i64>,
    action: Option<&str>,
) -> Result<AuditPage, AppError> {
    let action = action.filter(|a| !a.is_empty()).and_then(AuditAction::from_code);
    let mut conn = state.store.pool().acquire().await?;
    let records = audit::list(&mut conn, before, action, AUDIT_PER_PAGE + 1).await?;
    let more = records.len() as i64 > AUDIT_PER_PAGE;
    let rows: Vec<AuditRow> = records
        .into_iter()
        .take(AUDIT_PER_PAGE as usize)
        .map(|r| AuditRow {
            seq: r.seq,
            at: r.at,
            actor: r.actor_name,
            action: r.action,
            target: r.target_name.or(r.target_id),
            address: r.address,
            details: r.details,
        })
        .collect();
    Ok(AuditPage {
        older: if more { rows.last().map(|r| r.seq) } else { None },
        rows,
    })
}
