//! The programme's public figures across rounds whose results are
//! published (see `domain/statistics.rs`).

use serde::{Deserialize, Serialize};

use leptos::prelude::*;

use crate::domain::statistics::Line;
use crate::error::AppError;

/// The figures the statistics page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statistics {
    /// Everything together.
    pub total: Line,
    /// By product group.
    pub by_group: Vec<Line>,
    /// By territory.
    pub by_territory: Vec<Line>,
    /// By level.
    pub by_level: Vec<Line>,
    /// By year.
    pub by_year: Vec<Line>,
    /// Official scores in bands of ten points.
    pub score_bands: [usize; 10],
}

/// The programme's figures (anyone).
#[server(endpoint = "statistics")]
pub async fn get_statistics() -> Result<Statistics, AppError> {
    crate::api::boundary::finish(imp::statistics().await)
}

#[cfg(feature = "ssr")]
use crate::service::statistics as imp;
