//! Signing up, in and out, and changing one's password.

pub use crate::model::session::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

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
use crate::service::session as imp;
