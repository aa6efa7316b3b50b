//! Sets of products of one business (bộ sản phẩm), certified as one.

use sqlx::Row;

use crate::db::{Conn, StoreError};
use crate::domain::ids::{EntryId, RoundId, SetId, UserId};
use crate::domain::time::Timestamp;

/// A set of products of one business.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetRecord {
    /// Its id.
    pub id: SetId,
    /// Its name.
    pub name: String,
    /// Its entries, in order.
    pub entries: Vec<EntryId>,
}

/// Forms a set of `entries` (the caller has checked they are of one
/// business and in no set).
pub async fn create_set(
    conn: &mut Conn,
    round: RoundId,
    name: &str,
    entries: &[EntryId],
    by: UserId,
    now: Timestamp,
) -> Result<SetId, StoreError> {
    let id = SetId::new();
    sqlx::query("INSERT INTO product_sets (id, round_id, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(round)
        .bind(name)
        .bind(by)
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    for (position, entry) in entries.iter().enumerate() {
        sqlx::query("INSERT INTO product_set_entries (entry_id, set_id, position) VALUES ($1, $2, $3)")
            .bind(entry)
            .bind(id)
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Dissolves a set of `round`; `false` if there is none such (or it holds
/// a certificate).
pub async fn dissolve_set(conn: &mut Conn, round: RoundId, set: SetId) -> Result<bool, StoreError> {
    let certified = sqlx::query("SELECT 1 AS one FROM certificates WHERE set_id = $1")
        .bind(set)
        .fetch_optional(&mut *conn)
        .await?;
    if certified.is_some() {
        return Ok(false);
    }
    sqlx::query(
        "DELETE FROM product_set_entries WHERE set_id IN (SELECT id FROM product_sets WHERE id = $1 AND round_id = $2)",
    )
    .bind(set)
    .bind(round)
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query("DELETE FROM product_sets WHERE id = $1 AND round_id = $2")
        .bind(set)
        .bind(round)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The sets of a round, by name.
pub async fn sets_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<SetRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.id, s.name, m.entry_id FROM product_sets s JOIN product_set_entries m ON m.set_id = s.id \
         WHERE s.round_id = $1 ORDER BY s.name, s.id, m.position",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    let mut sets: Vec<SetRecord> = Vec::new();
    for row in &rows {
        let id: SetId = row.try_get("id")?;
        let entry: EntryId = row.try_get("entry_id")?;
        match sets.last_mut() {
            Some(last) if last.id == id => last.entries.push(entry),
            _ => sets.push(SetRecord {
                id,
                name: row.try_get("name")?,
                entries: vec![entry],
            }),
        }
    }
    Ok(sets)
}
