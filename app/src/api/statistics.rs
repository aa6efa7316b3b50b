//! The programme's public figures across rounds whose results are
//! published (see `domain/statistics.rs`).

pub use crate::model::statistics::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The programme's figures (anyone).
#[server(endpoint = "statistics")]
pub async fn get_statistics() -> Result<Statistics, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::statistics(state).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::statistics as imp;
