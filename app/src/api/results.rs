//! A round's public results, once its secretary publishes them: the
//! recognised products per group with a photo, the business and its
//! commune, the certificate and, if the round shows them, the official
//! scores. Nothing of a round shows here before publication; jurors'
//! names and private files never do.

pub use crate::model::results::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The public results of a round (anyone, once published).
#[server(endpoint = "round_results")]
pub async fn get_round_results(round: String) -> Result<RoundResults, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::results(state, &round).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::results as imp;
