//! Changing a round's settings (its administrators and secretaries).

// The server function takes the settings form's fields one by one, as the
// plain HTML form posts them.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Changes a round's settings. Level, territory and parent round change
/// only while the round is a draft; nothing changes once the council
/// deliberates.
#[server(endpoint = "update_round_settings")]
pub async fn update_round_settings(
    round: String,
    level: Option<String>,
    territory: Option<String>,
    parent_round: Option<String>,
    title: String,
    year: String,
    entries_open: String,
    entries_close: String,
    judging_close: String,
    threshold: String,
    quorum_percent: String,
    majority_percent: String,
    tie_recognises: Option<String>,
    certificate_pattern: String,
    show_scores: Option<String>,
    score_step: String,
    spread_flag: String,
) -> Result<(), AppError> {
    let form = crate::domain::round::RoundSettingsForm {
        name: title,
        year,
        entries_open,
        entries_close,
        judging_close,
        threshold,
        quorum_percent,
        majority_percent,
        tie_recognises,
        certificate_pattern,
        show_scores,
        score_step,
        spread_flag,
    };
    let identity = (level.as_deref(), territory.as_deref(), parent_round.as_deref());
    let result = imp::update(&round, identity, &form).await;
    let memory = super::create::settings_memory(&form);
    let memory: Vec<(&str, &str)> = memory.iter().map(|(k, v)| (*k, v.as_str())).collect();
    crate::api::boundary::finish_form(result, UpdateRoundSettings::PATH, &memory)
}

#[cfg(feature = "ssr")]
mod imp {
    use super::super::access::require_manager;
    use crate::api::boundary::{app_state, audit_entry, notice_back};
    use crate::db::{audit, rounds};
    use crate::domain::audit::AuditAction;
    use crate::domain::round::{
        check_round_settings, check_settings_change, settings_scope, RoundSettingsForm, SettingsScope,
    };
    use crate::domain::time::Timestamp;
    use crate::error::AppError;

    pub async fn update(
        round: &str,
        identity: (Option<&str>, Option<&str>, Option<&str>),
        form: &RoundSettingsForm,
    ) -> Result<(), AppError> {
        let state = app_state()?;
        let mut tx = state.store.write().await?;
        let manager = require_manager(&state, &mut tx, round).await?;
        let before = manager.round.settings.clone();
        let now = Timestamp::now();
        let mut errors = Vec::new();
        let after = match check_round_settings(form) {
            Ok(after) => {
                if let Err(mut e) = check_settings_change(manager.round.state, &before, &after, now) {
                    errors.append(&mut e);
                }
                Some(after)
            }
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        };
        let new_identity = match (settings_scope(manager.round.state), identity) {
            (SettingsScope::All, (Some(level), Some(territory), parent)) => {
                super::super::create::imp::check_identity(&mut tx, level, territory, parent, &mut errors).await?
            }
            _ => None,
        };
        let Some(after) = after.filter(|_| errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        rounds::update_settings(&mut tx, manager.round.id, &after, new_identity, now).await?;
        let mut entry = audit_entry(AuditAction::RoundSettingsChanged, Some(&manager.principal));
        entry.target_type = Some("round");
        entry.target_id = Some(manager.round.id.to_string());
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
}
