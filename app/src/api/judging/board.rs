//! The secretariat's board of the jury's work (who scores what, conflicts,
//! each juror's load and what is missing), changing one entry's jurors,
//! and declarations of ties (by the juror, or recorded by the secretariat
//! on their behalf).

use leptos::prelude::*;

use super::Board;
use crate::error::AppError;

/// The board of a round, for its secretariat.
#[server(endpoint = "jury_board")]
pub async fn get_jury_board(round: String) -> Result<Board, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::board(state, &round).await).await)
}

/// Adds a juror to one entry (`mode` = `add`), removes one from it
/// (`remove`), or goes back to the product group's jurors (`reset`).
#[server(endpoint = "set_entry_juror")]
pub async fn set_entry_juror(entry: String, juror: String, mode: String) -> Result<(), AppError> {
    boundary::finish(boundary::with_state(async |state| imp::set_juror(state, &entry, &juror, &mode).await).await)
}

/// Declares whether a juror is tied to an entry's business: `tie` empty
/// for no tie, else owner, relative, employee, adviser or other (with a
/// note). `juror` is empty for the caller; a secretary names the juror
/// they record it for.
#[server(endpoint = "declare")]
pub async fn declare(entry: String, juror: String, tie: String, note: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::declare(state, principal, &entry, &juror, &tie, &note).await)
            .await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::judging::board as imp;
