//! One-time links (password reset, invitation, first set-up) are checked
//! before anything costly is done for them: a made-up token is refused
//! before a password is hashed, and an address that keeps trying made-up
//! tokens is made to wait.

use crate::auth::request::current_address;
use crate::db::{throttle, Conn};
use crate::domain::throttle::ThrottlePolicy;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;

/// Unusable links tried from one address: ten, then a quarter of an hour,
/// doubling up to an hour.
pub const LINK_GUESSES: ThrottlePolicy = ThrottlePolicy {
    free_failures: 10,
    first_lock_secs: 900,
    max_lock_secs: 3600,
    forget_after_secs: 3600,
};

fn key() -> Option<String> {
    current_address().map(|a| format!("link:{a}"))
}

/// Refuses at once while the caller's address is made to wait.
async fn refuse_if_guessing(conn: &mut Conn, now: Timestamp) -> Result<(), AppError> {
    let Some(key) = key() else { return Ok(()) };
    crate::domain::throttle::check_throttle(throttle::get_throttle(conn, &key).await?.as_ref(), now)
        .map_err(|until| AppError::Throttled { until })
}

/// Checks a link with `check` before anything costly is done for it: while
/// the address is made to wait, or when the link is unusable (counted
/// against the address), the answer comes without hashing anything.
pub async fn checked<T>(
    state: &AppState,
    check: impl AsyncFnOnce(&mut Conn, Timestamp) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let now = Timestamp::now();
    let mut conn = state.store.pool().acquire().await?;
    refuse_if_guessing(&mut conn, now).await?;
    match check(&mut conn, now).await {
        Err(AppError::LinkInvalid) => {
            if let Some(key) = key() {
                if let Err(until) = throttle::count_attempt(&mut conn, &key, &LINK_GUESSES, now).await? {
                    return Err(AppError::Throttled { until });
                }
            }
            Err(AppError::LinkInvalid)
        }
        other => other,
    }
}
