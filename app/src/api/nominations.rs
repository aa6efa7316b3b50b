//! Nomination upward. After the decision the round's secretariat sees the
//! entries the council nominated, sends them to a round of a higher level
//! in this installation (each becomes a submitted entry there with its
//! dossier and its certificate, screened by that round's secretariat), or
//! downloads the nomination package for a round run elsewhere (see
//! `server::nomination_package`).

pub use crate::model::nominations::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// The nomination page (the round's secretariat and administrators).
#[server(endpoint = "nominations_page")]
pub async fn get_nominations_page(round: String) -> Result<NominationsPage, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::page(state, &round).await).await)
}

/// Sends the chosen nominated entries to round `parent`.
#[server(endpoint = "send_nominations")]
pub async fn send_nominations(round: String, parent: String, entries: Option<Vec<String>>) -> Result<usize, AppError> {
    let result = boundary::signed_in(async |state, principal| {
        imp::send(state, principal, &round, &parent, entries.unwrap_or_default()).await
    })
    .await;
    boundary::finish_form(result, SendNominations::PATH, &[("parent", &parent)])
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::nominations as imp;
