//! The council's vote: the page every member and the secretariat work
//! from, a member's vote on an entry (replaced until the decision), a
//! member's declaration of a tie with an entry's business, and the tally of
//! a vote taken in the meeting, recorded by the secretariat.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use super::CouncilPage;
use crate::error::AppError;

/// The council's page of a round: its secretariat, council and
/// administrators, from deliberation on.
#[server(endpoint = "council_page")]
pub async fn get_council_page(round: String) -> Result<CouncilPage, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::page(state, principal, &round).await).await)
}

/// A council member's vote on an entry: `recognise` is for, against or
/// abstain; `nominate` the same, or empty to leave it blank.
#[server(endpoint = "cast_council_vote")]
pub async fn cast_council_vote(entry: String, recognise: String, nominate: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::cast(state, principal, &entry, &recognise, &nominate).await)
            .await,
    )
}

/// A council member declares a tie with an entry's business; they do not
/// vote on it (any vote they cast is withdrawn).
#[server(endpoint = "declare_council_tie")]
pub async fn declare_council_tie(entry: String, tie: String, note: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::declare(state, principal, &entry, &tie, &note).await).await,
    )
}

/// The tally of the meeting's vote on an entry (the secretariat); it then
/// stands for the entry instead of the online votes. `counts` holds
/// `present`, `recognise_for`, `recognise_against`, `recognise_abstain`,
/// `nominate_for`, `nominate_against` and `nominate_abstain`.
#[server(endpoint = "record_council_tally")]
pub async fn record_council_tally(
    entry: String,
    counts: Option<std::collections::HashMap<String, String>>,
) -> Result<(), AppError> {
    let counts = counts.unwrap_or_default();
    let mut fields: Vec<(&str, &str)> = vec![("entry", entry.as_str())];
    for name in crate::domain::meeting::COUNTS {
        fields.push((name, counts.get(name).map(String::as_str).unwrap_or("")));
    }
    let result = boundary::with_state(async |state| imp::tally(state, &fields).await).await;
    boundary::finish_form(result, RecordCouncilTally::PATH, &fields)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::council::vote as imp;
