//! What `crate::api::accounts` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::administration::AccountStatus;
use crate::domain::ids::UserId;
use crate::domain::role::RoleGrant;
use crate::domain::time::Timestamp;

/// Accounts listed per page.
pub const ACCOUNTS_PER_PAGE: i64 = 50;

/// One row of the account list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    /// The account.
    pub id: UserId,
    /// Display name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Where it stands.
    pub status: AccountStatus,
    /// Its roles.
    pub roles: Vec<RoleGrant>,
    /// Whether it signs in with a code from an authenticator app.
    #[serde(default)]
    pub second_factor: bool,
    /// When it was created.
    pub created_at: Timestamp,
}

/// A page of the account list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountPage {
    /// The accounts on this page.
    pub accounts: Vec<AccountRow>,
    /// Accounts matching the search in all.
    pub total: i64,
    /// This page's number, from 1.
    pub page: i64,
    /// The signed-in administrator (their own row has no disable button).
    pub me: UserId,
}

/// What happened to an invitation's e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// Queued for sending by SMTP.
    Queued,
    /// Kept in the outbox: no mail server is configured.
    Held,
}
