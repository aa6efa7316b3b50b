//! Sign-in codes from an authenticator app (a second factor): setting one
//! up, turning it off, the sign-in step that asks for the code, and an
//! administrator removing it for someone who lost their phone.

pub use crate::model::second_factor::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The signed-in person's second factor.
#[server(endpoint = "second_factor_state")]
pub async fn second_factor_state() -> Result<SecondFactorView, AppError> {
    crate::api::boundary::finish(imp::state().await)
}

/// Starts setting up a second factor: a new secret to scan.
#[server(endpoint = "begin_second_factor")]
pub async fn begin_second_factor() -> Result<(), AppError> {
    crate::api::boundary::finish(imp::begin().await)
}

/// Turns the second factor on with the first code the app shows.
#[server(endpoint = "confirm_second_factor")]
pub async fn confirm_second_factor(code: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::confirm(&code).await)
}

/// Turns the second factor off, with a current code.
#[server(endpoint = "remove_second_factor")]
pub async fn remove_second_factor(code: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::remove(&code).await)
}

/// The second step of signing in: the code from the app.
#[server(endpoint = "sign_in_code")]
pub async fn sign_in_code(code: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::sign_in_code(&code).await)
}

/// An administrator removes someone's second factor (a lost phone); the
/// person's sessions end and the reason is recorded.
#[server(endpoint = "clear_second_factor")]
pub async fn clear_second_factor(user: String, reason: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::clear(&user, &reason).await)
}

#[cfg(feature = "ssr")]
use crate::service::second_factor as imp;
