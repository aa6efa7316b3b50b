//! Reading the outbox (administrators only): every message the system
//! wrote, sent or not, with its text, so no link is ever lost.

pub use crate::model::outbox::*;

use leptos::prelude::*;

use crate::error::AppError;

/// Lists the outbox, newest first.
#[server(endpoint = "list_outbox")]
pub async fn list_outbox(page: Option<i64>) -> Result<OutboxPage, AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::list(state, admin, page.unwrap_or(1)).await).await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::outbox as imp;
