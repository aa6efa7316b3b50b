//! The first administrator, created through the one-time setup link the
//! server prints on its first start.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Whether a setup link can still be used.
#[server(endpoint = "setup_link_status")]
pub async fn setup_link_status(token: String) -> Result<bool, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::status(state, &token).await).await)
}

/// Creates the first administrator and signs them in. The link works once.
#[server(endpoint = "complete_setup")]
pub async fn complete_setup(
    token: String,
    name: String,
    email: String,
    phone: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let result = boundary::with_state(async |state| {
        imp::complete(state, &token, &name, &email, &phone, password, password_confirm).await
    })
    .await;
    boundary::finish_form(
        result,
        CompleteSetup::PATH,
        &[("name", &name), ("email", &email), ("phone", &phone)],
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::setup as imp;
