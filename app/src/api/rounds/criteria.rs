//! Sub-criteria under a criterion group, per product group (the round's
//! administrators and secretaries), until scoring begins.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::domain::criteria::SubCriterionRow;
use crate::error::AppError;

/// Replaces the sub-criteria of one criterion group for one product
/// group. The rows are checked as a whole (their maxima must add up to the
/// group's maximum); blank rows are ignored; no rows scores the criterion
/// group as one line.
#[server(endpoint = "save_sub_criteria")]
pub async fn save_sub_criteria(
    round: String,
    criterion: String,
    group: String,
    rows: Option<Vec<SubCriterionRow>>,
) -> Result<(), AppError> {
    let rows = rows.unwrap_or_default();
    let result = imp::save(&round, &criterion, &group, &rows).await;
    let memory: Vec<(String, String)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            [
                (format!("rows[{i}][name_vi]"), r.name_vi.clone()),
                (format!("rows[{i}][name_en]"), r.name_en.clone()),
                (format!("rows[{i}][max]"), r.max.clone()),
                (format!("rows[{i}][guidance]"), r.guidance.clone()),
            ]
        })
        .collect();
    let memory: Vec<(&str, &str)> = memory.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::api::boundary::finish_form(result, SaveSubCriteria::PATH, &memory)
}

#[cfg(feature = "ssr")]
mod imp {
    use super::super::access::require_manager;
    use crate::api::boundary::{app_state, audit_entry, notice_back};
    use crate::db::{audit, rounds};
    use crate::domain::audit::AuditAction;
    use crate::domain::criteria::{check_criteria_editable, check_sub_criteria, SubCriterionRow};
    use crate::domain::ids::{CriterionId, GroupId};
    use crate::domain::validation::{FieldError, Problem};
    use crate::error::AppError;

    pub async fn save(round: &str, criterion: &str, group: &str, rows: &[SubCriterionRow]) -> Result<(), AppError> {
        let state = app_state()?;
        let mut tx = state.store.write().await?;
        let manager = require_manager(&state, &mut tx, round).await?;
        if check_criteria_editable(manager.round.criteria_frozen).is_err() {
            return Err(AppError::CriteriaFrozen);
        }
        let criteria = rounds::criteria(&mut tx, manager.round.id).await?;
        let groups = rounds::groups(&mut tx, manager.round.id).await?;
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
        let before: Vec<_> = rounds::sub_criteria(&mut tx, manager.round.id)
            .await?
            .into_iter()
            .filter(|s| s.criterion == criterion.id && s.group == group.id)
            .map(|s| s.item)
            .collect();
        rounds::replace_sub_criteria(&mut tx, manager.round.id, criterion.id, group.id, &items).await?;
        let mut entry = audit_entry(AuditAction::SubCriteriaChanged, Some(&manager.principal));
        entry.target_type = Some("round");
        entry.target_id = Some(manager.round.id.to_string());
        entry.target_name = Some(manager.round.settings.name.clone());
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
}
