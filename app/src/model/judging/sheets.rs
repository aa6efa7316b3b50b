//! What `crate::api::judging::sheets` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetSaved {
    /// The sheet's new version.
    pub version: i64,
    /// Whether it is now submitted.
    pub submitted: bool,
}
