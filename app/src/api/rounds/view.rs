//! Reading rounds: the viewer's list, one round in full, and the public
//! list of rounds open for entries or published.

pub use crate::model::rounds::view::*;

use leptos::prelude::*;

use super::{RoundDetail, RoundSummary};
use crate::error::AppError;

/// The rounds the caller may see: all for an administrator, otherwise
/// those in which they hold a role.
#[server(endpoint = "list_my_rounds")]
pub async fn list_my_rounds() -> Result<Vec<RoundSummary>, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::list_mine(state, principal).await).await)
}

/// One round in full, for its members and administrators.
#[server(endpoint = "round_detail")]
pub async fn get_round_detail(round: String) -> Result<RoundDetail, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::detail(state, &round).await).await)
}

/// Rounds open for entries or published, for everyone.
#[server(endpoint = "public_rounds")]
pub async fn public_rounds() -> Result<Vec<PublicRound>, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::public(state).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::rounds::view as imp;
