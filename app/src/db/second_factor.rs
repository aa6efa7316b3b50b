//! An account's second factor and the sign-ins that wait for its code.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::ids::UserId;
use crate::domain::time::Timestamp;

/// The confirmed secret of an account and the last step accepted.
#[derive(Clone)]
pub struct SecondFactor {
    /// The shared secret, base32.
    pub secret: String,
    /// The time step of the last code accepted, if any.
    pub last_step: Option<i64>,
}

impl std::fmt::Debug for SecondFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecondFactor")
            .field("secret", &"[redacted]")
            .field("last_step", &self.last_step)
            .finish()
    }
}

/// The account's confirmed second factor, and the secret being enrolled.
pub async fn second_factor_of(
    conn: &mut Conn,
    user: UserId,
) -> Result<(Option<SecondFactor>, Option<String>), StoreError> {
    let row = sqlx::query("SELECT totp_secret, totp_pending, totp_last_step FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok((None, None));
    };
    let secret: Option<String> = row.try_get("totp_secret")?;
    let factor = secret.map(|secret| {
        Ok::<_, sqlx::Error>(SecondFactor {
            secret,
            last_step: row.try_get("totp_last_step")?,
        })
    });
    Ok((factor.transpose()?, row.try_get("totp_pending")?))
}

/// Keeps a new secret being enrolled (replacing one not yet confirmed).
pub async fn set_pending(conn: &mut Conn, user: UserId, secret: &str, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET totp_pending = $2, updated_at = $3 WHERE id = $1")
        .bind(user)
        .bind(secret)
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Turns the second factor on with the secret being enrolled, if it is
/// still `pending` (another tab may have started over); records `step` as
/// used. Whether it was turned on.
pub async fn confirm(
    conn: &mut Conn,
    user: UserId,
    pending: &str,
    step: i64,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $3, updated_at = $4 \
         WHERE id = $1 AND totp_pending = $2",
    )
    .bind(user)
    .bind(pending)
    .bind(step)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Turns the second factor off (and forgets any enrolment). Whether it was on.
pub async fn remove(conn: &mut Conn, user: UserId, now: Timestamp) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL, updated_at = $2 \
         WHERE id = $1 AND totp_secret IS NOT NULL",
    )
    .bind(user)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that the code of `step` was used, unless it or a later one was
/// already: the one statement that makes a code good for one use only,
/// even when two requests bring it at once. Whether it was recorded.
pub async fn use_step(conn: &mut Conn, user: UserId, step: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE users SET totp_last_step = $2 \
         WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(user)
    .bind(step)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A sign-in waiting for its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Challenge {
    /// Whose.
    pub user: UserId,
    /// Where to go once signed in.
    pub next: Option<String>,
    /// Codes tried so far.
    pub attempts: i64,
}

/// Most codes one waiting sign-in may try.
pub const CHALLENGE_ATTEMPTS: i64 = 5;
/// Seconds a waiting sign-in lives.
pub const CHALLENGE_SECS: i64 = 300;

/// Stores a waiting sign-in.
pub async fn insert_challenge(
    conn: &mut Conn,
    token_hash: &str,
    user: UserId,
    next: Option<&str>,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sign_in_challenges (token_hash, user_id, next_path, attempts, expires_at) \
         VALUES ($1, $2, $3, 0, $4)",
    )
    .bind(token_hash)
    .bind(user)
    .bind(next)
    .bind(now.plus_secs(CHALLENGE_SECS).millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Counts one code tried against a live waiting sign-in and returns it as
/// it was before, or `None` when it is unknown, expired or used up. One
/// statement, so parallel tries cannot exceed the allowance.
pub async fn try_challenge(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<Option<Challenge>, StoreError> {
    let row = sqlx::query(
        "UPDATE sign_in_challenges SET attempts = attempts + 1 \
         WHERE token_hash = $1 AND expires_at > $2 AND attempts < $3 \
         RETURNING user_id, next_path, attempts - 1 AS attempts",
    )
    .bind(token_hash)
    .bind(now.millis())
    .bind(CHALLENGE_ATTEMPTS)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(Challenge {
        user: row.try_get("user_id")?,
        next: row.try_get("next_path")?,
        attempts: row.try_get("attempts")?,
    }))
}

/// Ends a waiting sign-in.
pub async fn delete_challenge(conn: &mut Conn, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sign_in_challenges WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes waiting sign-ins that have expired; how many.
pub async fn purge_challenges(conn: &mut Conn, now: Timestamp) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1")
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}
