//! Score sheets: one per juror and entry, with one row per line that holds
//! points. Every write is guarded by the sheet's version, so two tabs (or
//! a juror and the secretariat) never overwrite each other silently.

use std::collections::BTreeMap;

use sqlx::Row;

use super::codec::decode_error;
use super::{Conn, StoreError};
use crate::domain::ids::{EntryId, RoundId, SheetId, UserId};
use crate::domain::points::Points;
use crate::domain::scoring::{SheetPoints, SheetState};
use crate::domain::time::Timestamp;

/// A stored sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRecord {
    /// Its id.
    pub id: SheetId,
    /// The round.
    pub round: RoundId,
    /// The entry scored.
    pub entry: EntryId,
    /// The juror whose sheet it is.
    pub juror: UserId,
    /// Draft or submitted.
    pub state: SheetState,
    /// Bumped at every write.
    pub version: i64,
    /// The juror's comment.
    pub comment: Option<String>,
    /// The sum of its lines.
    pub total: Points,
    /// Whether the secretariat typed it in from a paper sheet.
    pub from_paper: bool,
    /// Who wrote it last (the juror, or a secretary).
    pub updated_by: UserId,
    /// When it was submitted.
    pub submitted_at: Option<Timestamp>,
    /// When it was last written.
    pub updated_at: Timestamp,
    /// Its sum per criterion group as written with it (`None` for a
    /// sheet written before these were kept: sum its lines instead).
    pub subtotals: Option<Vec<Points>>,
    /// The points of the lines that hold some, by line key.
    pub points: BTreeMap<String, Points>,
}

/// Writes sums per criterion group as stored: hundredths, comma-separated.
fn encode_subtotals(subtotals: &[Points]) -> String {
    subtotals
        .iter()
        .map(|p| p.centi().to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads stored sums per criterion group.
fn decode_subtotals(text: &str) -> Option<Vec<Points>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(',').map(|part| part.parse().ok().map(Points)).collect()
}

const COLUMNS: &str =
    "id, round_id, entry_id, juror_id, state, version, comment, total_centi, from_paper, updated_by, submitted_at, updated_at, \
     subtotals";

fn from_row(row: &sqlx::any::AnyRow) -> Result<SheetRecord, sqlx::Error> {
    let submitted: Option<i64> = row.try_get("submitted_at")?;
    let subtotals: Option<String> = row.try_get("subtotals")?;
    let subtotals = subtotals
        .map(|t| decode_subtotals(&t).ok_or_else(|| decode_error("score_sheets.subtotals", &t)))
        .transpose()?;
    Ok(SheetRecord {
        id: row.try_get("id")?,
        round: row.try_get("round_id")?,
        entry: row.try_get("entry_id")?,
        juror: row.try_get("juror_id")?,
        state: row.try_get("state")?,
        version: row.try_get("version")?,
        comment: row.try_get("comment")?,
        total: Points(row.try_get("total_centi")?),
        from_paper: row.try_get::<i64, _>("from_paper")? != 0,
        updated_by: row.try_get("updated_by")?,
        submitted_at: submitted.map(Timestamp),
        updated_at: Timestamp(row.try_get("updated_at")?),
        subtotals,
        points: BTreeMap::new(),
    })
}

/// Fills in the lines of `sheets`, a few hundred sheets per statement.
pub async fn load_points(conn: &mut Conn, sheets: &mut [SheetRecord]) -> Result<(), StoreError> {
    // A few hundred sheets per statement: a round's lines arrive in a
    // handful of statements, whatever its size.
    for chunk in sheets.chunks_mut(LINES_PER_STATEMENT) {
        let sql = format!(
            "SELECT sheet_id, line_key, points_centi FROM score_lines WHERE sheet_id IN ({})",
            super::placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for sheet in chunk.iter() {
            query = query.bind(sheet.id);
        }
        let rows = query.fetch_all(&mut *conn).await?;
        let mut by_id: std::collections::HashMap<SheetId, &mut SheetRecord> =
            chunk.iter_mut().map(|s| (s.id, s)).collect();
        for row in rows {
            let id: SheetId = row.try_get("sheet_id")?;
            if let Some(sheet) = by_id.get_mut(&id) {
                sheet
                    .points
                    .insert(row.try_get("line_key")?, Points(row.try_get("points_centi")?));
            }
        }
    }
    Ok(())
}

/// Sheets whose lines one statement reads.
const LINES_PER_STATEMENT: usize = 500;

/// One juror's sheet for one entry.
pub async fn get_sheet(conn: &mut Conn, entry: EntryId, juror: UserId) -> Result<Option<SheetRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM score_sheets WHERE entry_id = $1 AND juror_id = $2");
    let row = sqlx::query(&sql)
        .bind(entry)
        .bind(juror)
        .fetch_optional(&mut *conn)
        .await?;
    let mut sheets: Vec<SheetRecord> = row.as_ref().map(from_row).transpose()?.into_iter().collect();
    load_points(conn, &mut sheets).await?;
    Ok(sheets.pop())
}

/// Every sheet of one entry, without their lines.
pub async fn sheets_of_entry(conn: &mut Conn, entry: EntryId) -> Result<Vec<SheetRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM score_sheets WHERE entry_id = $1");
    let rows = sqlx::query(&sql).bind(entry).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Every sheet of a round, without their lines (for progress).
pub async fn sheets_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<SheetRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM score_sheets WHERE round_id = $1");
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// What a write puts into a sheet.
#[derive(Clone, Debug)]
pub struct SheetWrite<'a> {
    /// The round.
    pub round: RoundId,
    /// The entry.
    pub entry: EntryId,
    /// The juror whose sheet it is.
    pub juror: UserId,
    /// The state it is left in.
    pub state: SheetState,
    /// The lines, empty ones as `None`.
    pub points: &'a SheetPoints,
    /// Their sum.
    pub total: Points,
    /// Their sum per criterion group, in the order of the round's criteria.
    pub subtotals: &'a [Points],
    /// The comment.
    pub comment: Option<&'a str>,
    /// Typed in from paper by the secretariat.
    pub from_paper: bool,
    /// Who writes.
    pub by: UserId,
}

