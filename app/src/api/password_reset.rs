//! Setting a new password through a one-time link: asked for by the person
//! (sent to their e-mail address), or issued by an administrator for
//! someone who signed up with a phone number and cannot receive e-mail.

pub use crate::model::password_reset::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Sends a reset link to the e-mail address of the account, if there is
/// one. Always answers the same, so nobody learns which addresses have
/// accounts.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(identifier: String) -> Result<(), AppError> {
    let result = boundary::with_state(async |state| imp::request(state, &identifier).await).await;
    boundary::finish_form(result, RequestPasswordReset::PATH, &[("identifier", &identifier)])
}

/// The account a reset link is for, or [`AppError::LinkInvalid`].
#[server(endpoint = "password_reset_info")]
pub async fn password_reset_info(token: String) -> Result<ResetView, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::info(state, &token).await).await)
}

/// Sets the new password, ends every session of the account and signs the
/// person in. The link works once.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String, password_confirm: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::with_state(async |state| imp::reset(state, &token, password, password_confirm).await).await,
    )
}

/// An administrator issues a reset link for an account: it goes to the
/// account's e-mail address if it has one, and is always readable in the
/// outbox, from where it can be passed on by phone.
#[server(endpoint = "issue_password_reset")]
pub async fn issue_password_reset(user: String) -> Result<(), AppError> {
    boundary::finish(boundary::as_administrator(async |state, admin| imp::issue(state, admin, &user).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::password_reset as imp;
