//! What `crate::api::geography` sends and receives: the types the pages,
//! the server functions and the use cases share.

#[cfg(feature = "ssr")]
pub use crate::db::geography::{LevelRecord, TerritoryRecord};
use serde::{Deserialize, Serialize};

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
