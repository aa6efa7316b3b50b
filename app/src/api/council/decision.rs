//! The decision and what comes before it: sets of products (bộ sản phẩm)
//! formed from recognised-to-be entries of one business, then the decision
//! itself (its number, date and signer), recorded once: in one
//! transaction every eligible entry's result is fixed, certificates are
//! numbered and issued, and the round moves to "decided".

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Records the round's decision and closes deliberation (the secretariat).
#[server(endpoint = "record_decision")]
pub async fn record_decision(
    round: String,
    decision_number: String,
    decided_on: String,
    signer: String,
    issuer: String,
) -> Result<(), AppError> {
    let result = boundary::with_state(async |state| {
        imp::decide(state, &round, &decision_number, &decided_on, &signer, &issuer).await
    })
    .await;
    boundary::finish_form(
        result,
        RecordDecision::PATH,
        &[
            ("decision_number", &decision_number),
            ("decided_on", &decided_on),
            ("signer", &signer),
            ("issuer", &issuer),
        ],
    )
}

/// Merges entries of one business into a set (the secretariat, during
/// deliberation).
#[server(endpoint = "form_set")]
pub async fn form_set(round: String, set_name: String, entries: Option<Vec<String>>) -> Result<(), AppError> {
    let result =
        boundary::with_state(async |state| imp::form_set(state, &round, &set_name, entries.unwrap_or_default()).await)
            .await;
    boundary::finish_form(result, FormSet::PATH, &[("set_name", &set_name)])
}

/// Dissolves a set before the decision.
#[server(endpoint = "dissolve_set")]
pub async fn dissolve_set(round: String, set: String) -> Result<(), AppError> {
    boundary::finish(boundary::with_state(async |state| imp::dissolve(state, &round, &set).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::council::decision as imp;
