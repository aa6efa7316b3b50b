//! Periodic clean-up of rows that expire, among them those anyone can make
//! without an account (throttle counters, password reset requests), so
//! that they cannot pile up: expired sessions, forgotten throttle
//! counters, spent reset links; and the stored files no row refers to any
//! more (a file deleted from an entry), once they are an hour old.

use std::time::Duration;

use crate::db::{password_resets, sessions, throttle, Store, StoreError};
use crate::domain::time::Timestamp;

/// Throttle counters older than this are forgotten by every policy.
const THROTTLE_MEMORY_SECS: i64 = 2 * 3600;
/// Outbox bodies are kept this long (every link in them has expired by then).
const BODY_MEMORY_SECS: i64 = 30 * 24 * 3600;
/// Spent reset links are kept this long (for the account's own history).
const RESET_MEMORY_SECS: i64 = 7 * 24 * 3600;

/// What one clean-up removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    /// Expired sessions.
    pub sessions: u64,
    /// Forgotten throttle counters.
    pub throttle: u64,
    /// Spent or expired reset links.
    pub resets: u64,
    /// Outbox messages whose bodies were emptied.
    pub bodies: u64,
    /// Sign-ins that waited for a code and expired.
    pub challenges: u64,
}

/// Removes what has expired at `now`.
pub async fn purge(store: &Store, now: Timestamp) -> Result<Purged, StoreError> {
    let mut conn = store.pool().acquire().await?;
    Ok(Purged {
        sessions: sessions::purge_expired(&mut conn, now).await?,
        throttle: throttle::purge_stale(&mut conn, now.plus_secs(-THROTTLE_MEMORY_SECS)).await?,
        resets: password_resets::purge_spent(&mut conn, now.plus_secs(-RESET_MEMORY_SECS)).await?,
        bodies: crate::db::outbox::purge_bodies(&mut conn, now.plus_secs(-BODY_MEMORY_SECS)).await?,
        challenges: crate::db::second_factor::purge_challenges(&mut conn, now).await?,
    })
}

/// A stored file no row refers to is removed once it is this old (an
/// upload stores its file before its row is written).
const ORPHAN_GRACE: Duration = Duration::from_secs(3600);

/// Removes the stored files no row refers to that were last written
/// before `before`; returns how many files and bytes went.
pub async fn sweep_files(
    store: &Store,
    files: &crate::infra::files::FileStore,
    before: std::time::SystemTime,
) -> Result<(u64, u64), Box<dyn std::error::Error + Send + Sync>> {
    let referenced = {
        let mut conn = store.pool().acquire().await?;
        crate::db::entries::referenced_hashes(&mut conn).await?
    };
    Ok(files.sweep(referenced, before).await?)
}

/// Cleans up every ten minutes, and sweeps the file store every hour.
pub fn spawn_cleanup(store: Store, files: crate::infra::files::FileStore) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(600));
        let mut ticks: u64 = 0;
        loop {
            interval.tick().await;
            ticks += 1;
            if ticks % 6 == 1 {
                match sweep_files(&store, &files, std::time::SystemTime::now() - ORPHAN_GRACE).await {
                    Ok((n, bytes)) if n > 0 => tracing::info!(files = n, bytes, "unreferenced files removed"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "file sweep failed"),
                }
            }
            match purge(&store, Timestamp::now()).await {
                Ok(p) if p != Purged::default() => tracing::info!(
                    sessions = p.sessions,
                    throttle = p.throttle,
                    resets = p.resets,
                    bodies = p.bodies,
                    "expired rows removed"
                ),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "clean-up failed"),
            }
        }
    })
}
