//! One-time links to set a new password.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::ids::{ResetId, UserId};
use crate::domain::time::Timestamp;

/// A reset link as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct ResetRecord {
    /// The link.
    pub id: ResetId,
    /// Whose password it resets.
    pub user: UserId,
    /// When it stops working.
    pub expires_at: Timestamp,
    /// When it was used, if it was.
    pub used_at: Option<Timestamp>,
}

/// Stores a reset link.
pub async fn insert_reset(
    conn: &mut Conn,
    id: ResetId,
    user: UserId,
    token_hash: &str,
    created_by: Option<UserId>,
    now: Timestamp,
    expires: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO password_resets (id, user_id, token_hash, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(user)
    .bind(token_hash)
    .bind(created_by)
    .bind(now.millis())
    .bind(expires.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The reset link a token belongs to.
pub async fn find_reset(conn: &mut Conn, token_hash: &str) -> Result<Option<ResetRecord>, StoreError> {
    let row = sqlx::query("SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| {
        let used_at: Option<i64> = row.try_get("used_at")?;
        Ok::<_, sqlx::Error>(ResetRecord {
            id: row.try_get("id")?,
            user: row.try_get("user_id")?,
            expires_at: Timestamp(row.try_get("expires_at")?),
            used_at: used_at.map(Timestamp),
        })
    })
    .transpose()
    .map_err(StoreError::from)
}

/// Marks a link used; `false` if it was used or expired meanwhile.
pub async fn consume_reset(conn: &mut Conn, id: ResetId, now: Timestamp) -> Result<bool, StoreError> {
    let result =
        sqlx::query("UPDATE password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(id)
            .bind(now.millis())
            .execute(&mut *conn)
            .await?;
    Ok(result.rows_affected() == 1)
}

/// Ends every open reset link of an account (a new one, or a password
/// set another way, replaces them).
pub async fn expire_resets_of(conn: &mut Conn, user: UserId, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE password_resets SET expires_at = $2 WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(user)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Removes reset links that expired or were used before `before`
/// (requests for them are anonymous, so they are purged).
pub async fn purge_spent(conn: &mut Conn, before: Timestamp) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM password_resets WHERE expires_at < $1 OR used_at < $1")
        .bind(before.millis())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}
