//! The use cases behind `crate::api::rounds::criteria`:
//! Sub-criteria under a criterion group, per product group (the round's
//! administrators and secretaries), until scoring begins.

use crate::db::{audit, rounds};
use crate::domain::audit::AuditAction;
use crate::domain::criteria::{check_criteria_editable, check_sub_criteria, SubCriterionRow};
use crate::domain::ids::{CriterionId, GroupId};
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::require_manager;

pub async fn save(
    state: &AppState,
    round: &str,
    criterion: &str,
    group: &str,
    rows: &[SubCriterionRow],
) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let manager = require_manager(state, &mut tx, round).await?;
    if check_criteria_editable(manager.round().criteria_frozen).is_err() {
        return Err(AppError::CriteriaFrozen);
    }
    let criteria = rounds::criteria(&mut tx, manager.round().id).await?;
    let groups = rounds::groups(&mut tx, manager.round().id).await?;
    let criterion = CriterionId::parse(criterion)
        .and_then(|id| criteria.into_iter().find(|c| c.id == id))
        .ok_or(AppError::NotFound)?;
    let group = GroupId::parse(group)
        .and_then(|id| groups.into_iter().find(|g| g.id == id))
        .ok_or(AppError::NotFound)?;
    if rows.len() > 100 {
        return Err(AppError::field(FieldError::new("total", Problem::TooLong { max: 100 })));
    }
    let items = check_sub_criteria(criterion.max, rows)?;
    let before: Vec<_> = rounds::sub_criteria(&mut tx, manager.round().id)
        .await?
        .into_iter()
        .filter(|s| s.criterion == criterion.id && s.group == group.id)
        .map(|s| s.item)
        .collect();
    rounds::replace_sub_criteria(&mut tx, manager.round().id, criterion.id, group.id, &items).await?;
    let mut entry = audit_entry(AuditAction::SubCriteriaChanged, Some(manager.principal()));
    entry.target_type = Some("round");
    entry.target_id = Some(manager.round().id.to_string());
    entry.target_name = Some(manager.round().settings.name.clone());
    entry.details = Some(serde_json::json!({
        "criterion": criterion.number,
        "group": group.number,
        "before": before,
        "after": items,
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("criteria-saved");
    Ok(())
}
