//! The use cases behind `crate::api::business`:
//! The signed-in representative's business profile.

use crate::auth::principal::Principal;
use crate::db::{audit, businesses};
use crate::domain::audit::AuditAction;
use crate::domain::business::{check_business, BusinessForm};
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::request::{audit_entry, notice_back};

pub async fn mine(state: &AppState, principal: Principal) -> Result<Option<BusinessForm>, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    Ok(businesses::business_of(&mut conn, principal.id())
        .await?
        .map(|b| b.business.to_form()))
}

pub async fn save(state: &AppState, principal: Principal, form: &BusinessForm) -> Result<(), AppError> {
    let business = check_business(form)?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let before = businesses::business_of(&mut tx, principal.id())
        .await?
        .map(|b| b.business);
    let id = businesses::save_business(&mut tx, principal.id(), &business, now).await?;
    let mut entry = audit_entry(AuditAction::BusinessSaved, Some(&principal));
    entry.target_type = Some("business");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(business.name.clone());
    entry.details = Some(serde_json::json!({ "before": before, "after": business }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("business-saved");
    Ok(())
}
