//! The jury's report: per product group, every eligible entry with its
//! official score and the figures beside it, for the secretariat and the
//! council once the round reaches deliberation.

use leptos::prelude::*;

use super::JuryReport;
use crate::error::AppError;

/// The jury's report of a round.
#[server(endpoint = "jury_report")]
pub async fn get_jury_report(round: String) -> Result<JuryReport, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::report(state, principal, &round).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::council::report as imp;
