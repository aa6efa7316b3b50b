//! Reading entries: the entrant's dashboard and one entry in full.

use leptos::prelude::*;

use super::{EntryDetail, MyEntries};
use crate::error::AppError;

/// The caller's entries and the rounds taking entries now.
#[server(endpoint = "my_entries")]
pub async fn list_my_entries() -> Result<MyEntries, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::mine(state, principal).await).await)
}

/// One entry in full, for its business and its round's secretariat.
#[server(endpoint = "entry_detail")]
pub async fn get_entry_detail(entry: String) -> Result<EntryDetail, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::detail(state, principal, &entry).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::entries::view as imp;
