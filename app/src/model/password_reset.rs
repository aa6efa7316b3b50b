//! What `crate::api::password_reset` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::time::Timestamp;

/// What the reset page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResetView {
    /// Whose password it sets.
    pub name: String,
    /// When the link stops working.
    pub expires_at: Timestamp,
}
