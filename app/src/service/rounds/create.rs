//! The use cases behind `crate::api::rounds::create`:
//! Creating a round (administrators), from the official defaults or by
//! copying an earlier round's configuration.

use crate::auth::principal::Administrator;
use crate::db::rounds::{self, NewRound};
use crate::db::{audit, geography, Conn};
use crate::domain::audit::AuditAction;
use crate::domain::certificate::DEFAULT_PATTERN;
use crate::domain::ids::{LevelId, RoundId, TerritoryId};
use crate::domain::round::{
    check_parent_level, check_round_settings, RoundSettingsForm, DEFAULT_MAJORITY_PERCENT, DEFAULT_QUORUM_PERCENT,
    DEFAULT_SCORE_STEP, DEFAULT_SPREAD_FLAG, DEFAULT_THRESHOLD,
};
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::rounds::create::{NewRoundOptions, RoundChoice};
use crate::service::request::{audit_entry, redirect_to};

pub async fn options(state: &AppState, _admin: Administrator) -> Result<NewRoundOptions, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let geography = crate::service::geography::load(&mut conn).await?;
    let rounds = rounds::list_rounds(&mut conn)
        .await?
        .into_iter()
        .map(|r| RoundChoice {
            id: r.id.to_string(),
            name: r.settings.name,
            level: r.level.to_string(),
        })
        .collect();
    let now = Timestamp::now();
    let day = |days: i64, hour: i64| {
        // Midnight in Vietnam, `days` from today, plus `hour` hours.
        let offset = 7 * 3600 * 1000;
        let midnight = (now.millis() + offset).div_euclid(86_400_000) * 86_400_000 - offset;
        Timestamp(midnight).plus_secs(days * 86_400 + hour * 3600)
    };
    let defaults = RoundSettingsForm {
        name: String::new(),
        year: now.vn_year().to_string(),
        entries_open: day(1, 8).vn_input_value(),
        entries_close: day(61, 17).vn_input_value(),
        judging_close: day(91, 17).vn_input_value(),
        threshold: DEFAULT_THRESHOLD.input_value(),
        quorum_percent: DEFAULT_QUORUM_PERCENT.to_string(),
        majority_percent: DEFAULT_MAJORITY_PERCENT.to_string(),
        tie_recognises: None,
        certificate_pattern: DEFAULT_PATTERN.to_owned(),
        show_scores: None,
        score_step: DEFAULT_SCORE_STEP.input_value(),
        spread_flag: DEFAULT_SPREAD_FLAG.input_value(),
    };
    Ok(NewRoundOptions {
        geography,
        rounds,
        defaults,
    })
}

/// Resolves and checks the round's level, territory and parent round:
/// the territory must be of the level, the parent of a higher level.
pub async fn check_identity(
    conn: &mut Conn,
    level: &str,
    territory: &str,
    parent: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Result<Option<(LevelId, TerritoryId, Option<RoundId>)>, AppError> {
    let level = match LevelId::parse(level) {
        Some(id) => geography::get_level(conn, id).await?,
        None => None,
    };
    let territory = match TerritoryId::parse(territory) {
        Some(id) => geography::get_territory(conn, id).await?,
        None => None,
    };
    let parent = match parent.filter(|p| !p.is_empty()) {
        Some(p) => match RoundId::parse(p) {
            Some(id) => rounds::get_round(conn, id).await?.map(Some),
            None => None,
        },
        None => Some(None),
    };
    let before = errors.len();
    if level.is_none() {
        errors.push(FieldError::new("level", Problem::NotAChoice));
    }
    match (&territory, &level) {
        (None, _) => errors.push(FieldError::new("territory", Problem::NotAChoice)),
        (Some(t), Some(l)) if t.level != l.id => {
            errors.push(FieldError::new("territory", Problem::TerritoryNotOfLevel))
        }
        _ => {}
    }
    match (&parent, &level) {
        (None, _) => errors.push(FieldError::new("parent_round", Problem::NotAChoice)),
        (Some(Some(p)), Some(l)) => {
            let parent_rank = geography::get_level(conn, p.level)
                .await?
                .map(|pl| pl.rank)
                .unwrap_or(0);
            if let Err(e) = check_parent_level(l.rank, parent_rank) {
                errors.push(e);
            }
        }
        _ => {}
    }
    if errors.len() > before {
        return Ok(None);
    }
    match (level, territory, parent) {
        (Some(l), Some(t), Some(p)) => Ok(Some((l.id, t.id, p.map(|p| p.id)))),
        _ => Ok(None),
    }
}

pub async fn create(
    state: &AppState,
    admin: Administrator,
    level: &str,
    territory: &str,
    parent: Option<&str>,
    copy_from: Option<&str>,
    form: &RoundSettingsForm,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let settings = match check_round_settings(form) {
        Ok(s) => Some(s),
        Err(mut e) => {
            errors.append(&mut e);
            None
        }
    };
    let mut tx = state.store.write().await?;
    let identity = check_identity(&mut tx, level, territory, parent, &mut errors).await?;
    let source = match copy_from.filter(|c| !c.is_empty()) {
        Some(c) => match RoundId::parse(c) {
            Some(id) if rounds::get_round(&mut tx, id).await?.is_some() => Some(id),
            _ => {
                errors.push(FieldError::new("copy_from", Problem::NotAChoice));
                None
            }
        },
        None => None,
    };
    let (Some(settings), Some((level, territory, parent)), true) = (settings, identity, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let id = RoundId::new();
    let now = Timestamp::now();
    rounds::insert_round(
        &mut tx,
        &NewRound {
            id,
            level,
            territory,
            parent,
            settings: &settings,
            created_by: admin.principal().id(),
            now,
        },
        source,
    )
    .await?;
    let mut entry = audit_entry(AuditAction::RoundCreated, Some(admin.principal()));
    entry.target_type = Some("round");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(settings.name.clone());
    entry.details = Some(serde_json::json!({
        "after": settings,
        "level": level.to_string(),
        "territory": territory.to_string(),
        "parent_round": parent.map(|p| p.to_string()),
        "copied_from": source.map(|s| s.to_string()),
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    redirect_to(&format!("/rounds/{id}"));
    Ok(())
}
