//! Giving people roles in a round (administrators): secretaries, jurors
//! with the product groups they score, council members and the chair.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Gives the account with this e-mail address or phone number a role in
/// the round. Jurors get their product groups; a council member may be
/// made the chair.
#[server(endpoint = "add_round_member")]
pub async fn add_round_member(
    round: String,
    identifier: String,
    role: String,
    groups: Option<Vec<String>>,
    chair: Option<String>,
) -> Result<(), AppError> {
    let result = boundary::as_administrator(async |state, admin| {
        imp::add(
            state,
            admin,
            &round,
            &identifier,
            &role,
            groups.unwrap_or_default(),
            chair.is_some(),
        )
        .await
    })
    .await;
    boundary::finish_form(
        result,
        AddRoundMember::PATH,
        &[("identifier", &identifier), ("role", &role)],
    )
}

/// Takes a role in the round away.
#[server(endpoint = "remove_round_member")]
pub async fn remove_round_member(round: String, user: String, role: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::remove(state, admin, &round, &user, &role).await).await,
    )
}

/// Sets the product groups a juror scores.
#[server(endpoint = "set_juror_groups")]
pub async fn set_juror_groups(round: String, user: String, groups: Option<Vec<String>>) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| {
            imp::juror_groups(state, admin, &round, &user, groups.unwrap_or_default()).await
        })
        .await,
    )
}

/// Makes a council member the chair (an empty `user` leaves the chair
/// empty).
#[server(endpoint = "set_council_chair")]
pub async fn set_council_chair(round: String, user: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::chair(state, admin, &round, &user).await).await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::rounds::members as imp;
