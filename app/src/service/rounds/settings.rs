//! The use cases behind `crate::api::rounds::settings`:
//! Changing a round's settings (its administrators and secretaries).

use crate::db::{audit, rounds};
use crate::domain::audit::AuditAction;
use crate::domain::round::{
    check_round_settings, check_settings_change, settings_scope, RoundSettingsForm, SettingsScope,
};
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::require_manager;

pub async fn update(
    state: &AppState,
    round: &str,
    identity: (Option<&str>, Option<&str>, Option<&str>),
    form: &RoundSettingsForm,
) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let manager = require_manager(state, &mut tx, round).await?;
    let before = manager.round().settings.clone();
    let now = Timestamp::now();
    let mut errors = Vec::new();
    let after = match check_round_settings(form) {
        Ok(after) => {
            if let Err(mut e) = check_settings_change(manager.round().state, &before, &after, now) {
                errors.append(&mut e);
            }
            Some(after)
        }
        Err(mut e) => {
            errors.append(&mut e);
            None
        }
    };
    let new_identity = match (settings_scope(manager.round().state), identity) {
        (SettingsScope::All, (Some(level), Some(territory), parent)) => {
            crate::service::rounds::create::check_identity(&mut tx, level, territory, parent, &mut errors).await?
        }
        _ => None,
    };
    let Some(after) = after.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    rounds::update_settings(&mut tx, manager.round().id, &after, new_identity, now).await?;
    let mut entry = audit_entry(AuditAction::RoundSettingsChanged, Some(manager.principal()));
    entry.target_type = Some("round");
    entry.target_id = Some(manager.round().id.to_string());
    entry.target_name = Some(after.name.clone());
    entry.details = Some(serde_json::json!({
        "before": before,
        "after": after,
        "identity": new_identity.map(|(l, t, p)| serde_json::json!({
            "level": l.to_string(), "territory": t.to_string(), "parent_round": p.map(|p| p.to_string()),
        })),
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("settings-saved");
    Ok(())
}
