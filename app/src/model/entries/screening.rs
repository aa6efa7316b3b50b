//! What `crate::api::entries::screening` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::entry::EntryState;
use crate::domain::ids::EntryId;
use crate::domain::time::Timestamp;

/// An entry on the screening list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScreeningRow {
    /// The entry.
    pub id: EntryId,
    /// Its product's name.
    pub product_name: Option<String>,
    /// The business's name.
    pub business_name: String,
    /// The product group's number.
    pub group: Option<i64>,
    /// Where it stands.
    pub state: EntryState,
    /// Its selection code, once accepted.
    pub selection_code: Option<String>,
    /// When it was (last) submitted.
    pub submitted_at: Option<Timestamp>,
    /// For an entry nominated from a lower round: the certificate it carries.
    pub nominated_with: Option<crate::model::nominations::CarriedCertificate>,
}
