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
    boundary::finish(
        boundary::as_administrator(async |state, admin| {
            imp::list(state, admin, search.as_deref(), page.unwrap_or(1)).await
        })
        .await,
    )
}

/// Invites a person by e-mail address with a role: creates the account
/// (invited) and sends a one-time link to set the password.
#[server(endpoint = "invite_account")]
pub async fn invite_account(email: String, name: String, role: String) -> Result<Delivery, AppError> {
    let result =
        boundary::as_administrator(async |state, admin| imp::invite(state, admin, &email, &name, &role).await).await;
    boundary::finish_form(
        result,
        InviteAccount::PATH,
        &[("email", &email), ("name", &name), ("role", &role)],
    )
}

/// Sends a new invitation link to an invited account (the old one stops
/// working).
#[server(endpoint = "resend_invitation")]
pub async fn resend_invitation(user: String) -> Result<Delivery, AppError> {
    boundary::finish(boundary::as_administrator(async |state, admin| imp::resend(state, admin, &user).await).await)
}

/// Disables an account: it cannot sign in, and its sessions end.
#[server(endpoint = "disable_account")]
pub async fn disable_account(user: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::set_enabled(state, admin, &user, false).await).await,
    )
}

/// Enables a disabled account again.
#[server(endpoint = "enable_account")]
pub async fn enable_account(user: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::set_enabled(state, admin, &user, true).await).await,
    )
}

/// Gives an installation-wide role.
#[server(endpoint = "grant_role")]
pub async fn grant_role(user: String, role: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::change_role(state, admin, &user, &role, true).await).await,
    )
}

/// Takes an installation-wide role away.
#[server(endpoint = "revoke_role")]
pub async fn revoke_role(user: String, role: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::change_role(state, admin, &user, &role, false).await)
            .await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::accounts as imp;
