//! Reading entries: the entrant's dashboard and one entry in full.

use leptos::prelude::*;

use super::{EntryDetail, MyEntries};
use crate::error::AppError;

/// The caller's entries and the rounds taking entries now.
#[server(endpoint = "my_entries")]
pub async fn list_my_entries() -> Result<MyEntries, AppError> {
    crate::api::boundary::finish(imp::mine().await)
}

/// One entry in full, for its business and its round's secretariat.
#[server(endpoint = "entry_detail")]
pub async fn get_entry_detail(entry: String) -> Result<EntryDetail, AppError> {
    crate::api::boundary::finish(imp::detail(&entry).await)
}

#[cfg(feature = "ssr")]
use crate::service::entries::view as imp;
