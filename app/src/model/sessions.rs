//! What `crate::api::sessions` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::time::Timestamp;

/// One session, as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Names the session to its owner (never enough to use it).
    pub key: String,
    /// When they signed in.
    pub created_at: Timestamp,
    /// The last request recorded.
    pub last_seen_at: Timestamp,
    /// Whether it is the session of this request.
    pub current: bool,
}
