//! The one-time setup link that creates the first administrator.

use super::{Conn, StoreError};
use crate::domain::time::Timestamp;

/// Stores a new setup token (hashed).
pub async fn insert_setup_token(
    conn: &mut Conn,
    token_hash: &str,
    now: Timestamp,
    expires: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(now.millis())
        .bind(expires.millis())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether the token exists, is unused and has not expired.
pub async fn setup_token_usable(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<bool, StoreError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.millis())
    .fetch_one(&mut *conn)
    .await?;
    Ok(count > 0)
}

/// Marks the token used, and every other setup token with it: once an
/// administrator exists, no setup link may work again. Returns whether the
/// given token was usable (the conditional update makes two simultaneous
/// uses of one link succeed at most once).
pub async fn consume_setup_tokens(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<bool, StoreError> {
    let used = sqlx::query(
        "UPDATE setup_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query("UPDATE setup_tokens SET used_at = $1 WHERE used_at IS NULL")
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(used == 1)
}
