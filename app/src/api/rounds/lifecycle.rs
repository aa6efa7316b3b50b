//! Moving a round through its states (its administrators and secretaries).

use leptos::prelude::*;

use crate::error::AppError;

/// Moves the round to `to` if the domain's guard allows it now; moves
/// back need a reason.
#[server(endpoint = "move_round")]
pub async fn move_round(round: String, to: String, reason: Option<String>) -> Result<(), AppError> {
    boundary::finish(
        boundary::with_state(async |state| {
            imp::move_round(state, &round, &to, reason.as_deref().unwrap_or_default()).await
        })
        .await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::rounds::lifecycle as imp;
