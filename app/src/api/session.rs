//! Signing up, in and out, and changing one's password.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

use crate::domain::ids::UserId;
use crate::domain::role::RoleGrant;
use crate::error::AppError;

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

/// Who is signed in, if anyone.
#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<SignedInUser>, AppError> {
    crate::api::boundary::finish(imp::current_user().await)
}

/// Creates a business representative's account and signs them in.
#[server(endpoint = "sign_up")]
pub async fn sign_up(
    name: String,
    email: String,
    phone: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let result = imp::sign_up(&name, &email, &phone, password, password_confirm).await;
    crate::api::boundary::finish_form(
        result,
        SignUp::PATH,
        &[("name", &name), ("email", &email), ("phone", &phone)],
    )
}

/// Signs in with an e-mail address or phone number and a password.
#[server(endpoint = "sign_in")]
pub async fn sign_in(identifier: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let result = imp::sign_in(&identifier, password, next.as_deref()).await;
    crate::api::boundary::finish_form(result, SignIn::PATH, &[("identifier", &identifier)])
}

/// Ends the current session.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::api::boundary::finish(imp::sign_out().await)
}

/// Changes the signed-in person's password and ends their other sessions.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::change_password(current_password, new_password, new_password_confirm).await)
}

#[cfg(feature = "ssr")]
pub(crate) use imp::finish_sign_in;

#[cfg(feature = "ssr")]
use crate::service::session as imp;
