//! One-time links: an invitation, a password reset and the first set-up
//! each send a person a link that carries a random token. Only the
//! token's hash is stored, with when the link stops working and when it
//! was used; a link works once, before it expires. This module holds what
//! the three share: making a link, reading the token of one, and the
//! guard that checks a link before anything costly is done for it (a
//! made-up token is refused before a password is hashed, and an address
//! that keeps trying made-up tokens is made to wait).

use crate::auth::request::current_address;
use crate::auth::token::{hash_token, looks_like_token, new_token};
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

/// A fresh link's token (to send) and its hash (to store), and when it
/// stops working.
pub struct NewLink {
    /// The token, for the link; never stored.
    pub token: String,
    /// Its hash, stored.
    pub hash: String,
    /// When it stops working.
    pub expires: Timestamp,
}

/// Makes a link that works for `hours` from `now`.
pub fn new_link(now: Timestamp, hours: i64) -> NewLink {
    let token = new_token();
    NewLink {
        hash: hash_token(&token),
        token,
        expires: now.plus_secs(hours * 3600),
    }
}

/// The stored hash of the token a link carries; a token that cannot be
/// one of ours is [`AppError::LinkInvalid`] without looking it up.
pub fn token_hash(token: &str) -> Result<String, AppError> {
    if looks_like_token(token) {
        Ok(hash_token(token))
    } else {
        Err(AppError::LinkInvalid)
    }
}
