//! Account administration: the list, invitations, roles, disabling.
//! Every function here needs the administrator role.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

use crate::domain::administration::AccountStatus;
use crate::domain::ids::UserId;
use crate::domain::role::RoleGrant;
use crate::domain::time::Timestamp;
use crate::error::AppError;

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

/// Lists accounts, newest first, filtered by a search that ignores case
/// and diacritics.
#[server(endpoint = "list_accounts")]
pub async fn list_accounts(search: Option<String>, page: Option<i64>) -> Result<AccountPage, AppError> {
    crate::api::boundary::finish(imp::list(search.as_deref(), page.unwrap_or(1)).await)
}

/// Invites a person by e-mail address with a role: creates the account
/// (invited) and sends a one-time link to set the password.
#[server(endpoint = "invite_account")]
pub async fn invite_account(email: String, name: String, role: String) -> Result<Delivery, AppError> {
    let result = imp::invite(&email, &name, &role).await;
    crate::api::boundary::finish_form(
        result,
        InviteAccount::PATH,
        &[("email", &email), ("name", &name), ("role", &role)],
    )
}

/// Sends a new invitation link to an invited account (the old one stops
/// working).
#[server(endpoint = "resend_invitation")]
pub async fn resend_invitation(user: String) -> Result<Delivery, AppError> {
    crate::api::boundary::finish(imp::resend(&user).await)
}

/// Disables an account: it cannot sign in, and its sessions end.
#[server(endpoint = "disable_account")]
pub async fn disable_account(user: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::set_enabled(&user, false).await)
}

/// Enables a disabled account again.
#[server(endpoint = "enable_account")]
pub async fn enable_account(user: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::set_enabled(&user, true).await)
}

/// Gives an installation-wide role.
#[server(endpoint = "grant_role")]
pub async fn grant_role(user: String, role: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::change_role(&user, &role, true).await)
}

/// Takes an installation-wide role away.
#[server(endpoint = "revoke_role")]
pub async fn revoke_role(user: String, role: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::change_role(&user, &role, false).await)
}

#[cfg(feature = "ssr")]
use crate::service::accounts as imp;
