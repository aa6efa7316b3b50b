//! What `crate::api::results` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{EntryId, FileId, RoundId};
use crate::domain::points::Points;
use crate::domain::time::Timestamp;
use crate::model::rounds::Named;

/// A recognised product in the public results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultItem {
    /// The entry.
    pub entry: EntryId,
    /// The product.
    pub product: String,
    /// The business.
    pub business: String,
    /// Its commune and province.
    pub place: String,
    /// A photo (shown in its thumbnail and medium sizes).
    pub photo: Option<FileId>,
    /// The certificate's number (its set's, for a product of a set).
    pub certificate: Option<String>,
    /// The set it belongs to.
    pub set: Option<String>,
    /// Nominated to the next level.
    pub nominated: bool,
    /// The official score, when the round shows scores.
    pub score: Option<Points>,
}

/// A product group's recognised products.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultGroup {
    /// Its number.
    pub number: i64,
    /// Its name.
    pub name: Named,
    /// Its recognised products, by certificate number.
    pub items: Vec<ResultItem>,
}

/// A round's public results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundResults {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub name: String,
    /// Its year.
    pub year: i32,
    /// Its level.
    pub level: Named,
    /// Its territory.
    pub territory: Named,
    /// The decision's number.
    pub decision_number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who issued it.
    pub issuer: String,
    /// Eligible entries considered.
    pub entries: usize,
    /// Whether official scores are shown.
    pub show_scores: bool,
    /// The groups.
    pub groups: Vec<ResultGroup>,
}
