//! Sign-in codes from an authenticator app (a second factor): setting one
//! up, turning it off, the sign-in step that asks for the code, and an
//! administrator removing it for someone who lost their phone.

pub use crate::model::second_factor::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The signed-in person's second factor.
#[server(endpoint = "second_factor_state")]
pub async fn second_factor_state() -> Result<SecondFactorView, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::state(state, principal).await).await)
}

/// Starts setting up a second factor: a new secret to scan.
#[server(endpoint = "begin_second_factor")]
pub async fn begin_second_factor() -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::begin(state, principal).await).await)
}

/// Turns the second factor on with the first code the app shows.
#[server(endpoint = "confirm_second_factor")]
pub async fn confirm_second_factor(code: String) -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::confirm(state, principal, &code).await).await)
}

/// Turns the second factor off, with a current code.
#[server(endpoint = "remove_second_factor")]
pub async fn remove_second_factor(code: String) -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::remove(state, principal, &code).await).await)
}

/// The second step of signing in: the code from the app.
#[server(endpoint = "sign_in_code")]
pub async fn sign_in_code(code: String) -> Result<(), AppError> {
    boundary::finish(boundary::with_state(async |state| imp::sign_in_code(state, &code).await).await)
}

/// An administrator removes someone's second factor (a lost phone); the
/// person's sessions end and the reason is recorded.
#[server(endpoint = "clear_second_factor")]
pub async fn clear_second_factor(user: String, reason: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::clear(state, admin, &user, &reason).await).await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::second_factor as imp;
