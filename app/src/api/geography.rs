//! Levels and territories (administrators only).

pub use crate::model::geography::*;

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
pub use crate::db::geography::{LevelRecord, TerritoryRecord};

/// Lists levels and territories.
#[server(endpoint = "list_geography")]
pub async fn list_geography() -> Result<Geography, AppError> {
    boundary::finish(boundary::as_administrator(async |state, admin| imp::list(state, admin).await).await)
}

/// Adds a level (no `id`) or changes one.
#[server(endpoint = "save_level")]
pub async fn save_level(id: Option<String>, name_vi: String, name_en: String, rank: String) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| {
            imp::save_level(state, admin, id.as_deref(), &name_vi, &name_en, &rank).await
        })
        .await,
    )
}

/// Adds a territory (no `id`) or changes one.
#[server(endpoint = "save_territory")]
pub async fn save_territory(
    id: Option<String>,
    level: String,
    parent: Option<String>,
    name_vi: String,
    name_en: String,
) -> Result<(), AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| {
            imp::save_territory(
                state,
                admin,
                id.as_deref(),
                &level,
                parent.as_deref(),
                &name_vi,
                &name_en,
            )
            .await
        })
        .await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::geography as imp;
