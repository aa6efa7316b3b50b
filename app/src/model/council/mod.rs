//! What `crate::api::council` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::council::{Vote, VoteRules};
use crate::domain::ids::{EntryId, RoundId};
use crate::domain::lifecycle::RoundState;
use crate::domain::points::Points;
use crate::domain::report::EntryFigures;
use crate::domain::time::Timestamp;
use crate::model::rounds::Named;

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

/// The decision, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    /// Its number, e.g. "1234/QĐ-UBND".
    pub number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who signed it.
    pub signer: String,
    /// The body that issued it.
    pub issuer: String,
}

/// An eligible entry before the council.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilItem {
    /// The entry, its code, product, business and figures.
    pub row: ReportRow,
    /// Its product group's number.
    pub group: i64,
    /// Who may vote on it, the counts and what they give.
    #[serde(flatten)]
    pub standing: crate::domain::deliberation::Standing,
    /// The viewer's own vote, if they are a member and voted.
    pub my_vote: Option<Vote>,
    /// Whether the viewer is a member in conflict with it.
    pub my_conflict: bool,
    /// The set it belongs to, if any.
    pub set: Option<String>,
    /// After the decision: recognised and nominated.
    pub result: Option<(bool, bool)>,
    /// After the decision: the certificate's number.
    pub certificate: Option<String>,
}

/// A set of products (bộ sản phẩm) of one business, certified as one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The business.
    pub business: String,
    /// Its entries: id and "code · product".
    pub entries: Vec<(EntryId, String)>,
}

/// Entries of one business that may form a set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetCandidates {
    /// The business.
    pub business: String,
    /// Its entries reaching the threshold and in no set: id and
    /// "code · product".
    pub entries: Vec<(EntryId, String)>,
}

/// The council's page of a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilPage {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub round_name: String,
    /// Where it stands.
    pub state: RoundState,
    /// The recognition threshold.
    pub threshold: Points,
    /// The voting rules.
    pub rules: VoteRules,
    /// Council members.
    pub members: usize,
    /// Whether the viewer is a council member (and votes).
    pub is_member: bool,
    /// Whether the viewer runs the round (tallies, sets, decision).
    pub can_manage: bool,
    /// Whether votes, tallies, sets and the decision can be recorded now.
    pub open: bool,
    /// The decision, once recorded.
    pub decision: Option<DecisionView>,
    /// The issuing body the decision form suggests.
    pub issuer_hint: String,
    /// The eligible entries, those reaching the threshold first, best first.
    pub items: Vec<CouncilItem>,
    /// The sets formed.
    pub sets: Vec<SetView>,
    /// Businesses with two or more entries that may form a set.
    pub set_candidates: Vec<SetCandidates>,
}

/// What an entrant learns of their entry once the results are published:
/// the official score, the means per criterion and the jurors' comments,
/// without the jurors' names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryFeedback {
    /// The entry.
    pub entry: EntryId,
    /// Its selection code.
    pub code: String,
    /// The product.
    pub product: String,
    /// The round's name.
    pub round_name: String,
    /// The recognition threshold.
    pub threshold: Points,
    /// The official score (the mean of the submitted totals).
    pub official: Option<crate::domain::report::Mean>,
    /// Submitted sheets counted.
    pub sheets: usize,
    /// The criterion groups.
    pub criteria: Vec<ReportCriterion>,
    /// The mean per criterion group, in the same order.
    pub per_criterion: Vec<Option<crate::domain::report::Mean>>,
    /// Recognised by the decision.
    pub recognised: bool,
    /// Nominated to the next level.
    pub nominated: bool,
    /// Its certificate's number and last valid instant.
    pub certificate: Option<(String, Timestamp)>,
    /// The jurors' comments, in no telling order.
    pub comments: Vec<String>,
}
