//! Accepting an invitation: the invitee opens the one-time link, chooses
//! a name and a password, and is signed in.

pub use crate::model::invitation::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// The invitation behind a link, or [`AppError::LinkInvalid`].
#[server(endpoint = "invitation_info")]
pub async fn invitation_info(token: String) -> Result<InvitationView, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::info(state, &token).await).await)
}

/// Sets the invitee's name and password, activates the account and signs
/// them in. The link works once.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    name: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let result =
        boundary::with_state(async |state| imp::accept(state, &token, &name, password, password_confirm).await).await;
    boundary::finish_form(result, AcceptInvitation::PATH, &[("name", &name)])
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::invitation as imp;
