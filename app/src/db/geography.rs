//! Levels and territories.

use sqlx::{FromRow, Row};

use super::{map_unique, Conn, StoreError};
use crate::domain::geography::{LevelInput, TerritoryInput};
use crate::domain::ids::{LevelId, TerritoryId};
use crate::domain::time::Timestamp;

/// A level as stored.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct LevelRecord {
    /// Its id.
    pub id: LevelId,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Position on the path upward.
    pub rank: i64,
}

/// A territory as stored.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct TerritoryRecord {
    /// Its id.
    pub id: TerritoryId,
    /// Its level.
    #[sqlx(rename = "level_id")]
    pub level: LevelId,
    /// The territory it sits in, if any.
    #[sqlx(rename = "parent_id")]
    pub parent: Option<TerritoryId>,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
}

/// Every level, lowest first.
pub async fn list_levels(conn: &mut Conn) -> Result<Vec<LevelRecord>, StoreError> {
    let rows = sqlx::query("SELECT id, name_vi, name_en, rank FROM levels ORDER BY rank, name_vi")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(LevelRecord::from_row).collect::<Result<_, _>>()?)
}

/// One level.
pub async fn get_level(conn: &mut Conn, id: LevelId) -> Result<Option<LevelRecord>, StoreError> {
    let row = sqlx::query("SELECT id, name_vi, name_en, rank FROM levels WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(LevelRecord::from_row).transpose()?)
}

/// A name in Vietnamese and in English.
pub type NamePair = (String, String);

/// The Vietnamese and English names of a level and of a territory, in
/// one statement (what every page about a round prints); `None` for one
/// that does not exist.
pub async fn names_of_place(
    conn: &mut Conn,
    level: LevelId,
    territory: TerritoryId,
) -> Result<(Option<NamePair>, Option<NamePair>), StoreError> {
    let row = sqlx::query(
        "SELECT (SELECT name_vi FROM levels WHERE id = $1) AS level_vi, \
         (SELECT name_en FROM levels WHERE id = $1) AS level_en, \
         (SELECT name_vi FROM territories WHERE id = $2) AS territory_vi, \
         (SELECT name_en FROM territories WHERE id = $2) AS territory_en",
    )
    .bind(level)
    .bind(territory)
    .fetch_one(&mut *conn)
    .await?;
    let pair = |vi: &str, en: &str| -> Result<Option<NamePair>, sqlx::Error> {
        let vi: Option<String> = row.try_get(vi)?;
        let en: Option<String> = row.try_get(en)?;
        Ok(vi.zip(en))
    };
    Ok((pair("level_vi", "level_en")?, pair("territory_vi", "territory_en")?))
}

/// Stores a new level; a taken Vietnamese name is [`StoreError::Duplicate`].
pub async fn insert_level(conn: &mut Conn, id: LevelId, level: &LevelInput, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO levels (id, name_vi, name_en, rank, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(id)
    .bind(&level.name_vi)
    .bind(&level.name_en)
    .bind(level.rank)
    .bind(now.millis())
    .execute(&mut *conn)
    .await
    .map_err(|e| map_unique(e, &["name_vi"]))?;
    Ok(())
}

/// Changes a level; `false` if there is no such level.
pub async fn update_level(
    conn: &mut Conn,
    id: LevelId,
    level: &LevelInput,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = sqlx::query("UPDATE levels SET name_vi = $2, name_en = $3, rank = $4, updated_at = $5 WHERE id = $1")
        .bind(id)
        .bind(&level.name_vi)
        .bind(&level.name_en)
        .bind(level.rank)
        .bind(now.millis())
        .execute(&mut *conn)
        .await
        .map_err(|e| map_unique(e, &["name_vi"]))?;
    Ok(result.rows_affected() == 1)
}

const TERRITORY_COLUMNS: &str = "id, level_id, parent_id, name_vi, name_en";

/// Every territory, by level (highest first) and name.
pub async fn list_territories(conn: &mut Conn) -> Result<Vec<TerritoryRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT t.id, t.level_id, t.parent_id, t.name_vi, t.name_en FROM territories t \
         JOIN levels l ON l.id = t.level_id ORDER BY l.rank DESC, t.name_vi",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(TerritoryRecord::from_row).collect::<Result<_, _>>()?)
}

/// One territory.
pub async fn get_territory(conn: &mut Conn, id: TerritoryId) -> Result<Option<TerritoryRecord>, StoreError> {
    let sql = format!("SELECT {TERRITORY_COLUMNS} FROM territories WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(TerritoryRecord::from_row).transpose()?)
}

/// Stores a new territory; a name taken within the level is
/// [`StoreError::Duplicate`].
pub async fn insert_territory(
    conn: &mut Conn,
    id: TerritoryId,
    level: LevelId,
    parent: Option<TerritoryId>,
    territory: &TerritoryInput,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO territories (id, level_id, parent_id, name_vi, name_en, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(id)
    .bind(level)
    .bind(parent)
    .bind(&territory.name_vi)
    .bind(&territory.name_en)
    .bind(now.millis())
    .execute(&mut *conn)
    .await
    .map_err(|e| map_unique(e, &["name_vi"]))?;
    Ok(())
}

/// Changes a territory; `false` if there is no such territory.
pub async fn update_territory(
    conn: &mut Conn,
    id: TerritoryId,
    level: LevelId,
    parent: Option<TerritoryId>,
    territory: &TerritoryInput,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE territories SET level_id = $2, parent_id = $3, name_vi = $4, name_en = $5, updated_at = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(level)
    .bind(parent)
    .bind(&territory.name_vi)
    .bind(&territory.name_en)
    .bind(now.millis())
    .execute(&mut *conn)
    .await
    .map_err(|e| map_unique(e, &["name_vi"]))?;
    Ok(result.rows_affected() == 1)
}
