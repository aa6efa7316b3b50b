//! The facts the programme's public figures count.

use sqlx::Row;

use super::{Conn, StoreError};

/// Every eligible entry of the rounds whose results are published, as the
/// programme's figures count it, in one query.
pub async fn published_facts(conn: &mut Conn) -> Result<Vec<crate::domain::statistics::Fact>, StoreError> {
    use crate::domain::report::Mean;
    let rows = sqlx::query(
        "SELECT x.recognised, x.score_sum, x.score_count, e.group_number, g.name_vi AS group_vi, \
         g.name_en AS group_en, r.year, l.rank AS level_rank, l.name_vi AS level_vi, l.name_en AS level_en, \
         t.name_vi AS territory_vi, t.name_en AS territory_en \
         FROM entry_results x JOIN entries e ON e.id = x.entry_id JOIN rounds r ON r.id = x.round_id \
         JOIN levels l ON l.id = r.level_id JOIN territories t ON t.id = r.territory_id \
         LEFT JOIN round_groups g ON g.round_id = r.id AND g.number = e.group_number \
         WHERE r.state IN ('published', 'archived')",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let count: i64 = row.try_get("score_count")?;
            let group: Option<i64> = row.try_get("group_number")?;
            let group_vi: Option<String> = row.try_get("group_vi")?;
            let group_en: Option<String> = row.try_get("group_en")?;
            let year: i64 = row.try_get("year")?;
            Ok(crate::domain::statistics::Fact {
                recognised: row.try_get::<i64, _>("recognised")? != 0,
                score: (count > 0)
                    .then(|| row.try_get::<i64, _>("score_sum").map(|sum| Mean { sum, count }))
                    .transpose()?,
                group: group.map(|n| (n, group_vi.unwrap_or_default(), group_en.unwrap_or_default())),
                year: i32::try_from(year).unwrap_or_default(),
                level: (
                    row.try_get("level_rank")?,
                    row.try_get("level_vi")?,
                    row.try_get("level_en")?,
                ),
                territory: (row.try_get("territory_vi")?, row.try_get("territory_en")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
