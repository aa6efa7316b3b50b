//! First start: while no administrator exists, each start of the server
//! creates a one-time setup link and prints it. Whoever opens it creates
//! the first administrator; then every setup link stops working.

use crate::db::{setup, users, Store, StoreError};
use crate::domain::time::Timestamp;
use crate::service::one_time_link::{new_link, NewLink};

/// How long a printed setup link stays usable.
pub const SETUP_LINK_HOURS: i64 = 24;

/// Creates a setup link when the installation has no administrator yet;
/// returns the path (`/setup/<token>`) to print, or `None`.
pub async fn setup_link_if_needed(store: &Store) -> Result<Option<String>, StoreError> {
    let mut tx = store.write().await?;
    if users::administrator_exists(&mut tx).await? {
        return Ok(None);
    }
    let now = Timestamp::now();
    let NewLink { token, hash, expires } = new_link(now, SETUP_LINK_HOURS);
    setup::insert_setup_token(&mut tx, &hash, now, expires).await?;
    tx.commit().await?;
    Ok(Some(format!("/setup/{token}")))
}
