//! Periodic clean-up: expired sessions.

use std::time::Duration;

use crate::db::{sessions, Store};
use crate::domain::time::Timestamp;

/// Deletes expired sessions every hour.
pub fn spawn_cleanup(store: Store) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(3600));
        loop {
            interval.tick().await;
            let purged = async {
                let mut conn = store.pool().acquire().await?;
                sessions::purge_expired(&mut conn, Timestamp::now()).await
            }
            .await;
            match purged {
                Ok(n) if n > 0 => tracing::info!(sessions = n, "expired sessions removed"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "session clean-up failed"),
            }
        }
    })
}
