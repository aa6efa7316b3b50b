//! Levels and territories (administrators only).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[cfg(feature = "ssr")]
pub use crate::db::geography::{LevelRecord, TerritoryRecord};

/// A level as the pages see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelView {
    /// Its id, as text.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Position on the path upward.
    pub rank: i64,
}

/// A territory as the pages see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TerritoryView {
    /// Its id, as text.
    pub id: String,
    /// Its level's id.
    pub level: String,
    /// Its parent's id.
    pub parent: Option<String>,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
}

/// Every level and territory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geography {
    /// Levels, lowest first.
    pub levels: Vec<LevelView>,
    /// Territories, highest level first.
    pub territories: Vec<TerritoryView>,
}

impl Geography {
    /// A level by id.
    pub fn level(&self, id: &str) -> Option<&LevelView> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// A territory by id.
    pub fn territory(&self, id: &str) -> Option<&TerritoryView> {
        self.territories.iter().find(|t| t.id == id)
    }
}

/// Lists levels and territories.
#[server(endpoint = "list_geography")]
pub async fn list_geography() -> Result<Geography, AppError> {
    crate::api::boundary::finish(imp::list().await)
}

/// Adds a level (no `id`) or changes one.
#[server(endpoint = "save_level")]
pub async fn save_level(id: Option<String>, name_vi: String, name_en: String, rank: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::save_level(id.as_deref(), &name_vi, &name_en, &rank).await)
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
    crate::api::boundary::finish(
        imp::save_territory(id.as_deref(), &level, parent.as_deref(), &name_vi, &name_en).await,
    )
}

#[cfg(feature = "ssr")]
use crate::service::geography as imp;
