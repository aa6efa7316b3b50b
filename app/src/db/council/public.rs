//! What the public results page reads of a round besides its listing:
//! the round, its decision and the names of its level and territory, in
//! one statement.

use sqlx::Row;

use super::decisions::{decision_from_row, DecisionRecord, DECISION_COLUMNS};
use crate::db::geography::NamePair;
use crate::db::rounds::{round_from_row, RoundRecord, ROUND_COLUMNS};
use crate::db::{Conn, StoreError};
use crate::domain::ids::RoundId;

/// A round with its decision (if any) and the names of its place.
pub struct RoundHeader {
    /// The round.
    pub round: RoundRecord,
    /// Its decision, once recorded.
    pub decision: Option<DecisionRecord>,
    /// Its level's names, Vietnamese and English.
    pub level: Option<NamePair>,
    /// Its territory's names.
    pub territory: Option<NamePair>,
}

/// Round `id` with its decision and the names of its level and
/// territory, or `None` when there is no such round.
pub async fn round_header(conn: &mut Conn, id: RoundId) -> Result<Option<RoundHeader>, StoreError> {
    let columns: Vec<String> = ROUND_COLUMNS.split(',').map(|c| format!("r.{}", c.trim())).collect();
    let sql = format!(
        "SELECT {}, {DECISION_COLUMNS}, l.name_vi AS level_vi, l.name_en AS level_en, t.name_vi AS territory_vi, t.name_en AS territory_en \
         FROM rounds r LEFT JOIN decisions d ON d.round_id = r.id LEFT JOIN levels l ON l.id = r.level_id \
         LEFT JOIN territories t ON t.id = r.territory_id WHERE r.id = $1",
        columns.join(", ")
    );
    let Some(row) = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await? else {
        return Ok(None);
    };
    let pair = |vi: &str, en: &str| -> Result<Option<NamePair>, sqlx::Error> {
        let vi: Option<String> = row.try_get(vi)?;
        let en: Option<String> = row.try_get(en)?;
        Ok(vi.zip(en))
    };
    Ok(Some(RoundHeader {
        round: round_from_row(&row)?,
        decision: decision_from_row(&row)?,
        level: pair("level_vi", "level_en")?,
        territory: pair("territory_vi", "territory_en")?,
    }))
}
