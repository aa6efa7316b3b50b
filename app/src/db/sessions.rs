//! Sessions live in the database so that every server behind a load
//! balancer knows them. Only a SHA-256 hash of the token is stored: a copy
//! of the database does not let anyone sign in.

use sqlx::Row;

use super::users::decode_error;
use super::{Conn, StoreError};
use crate::domain::ids::UserId;
use crate::domain::time::Timestamp;

/// Stores a new session.
pub async fn insert_session(
    conn: &mut Conn,
    token_hash: &str,
    user: UserId,
    now: Timestamp,
    expires: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user.to_string())
    .bind(now.millis())
    .bind(expires.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The account of a live session whose account is active.
pub async fn session_user(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<Option<UserId>, StoreError> {
    let row = sqlx::query(
        "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.status = 'active'",
    )
    .bind(token_hash)
    .bind(now.millis())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        let id: String = row.try_get("user_id")?;
        UserId::parse(&id).ok_or_else(|| decode_error("sessions.user_id", &id))
    })
    .transpose()
    .map_err(StoreError::from)
}

/// Ends one session.
pub async fn delete_session(conn: &mut Conn, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of an account except `keep` (if given).
pub async fn delete_user_sessions(conn: &mut Conn, user: UserId, keep: Option<&str>) -> Result<u64, StoreError> {
    let result = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user.to_string())
        .bind(keep.unwrap_or_default())
        .execute(&mut *conn)
        .await?;
    Ok(result.rows_affected())
}

/// Removes expired sessions.
pub async fn purge_expired(conn: &mut Conn, now: Timestamp) -> Result<u64, StoreError> {
    let result = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(result.rows_affected())
}
