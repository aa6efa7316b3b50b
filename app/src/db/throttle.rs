//! Counters of failed sign-ins, per account key and per address key.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::throttle::{check_throttle, record_failure, ThrottlePolicy, ThrottleState};
use crate::domain::time::Timestamp;

/// The counter for a key, if any.
pub async fn get_throttle(conn: &mut Conn, key: &str) -> Result<Option<ThrottleState>, StoreError> {
    let row = sqlx::query("SELECT failures, last_failure_at, locked_until FROM auth_throttle WHERE throttle_key = $1")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| {
        let failures: i64 = row.try_get("failures")?;
        Ok::<_, sqlx::Error>(ThrottleState {
            failures: u32::try_from(failures).unwrap_or(u32::MAX),
            last_failure: Timestamp(row.try_get("last_failure_at")?),
            locked_until: Timestamp(row.try_get("locked_until")?),
        })
    })
    .transpose()
    .map_err(StoreError::from)
}

/// Stores the counter for a key.
pub async fn put_throttle(conn: &mut Conn, key: &str, state: &ThrottleState) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO auth_throttle (throttle_key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (throttle_key) DO UPDATE SET failures = $2, last_failure_at = $3, locked_until = $4",
    )
    .bind(key)
    .bind(i64::from(state.failures))
    .bind(state.last_failure.millis())
    .bind(state.locked_until.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets the counter for a key (after a successful sign-in).
pub async fn clear_throttle(conn: &mut Conn, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM auth_throttle WHERE throttle_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Counts one attempt against `key` atomically, before the attempt is
/// judged: `Ok(after)` with the counter including this attempt, or
/// `Err(until)` when the key was already locked (nothing is counted then).
/// Parallel attempts cannot slip through one window: the counter moves by
/// compare-and-set on the stored values, retried when another attempt
/// moved it first, on either database.
pub async fn count_attempt(
    conn: &mut Conn,
    key: &str,
    policy: &ThrottlePolicy,
    now: Timestamp,
) -> Result<Result<ThrottleState, Timestamp>, StoreError> {
    for _ in 0..16 {
        let before = get_throttle(conn, key).await?;
        if let Err(until) = check_throttle(before.as_ref(), now) {
            return Ok(Err(until));
        }
        let after = record_failure(policy, before, now);
        let moved = match before {
            None => sqlx::query(
                "INSERT INTO auth_throttle (throttle_key, failures, last_failure_at, locked_until) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (throttle_key) DO NOTHING",
            )
            .bind(key)
            .bind(i64::from(after.failures))
            .bind(after.last_failure.millis())
            .bind(after.locked_until.millis())
            .execute(&mut *conn)
            .await?
            .rows_affected(),
            Some(before) => sqlx::query(
                "UPDATE auth_throttle SET failures = $2, last_failure_at = $3, locked_until = $4 \
                 WHERE throttle_key = $1 AND failures = $5 AND last_failure_at = $6 AND locked_until = $7",
            )
            .bind(key)
            .bind(i64::from(after.failures))
            .bind(after.last_failure.millis())
            .bind(after.locked_until.millis())
            .bind(i64::from(before.failures))
            .bind(before.last_failure.millis())
            .bind(before.locked_until.millis())
            .execute(&mut *conn)
            .await?
            .rows_affected(),
        };
        if moved == 1 {
            return Ok(Ok(after));
        }
    }
    // Sixteen attempts on one key moved the counter meanwhile: that is a
    // burst, and a burst waits.
    Ok(Err(now.plus_secs(60)))
}

/// Takes back one counted attempt that turned out well (a sign-in with the
/// right password counts against its address no more), unlocking the key
/// when the count falls below the policy's free attempts.
pub async fn forgive_attempt(conn: &mut Conn, key: &str, policy: &ThrottlePolicy) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE auth_throttle SET failures = failures - 1, \
         locked_until = CASE WHEN failures - 1 < $2 THEN 0 ELSE locked_until END \
         WHERE throttle_key = $1 AND failures > 0",
    )
    .bind(key)
    .bind(i64::from(policy.free_failures))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets the counters no policy remembers any more: no failure and no
/// lock since `before` (anyone can make such rows, so they are purged).
pub async fn purge_stale(conn: &mut Conn, before: Timestamp) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM auth_throttle WHERE last_failure_at < $1 AND locked_until < $1")
        .bind(before.millis())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}
