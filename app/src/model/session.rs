//! What `crate::api::session` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::ids::UserId;
use crate::domain::role::RoleGrant;

/// The signed-in person, as the pages see them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedInUser {
    /// Their account.
    pub id: UserId,
    /// Display name.
    pub name: String,
    /// E-mail address, if any.
    pub email: Option<String>,
    /// Phone number, if any.
    pub phone: Option<String>,
    /// Whether they administer the installation.
    pub is_admin: bool,
    /// Every role they hold.
    pub roles: Vec<RoleGrant>,
    /// Whether they sign in with a code from an authenticator app.
    #[serde(default)]
    pub second_factor: bool,
    /// An administrator who must set up a second factor before their
    /// administrator role counts (the installation requires it).
    #[serde(default)]
    pub needs_second_factor: bool,
}
