//! Checking a certificate (the target of its QR code), for anyone: whether
//! it is valid, expired or revoked, for which product, business, level and
//! decision. Only certificates of rounds whose results are published are
//! answered. Administrators revoke a certificate with a reason.

pub use crate::model::verify::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Checks certificate `number`.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(number: String) -> Result<VerifyAnswer, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::verify(state, &number).await).await)
}

/// Revokes certificate `number` with a reason (administrators).
#[server(endpoint = "revoke_certificate")]
pub async fn revoke_certificate(number: String, reason: String) -> Result<(), AppError> {
    let result =
        boundary::as_administrator(async |state, admin| imp::revoke(state, admin, &number, &reason).await).await;
    boundary::finish_form(result, RevokeCertificate::PATH, &[("reason", &reason)])
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::verify as imp;
