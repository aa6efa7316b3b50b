//! The council's work: the jury's report (official scores and the figures
//! beside them, per product group), and later the vote and the decision.

pub mod report;

use serde::{Deserialize, Serialize};

use crate::api::rounds::Named;
use crate::domain::ids::{EntryId, RoundId};
use crate::domain::lifecycle::RoundState;
use crate::domain::points::Points;
use crate::domain::report::EntryFigures;

/// A criterion group as the report heads its columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCriterion {
    /// Its number (1–4).
    pub number: i64,
    /// Its name.
    pub name: Named,
    /// Its maximum.
    pub max: Points,
}

/// One eligible entry in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    /// The entry.
    pub entry: EntryId,
    /// Its selection code.
    pub code: String,
    /// The product.
    pub product: String,
    /// The business.
    pub business: String,
    /// Sheets the panel owes for it.
    pub expected_sheets: usize,
    /// The figures of its submitted sheets.
    pub figures: EntryFigures,
    /// Its rank in its product group (none without a submitted sheet).
    pub rank: Option<usize>,
}

/// The entries of one product group, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroup {
    /// The group's number (1–4).
    pub number: i64,
    /// Its name.
    pub name: Named,
    /// Its entries, by rank then code.
    pub rows: Vec<ReportRow>,
}

/// The jury's report of a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryReport {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub round_name: String,
    /// Where it stands.
    pub state: RoundState,
    /// The recognition threshold.
    pub threshold: Points,
    /// The spread above which an entry is flagged.
    pub spread_flag: Points,
    /// The criterion groups, in order.
    pub criteria: Vec<ReportCriterion>,
    /// The product groups with their entries.
    pub groups: Vec<ReportGroup>,
}
