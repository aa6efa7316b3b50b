//! What `crate::api::statistics` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::statistics::Line;

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
