//! Sessions live in the database so that every server behind a load
//! balancer knows them. Only a SHA-256 hash of the token is stored: a copy
//! of the database does not let anyone sign in.

use sqlx::Row;

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
    .bind(user)
    .bind(now.millis())
    .bind(expires.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A live session as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    /// Its account.
    pub user: UserId,
    /// The first 16 hex digits of its token's hash: enough to name it to
    /// its owner, never enough to use it.
    pub key: String,
    /// When the person signed in.
    pub created_at: Timestamp,
    /// The last request recorded (at most a minute old while in use).
    pub last_seen_at: Timestamp,
    /// When it ends at the latest.
    pub expires_at: Timestamp,
}

fn session_from_row(row: &sqlx::any::AnyRow) -> Result<SessionRecord, sqlx::Error> {
    let hash: String = row.try_get("token_hash")?;
    Ok(SessionRecord {
        user: row.try_get("user_id")?,
        key: hash.chars().take(16).collect(),
        created_at: Timestamp(row.try_get("created_at")?),
        last_seen_at: Timestamp(row.try_get("last_seen_at")?),
        expires_at: Timestamp(row.try_get("expires_at")?),
    })
}

/// The session of a token, while it has not expired and its account is
/// active (the idle timeout is the caller's: it depends on the roles).
pub async fn live_session(
    conn: &mut Conn,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<SessionRecord>, StoreError> {
    let row = sqlx::query(
        "SELECT s.user_id, s.token_hash, s.created_at, s.last_seen_at, s.expires_at FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.status = 'active'",
    )
    .bind(token_hash)
    .bind(now.millis())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(session_from_row).transpose()?)
}

/// The account of a live session whose account is active.
pub async fn session_user(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<Option<UserId>, StoreError> {
    Ok(live_session(conn, token_hash, now).await?.map(|s| s.user))
}

/// Records a request on a session.
pub async fn touch_session(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The sessions of an account that have not expired, the latest used
/// first.
pub async fn sessions_of(conn: &mut Conn, user: UserId, now: Timestamp) -> Result<Vec<SessionRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT user_id, token_hash, created_at, last_seen_at, expires_at FROM sessions \
         WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, created_at DESC",
    )
    .bind(user)
    .bind(now.millis())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(session_from_row).collect::<Result<_, _>>()?)
}

/// Ends the session of `user` named by `key` (see [`SessionRecord::key`]);
/// whether there was one.
pub async fn delete_session_by_key(conn: &mut Conn, user: UserId, key: &str) -> Result<bool, StoreError> {
    if key.len() != 16 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(false);
    }
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2")
        .bind(user)
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
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
        .bind(user)
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
