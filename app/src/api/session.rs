//! Signing up, in and out, and changing one's password.

pub use crate::model::session::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Who is signed in, if anyone.
#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<SignedInUser>, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::current_user(state).await).await)
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
    let result = boundary::with_state(async |state| {
        imp::sign_up(state, &name, &email, &phone, password, password_confirm).await
    })
    .await;
    boundary::finish_form(
        result,
        SignUp::PATH,
        &[("name", &name), ("email", &email), ("phone", &phone)],
    )
}

/// Signs in with an e-mail address or phone number and a password.
#[server(endpoint = "sign_in")]
pub async fn sign_in(identifier: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let result =
        boundary::with_state(async |state| imp::sign_in(state, &identifier, password, next.as_deref()).await).await;
    boundary::finish_form(result, SignIn::PATH, &[("identifier", &identifier)])
}

/// Ends the current session.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    boundary::finish(boundary::with_state(async |state| imp::sign_out(state).await).await)
}

/// Changes the signed-in person's password and ends their other sessions.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| {
            imp::change_password(state, principal, current_password, new_password, new_password_confirm).await
        })
        .await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::session as imp;
