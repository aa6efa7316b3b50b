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
    crate::api::boundary::finish(imp::list(&round).await)
}

/// Returns a submitted entry to its business for correction.
#[server(endpoint = "return_entry")]
pub async fn return_entry(entry: String, message: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::return_entry(&entry, &message).await)
}

/// Finds a submitted entry eligible: it gets its selection code and goes
/// to the jury.
#[server(endpoint = "accept_entry")]
pub async fn accept_entry(entry: String) -> Result<String, AppError> {
    crate::api::boundary::finish(imp::accept(&entry).await)
}

/// Finds an entry not eligible, with the reason the entrant will read.
#[server(endpoint = "reject_entry")]
pub async fn reject_entry(entry: String, reason: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::reject(&entry, &reason).await)
}

#[cfg(feature = "ssr")]
use crate::service::entries::screening as imp;
