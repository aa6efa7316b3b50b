//! The secretariat's screening of submitted entries: the list to work
//! through, and the three outcomes for each entry: accepted (with its
//! selection code), returned for correction (with a message), or not
//! eligible (with the reason). The entrant is told by e-mail and sees the
//! outcome on their dashboard.

pub use crate::model::entries::screening::*;

use leptos::prelude::*;

use crate::error::AppError;

/// The round's submitted entries, for its secretariat.
#[server(endpoint = "screening_list")]
pub async fn get_screening_list(round: String) -> Result<Vec<ScreeningRow>, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::list(state, &round).await).await)
}

/// Returns a submitted entry to its business for correction.
#[server(endpoint = "return_entry")]
pub async fn return_entry(entry: String, message: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::return_entry(state, principal, &entry, &message).await).await,
    )
}

/// Finds a submitted entry eligible: it gets its selection code and goes
/// to the jury.
#[server(endpoint = "accept_entry")]
pub async fn accept_entry(entry: String) -> Result<String, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::accept(state, principal, &entry).await).await)
}

/// Finds an entry not eligible, with the reason the entrant will read.
#[server(endpoint = "reject_entry")]
pub async fn reject_entry(entry: String, reason: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::reject(state, principal, &entry, &reason).await).await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::entries::screening as imp;
