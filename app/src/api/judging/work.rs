//! A juror's list: for each round they judge, the entries to declare on
//! and to score, with their sheets' state; the entries they are in
//! conflict with are listed apart, without anything of their dossiers.

use leptos::prelude::*;

use super::WorkRound;
use crate::error::AppError;

/// The caller's entries to score, by round (rounds in judging and later).
#[server(endpoint = "my_judging")]
pub async fn list_my_judging() -> Result<Vec<WorkRound>, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::mine(state, principal).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::judging::work as imp;
