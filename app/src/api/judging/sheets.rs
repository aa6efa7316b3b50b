//! Score sheets: the page a juror scores on (or the secretariat types a
//! paper sheet in), saving as a draft or submitting, and reopening.
//!
//! `juror` is empty for the caller's own sheet; a secretary names the
//! juror whose sheet they open.

pub use crate::model::judging::sheets::*;

use std::collections::BTreeMap;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use super::{SheetPage, SheetValues};
use crate::error::AppError;

/// The sheet page: entry, dossier (once declared), lines and values.
#[server(endpoint = "sheet_page")]
pub async fn get_sheet_page(entry: String, juror: String) -> Result<SheetPage, AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::page(state, principal, &entry, &juror).await).await,
    )
}

/// The sheet's stored values (the form reloads them when another tab
/// saved first).
#[server(endpoint = "sheet_values")]
pub async fn get_sheet_values(entry: String, juror: String) -> Result<SheetValues, AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| imp::values(state, principal, &entry, &juror).await).await,
    )
}

/// Saves the sheet as a draft, or submits it when `intent` is `submit`.
/// `version` is the version the form was showing (0 for a new sheet).
#[server(endpoint = "save_sheet")]
pub async fn save_sheet(
    entry: String,
    juror: String,
    version: i64,
    #[server(default)] intent: String,
    #[server(default)] points: BTreeMap<String, String>,
    comment: String,
) -> Result<SheetSaved, AppError> {
    // Lines are posted as `points[k<key>]` (see `scoring::posted_key`).
    let typed: BTreeMap<String, String> = points
        .iter()
        .filter_map(|(k, v)| crate::domain::scoring::line_key(k).map(|k| (k.to_owned(), v.clone())))
        .collect();
    let result = boundary::signed_in(async |state, principal| {
        let post = imp::SheetPost {
            entry: &entry,
            juror: &juror,
            version,
            intent: &intent,
            typed: &typed,
            comment: &comment,
        };
        imp::save(state, principal, post).await
    })
    .await;
    // A plain form that failed comes back with what was typed, except when
    // another save came first: then the stored values are what to see.
    if matches!(&result, Err(e) if !matches!(e.kind(), AppError::Conflict)) {
        let mut kept: Vec<(String, String)> = points
            .iter()
            .map(|(k, v)| (format!("points[{k}]"), v.clone()))
            .collect();
        kept.push(("comment".into(), comment.clone()));
        let fields: Vec<(&str, &str)> = kept.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        return boundary::finish_form(result, SaveSheet::PATH, &fields);
    }
    boundary::finish(result)
}

/// Reopens a submitted sheet so that its juror can change it (the
/// secretariat, with a reason).
#[server(endpoint = "reopen_sheet")]
pub async fn reopen_sheet(entry: String, juror: String, version: i64, reason: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::signed_in(async |state, principal| {
            imp::reopen(state, principal, &entry, &juror, version, &reason).await
        })
        .await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::judging::sheets as imp;
