//! Account administration: the list, invitations, roles, disabling.
//! Every function here needs the administrator role.

pub use crate::model::accounts::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

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
