//! What `crate::api::invitation` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::role::Role;
use crate::domain::time::Timestamp;

/// What the invitation page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    /// The invited address.
    pub email: String,
    /// The name the administrator typed (the invitee may change it).
    pub name: String,
    /// The role offered.
    pub role: Role,
    /// Who invited.
    pub invited_by: Option<String>,
    /// When the link stops working.
    pub expires_at: Timestamp,
}
