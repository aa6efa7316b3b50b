//! The public catalogue of recognised products across rounds: searched by
//! name or business without diacritics or case, filtered by group, level,
//! territory and year; each product with its own page (photos,
//! description, the business's contact details, its certificates).

pub use crate::model::catalogue::*;

use leptos::prelude::*;

use crate::error::AppError;

/// Searches the catalogue; every argument may be empty.
#[server(endpoint = "catalogue")]
pub async fn get_catalogue(
    q: Option<String>,
    group: Option<String>,
    level: Option<String>,
    territory: Option<String>,
    year: Option<String>,
    page: Option<String>,
) -> Result<CataloguePage, AppError> {
    let filters = [
        group.unwrap_or_default(),
        level.unwrap_or_default(),
        territory.unwrap_or_default(),
        year.unwrap_or_default(),
    ];
    boundary::finish(
        boundary::with_state(async |state| {
            imp::search(state, &q.unwrap_or_default(), filters, page.as_deref().unwrap_or("1")).await
        })
        .await,
    )
}

/// A recognised product's page.
#[server(endpoint = "catalogue_product")]
pub async fn get_catalogue_product(entry: String) -> Result<ProductPage, AppError> {
    boundary::finish(boundary::with_state(async |state| imp::product(state, &entry).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::catalogue as imp;
