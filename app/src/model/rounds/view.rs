//! What `crate::api::rounds::view` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use super::Named;
use crate::domain::ids::RoundId;
use crate::domain::lifecycle::RoundState;
use crate::domain::time::Timestamp;

/// A round as the public sees it: name, place and calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicRound {
    /// Its id.
    pub id: RoundId,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: Named,
    /// Its territory.
    pub territory: Named,
    /// Open for entries, or published.
    pub state: RoundState,
    /// When entries open.
    pub entries_open: Timestamp,
    /// The deadline for entries.
    pub entries_close: Timestamp,
    /// When judging closes.
    pub judging_close: Timestamp,
}
