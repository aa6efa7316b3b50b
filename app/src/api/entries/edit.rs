//! The entrant's acts on an entry: start it, save it (as often as they
//! like), submit it, withdraw it before the deadline, remove a file.

// The save function takes the form's fields one by one, as the plain HTML
// form posts them.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Starts a draft entry in a round taking entries, and opens it.
#[server(endpoint = "start_entry")]
pub async fn start_entry(round: String) -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::start(state, principal, &round).await).await)
}

/// Saves the entry's forms as they are (nothing is required yet); returns
/// the new version. A save from an older version is refused, so two tabs
/// never overwrite each other silently.
#[server(endpoint = "save_entry")]
pub async fn save_entry(
    entry: String,
    version: String,
    product_name: String,
    is_set: Option<String>,
    set_items: String,
    group: String,
    description: String,
    materials: String,
    process: String,
    capacity: String,
    markets: String,
    workers: String,
    environment: String,
    culture: String,
    standards: String,
    awards: String,
) -> Result<i64, AppError> {
    let form = crate::domain::entry::EntryForm {
        product_name,
        is_set,
        set_items,
        group,
        description,
        materials,
        process,
        capacity,
        markets,
        workers,
        environment,
        culture,
        standards,
        awards,
    };
    // A version that does not parse is as good as a stale one.
    let version = version.trim().parse::<i64>().unwrap_or(-1);
    let result =
        boundary::signed_in(async |state, principal| imp::save(state, principal, &entry, version, &form).await).await;
    let memory = imp::form_memory(&form);
    let memory: Vec<(&str, &str)> = memory.iter().map(|(k, v)| (*k, v.as_str())).collect();
    boundary::finish_form(result, SaveEntry::PATH, &memory)
}

/// Submits the entry: the server checks the deadline and completeness
/// and lists exactly what is missing.
#[server(endpoint = "submit_entry")]
pub async fn submit_entry(entry: String) -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::submit(state, principal, &entry).await).await)
}

/// Takes a submitted entry back (before the deadline) to change it.
#[server(endpoint = "withdraw_entry")]
pub async fn withdraw_entry(entry: String) -> Result<(), AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::withdraw(state, principal, &entry).await).await)
}

/// Removes a file from an entry that can still change.
#[server(endpoint = "delete_entry_file")]
pub async fn delete_entry_file(entry: String, file: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::delete_file(state, principal, &entry, &file).await).await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::entries::edit as imp;
