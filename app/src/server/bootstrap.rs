//! First start: while no administrator exists, each start of the server
//! creates a one-time setup link and prints it. Whoever opens it creates
//! the first administrator; then every setup link stops working.

use crate::auth::token::{hash_token, new_token};
use crate::db::{setup, users, Store, StoreError};
use crate::domain::time::Timestamp;

/// How long a printed setup link stays usable.
pub const SETUP_LINK_HOURS: i64 = 24;

/// Creates a setup link when the installation has no administrator yet;
/// returns the path (`/setup/<token>`) to print, or `None`.
pub async fn setup_link_if_needed(store: &Store) -> Result<Option<String>, StoreError> {
    let mut tx = store.write().await?;
    if users::administrator_exists(&mut tx).await? {
        return Ok(None);
    }
    let token = new_token();
    let now = Timestamp::now();
    setup::insert_setup_token(
        &mut tx,
        &hash_token(&token),
        now,
        now.plus_secs(SETUP_LINK_HOURS * 3600),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(format!("/setup/{token}")))
}
