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
    crate::api::boundary::finish(imp::search(&q.unwrap_or_default(), filters, page.as_deref().unwrap_or("1")).await)
}

/// A recognised product's page.
#[server(endpoint = "catalogue_product")]
pub async fn get_catalogue_product(entry: String) -> Result<ProductPage, AppError> {
    crate::api::boundary::finish(imp::product(&entry).await)
}

#[cfg(feature = "ssr")]
use crate::service::catalogue as imp;