/// Writes a draft sheet (or submits it, with `state` submitted). `version`
/// is the version the writer started from: 0 when they saw no sheet. The
/// write happens only if the sheet is still at that version and a draft;
/// returns the new version, or `None` when someone wrote meanwhile or the
/// sheet is submitted.
pub async fn write_sheet(
    conn: &mut Conn,
    w: &SheetWrite<'_>,
    version: i64,
    now: Timestamp,
) -> Result<Option<i64>, StoreError> {
    let submitted = (w.state == SheetState::Submitted).then_some(now.millis());
    let id = if version == 0 {
        let id = SheetId::new();
        let result = sqlx::query(
            "INSERT INTO score_sheets (id, round_id, entry_id, juror_id, state, version, comment, total_centi, \
             from_paper, updated_by, submitted_at, created_at, updated_at, subtotals) \
             VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $11, $12)",
        )
        .bind(id)
        .bind(w.round)
        .bind(w.entry)
        .bind(w.juror)
        .bind(w.state)
        .bind(w.comment)
        .bind(w.total.centi())
        .bind(i64::from(w.from_paper))
        .bind(w.by)
        .bind(submitted)
        .bind(now.millis())
        .bind(encode_subtotals(w.subtotals))
        .execute(&mut *conn)
        .await;
        match result {
            Ok(_) => id,
            // Another tab created it first.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    } else {
        let row = sqlx::query(
            "UPDATE score_sheets SET state = $4, version = version + 1, comment = $5, total_centi = $6, \
             from_paper = $7, updated_by = $8, submitted_at = $9, updated_at = $10, subtotals = $11 \
             WHERE entry_id = $1 AND juror_id = $2 AND version = $3 AND state = 'draft' RETURNING id",
        )
        .bind(w.entry)
        .bind(w.juror)
        .bind(version)
        .bind(w.state)
        .bind(w.comment)
        .bind(w.total.centi())
        .bind(i64::from(w.from_paper))
        .bind(w.by)
        .bind(submitted)
        .bind(now.millis())
        .bind(encode_subtotals(w.subtotals))
        .fetch_optional(&mut *conn)
        .await?;
        match row {
            Some(row) => row.try_get::<SheetId, _>("id")?,
            None => return Ok(None),
        }
    };
    sqlx::query("DELETE FROM score_lines WHERE sheet_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (key, points) in w.points {
        if let Some(points) = points {
            sqlx::query("INSERT INTO score_lines (sheet_id, line_key, points_centi) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(key)
                .bind(points.centi())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(Some(version + 1))
}

/// Reopens a submitted sheet (back to draft); `false` when it was not
/// submitted at `version`.
pub async fn reopen(
    conn: &mut Conn,
    id: SheetId,
    version: i64,
    by: UserId,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE score_sheets SET state = 'draft', version = version + 1, submitted_at = NULL, updated_by = $3, \
         updated_at = $4 WHERE id = $1 AND version = $2 AND state = 'submitted'",
    )
    .bind(id)
    .bind(version)
    .bind(by)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Deletes a draft sheet (its juror turned out to be in conflict);
/// `false` when there was none, or it is submitted.
pub async fn delete_draft(conn: &mut Conn, entry: EntryId, juror: UserId) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT id FROM score_sheets WHERE entry_id = $1 AND juror_id = $2 AND state = 'draft'")
        .bind(entry)
        .bind(juror)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(false) };
    let id: SheetId = row.try_get("id")?;
    sqlx::query("DELETE FROM score_lines WHERE sheet_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM score_sheets WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtotals_read_back_as_written() {
        for sums in [
            vec![],
            vec![Points(0)],
            vec![Points(1250), Points(3000), Points(-5), Points(700)],
        ] {
            assert_eq!(decode_subtotals(&encode_subtotals(&sums)), Some(sums));
        }
        assert_eq!(decode_subtotals("12,x"), None);
        assert_eq!(decode_subtotals("12,,3"), None);
    }
}
