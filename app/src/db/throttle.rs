//! Counters of failed sign-ins, per account key and per address key.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::throttle::ThrottleState;
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
