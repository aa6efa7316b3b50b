//! The audit log: append-only (triggers refuse UPDATE and DELETE on both
//! databases). Every state change writes a row in the same transaction as
//! the change itself, so there is no change without its record.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::audit::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::time::Timestamp;

/// A row to append.
#[derive(Clone, Debug, Default)]
pub struct AuditEntry {
    /// When it happened.
    pub at: Option<Timestamp>,
    /// Who did it (none for anonymous acts such as a failed sign-in).
    pub actor: Option<UserId>,
    /// The actor's name at the time.
    pub actor_name: Option<String>,
    /// What was done.
    pub action: Option<AuditAction>,
    /// What kind of thing it was done to (`user`, `round`, …).
    pub target_type: Option<&'static str>,
    /// Its id.
    pub target_id: Option<String>,
    /// Its name at the time.
    pub target_name: Option<String>,
    /// The network address of the request.
    pub address: Option<String>,
    /// Before/after values and other facts, as JSON.
    pub details: Option<serde_json::Value>,
}

/// A stored row.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditRecord {
    /// Position in the log (increasing).
    pub seq: i64,
    /// When.
    pub at: Timestamp,
    /// Who (name at the time).
    pub actor_name: Option<String>,
    /// The action's code.
    pub action: String,
    /// Kind of target.
    pub target_type: Option<String>,
    /// Target id.
    pub target_id: Option<String>,
    /// Target name at the time.
    pub target_name: Option<String>,
    /// Network address.
    pub address: Option<String>,
    /// JSON details.
    pub details: Option<String>,
}

/// Appends a row.
pub async fn append(conn: &mut Conn, entry: AuditEntry) -> Result<(), StoreError> {
    let action = entry.action.map(AuditAction::code).unwrap_or("unknown");
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id, target_name, address, details) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(entry.at.unwrap_or_else(Timestamp::now).millis())
    .bind(entry.actor)
    .bind(entry.actor_name)
    .bind(action)
    .bind(entry.target_type)
    .bind(entry.target_id)
    .bind(entry.target_name)
    .bind(entry.address)
    .bind(entry.details.map(|d| d.to_string()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Up to `limit` rows older than `before` (newest first), optionally of
/// one action only.
pub async fn list(
    conn: &mut Conn,
    before: Option<i64>,
    action: Option<AuditAction>,
    limit: i64,
) -> Result<Vec<AuditRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, at, actor_name, action, target_type, target_id, target_name, address, details \
         FROM audit_log WHERE seq < $1 AND ($2 = '' OR action = $2) ORDER BY seq DESC LIMIT $3",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(action.map(AuditAction::code).unwrap_or_default())
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(AuditRecord {
                seq: row.try_get("seq")?,
                at: Timestamp(row.try_get("at")?),
                actor_name: row.try_get("actor_name")?,
                action: row.try_get("action")?,
                target_type: row.try_get("target_type")?,
                target_id: row.try_get("target_id")?,
                target_name: row.try_get("target_name")?,
                address: row.try_get("address")?,
                details: row.try_get("details")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
