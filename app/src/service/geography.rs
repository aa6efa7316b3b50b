//! The use cases behind `crate::api::geography`:
//! Levels and territories (administrators only).

use crate::auth::principal::Administrator;
use crate::db::{audit, geography, Conn};
use crate::domain::audit::AuditAction;
use crate::domain::geography::{check_level, check_territory};
use crate::domain::ids::{LevelId, TerritoryId};
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::geography::{Geography, LevelView, TerritoryView};
use crate::service::request::{audit_entry, notice_back};

/// Levels and territories, for any page that needs them.
pub async fn load(conn: &mut Conn) -> Result<Geography, AppError> {
    let levels = geography::list_levels(conn).await?;
    let territories = geography::list_territories(conn).await?;
    Ok(Geography {
        levels: levels
            .into_iter()
            .map(|l| LevelView {
                id: l.id.to_string(),
                name_vi: l.name_vi,
                name_en: l.name_en,
                rank: l.rank,
            })
            .collect(),
        territories: territories
            .into_iter()
            .map(|t| TerritoryView {
                id: t.id.to_string(),
                level: t.level.to_string(),
                parent: t.parent.map(|p| p.to_string()),
                name_vi: t.name_vi,
                name_en: t.name_en,
            })
            .collect(),
    })
}

pub async fn list(state: &AppState, _admin: Administrator) -> Result<Geography, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    load(&mut conn).await
}

pub async fn save_level(
    state: &AppState,
    admin: Administrator,
    id: Option<&str>,
    name_vi: &str,
    name_en: &str,
    rank: &str,
) -> Result<(), AppError> {
    let level = check_level(name_vi, name_en, rank)?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let (id, before) = match id.filter(|i| !i.is_empty()) {
        Some(id) => {
            let id = LevelId::parse(id).ok_or(AppError::NotFound)?;
            let before = geography::get_level(&mut tx, id).await?.ok_or(AppError::NotFound)?;
            geography::update_level(&mut tx, id, &level, now).await?;
            (id, Some(before))
        }
        None => {
            let id = LevelId::new();
            geography::insert_level(&mut tx, id, &level, now).await?;
            (id, None)
        }
    };
    let mut entry = audit_entry(AuditAction::LevelSaved, Some(admin.principal()));
    entry.target_type = Some("level");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(level.name_vi.clone());
    entry.details = Some(serde_json::json!({
        "before": before.map(|b| serde_json::json!({ "name_vi": b.name_vi, "name_en": b.name_en, "rank": b.rank })),
        "after": { "name_vi": level.name_vi, "name_en": level.name_en, "rank": level.rank },
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("level-saved");
    Ok(())
}

pub async fn save_territory(
    state: &AppState,
    admin: Administrator,
    id: Option<&str>,
    level: &str,
    parent: Option<&str>,
    name_vi: &str,
    name_en: &str,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let level_record = match LevelId::parse(level) {
        Some(id) => geography::get_level(&mut tx, id).await?,
        None => None,
    };
    let parent_id = parent.filter(|p| !p.is_empty());
    let parent_record = match parent_id {
        Some(p) => Some(
            match TerritoryId::parse(p) {
                Some(id) => geography::get_territory(&mut tx, id).await?,
                None => None,
            }
            .ok_or_else(|| AppError::field(FieldError::new("parent", Problem::NotAChoice)))?,
        ),
        None => None,
    };
    let parent_rank = match &parent_record {
        Some(p) => geography::get_level(&mut tx, p.level).await?.map(|l| l.rank),
        None => None,
    };
    let territory = check_territory(name_vi, name_en, level_record.as_ref().map(|l| l.rank), parent_rank)?;
    let level_record = level_record.ok_or(AppError::Internal)?;
    let target = match id.filter(|i| !i.is_empty()) {
        Some(id) => {
            let id = TerritoryId::parse(id).ok_or(AppError::NotFound)?;
            if parent_record.as_ref().is_some_and(|p| p.id == id) {
                return Err(AppError::field(FieldError::new("parent", Problem::NotAChoice)));
            }
            if !geography::update_territory(
                &mut tx,
                id,
                level_record.id,
                parent_record.map(|p| p.id),
                &territory,
                now,
            )
            .await?
            {
                return Err(AppError::NotFound);
            }
            id
        }
        None => {
            let id = TerritoryId::new();
            geography::insert_territory(
                &mut tx,
                id,
                level_record.id,
                parent_record.map(|p| p.id),
                &territory,
                now,
            )
            .await?;
            id
        }
    };
    let mut entry = audit_entry(AuditAction::TerritorySaved, Some(admin.principal()));
    entry.target_type = Some("territory");
    entry.target_id = Some(target.to_string());
    entry.target_name = Some(territory.name_vi.clone());
    entry.details = Some(serde_json::json!({ "level": level_record.name_vi, "name_en": territory.name_en }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("territory-saved");
    Ok(())
}
