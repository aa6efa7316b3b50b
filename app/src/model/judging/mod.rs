//! What `crate::api::judging` sends and receives: the types the pages,
//! the server functions and the use cases share.

pub mod sheets;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::entry::EntryForm;
use crate::domain::ids::{EntryId, RoundId, UserId};
use crate::domain::jury::{JurorAccess, Tie};
use crate::domain::lifecycle::RoundState;
use crate::domain::points::Points;
use crate::domain::scoring::{SheetSpec, SheetState};
use crate::domain::time::Timestamp;
use crate::model::entries::FileView;
use crate::model::rounds::Named;

/// A declared tie as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieView {
    /// Which kind.
    pub tie: Tie,
    /// The note.
    pub note: Option<String>,
    /// Whether the secretariat recorded it on the juror's behalf.
    pub by_secretariat: bool,
}

/// What is known of a juror's stance on an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    /// Nothing declared yet.
    Undeclared,
    /// Declared no tie.
    NoTie,
    /// Declared (or recorded) a tie.
    Tie(TieView),
    /// Their own account represents the business.
    OwnBusiness,
}

/// A sheet's state as shown in lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetMark {
    /// Draft or submitted.
    pub state: SheetState,
    /// Its total so far.
    pub total: Points,
    /// Typed in from paper.
    pub from_paper: bool,
}

/// The typed values of a sheet, as its form shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetValues {
    /// Its version (0 when there is no sheet yet).
    pub version: i64,
    /// Draft or submitted (draft when there is none yet).
    pub state: Option<SheetState>,
    /// Points per line key, as typed (`7,5`).
    pub points: BTreeMap<String, String>,
    /// The comment.
    pub comment: String,
    /// Typed in from paper by the secretariat.
    pub from_paper: bool,
    /// When it was submitted.
    pub submitted_at: Option<Timestamp>,
    /// When it was last written, and by whom.
    pub updated: Option<(Timestamp, String)>,
}

/// The dossier, as a juror reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// Forms 01 and 02.
    pub form: EntryForm,
    /// Its files.
    pub files: Vec<FileView>,
}

/// Everything the sheet page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetPage {
    /// The entry.
    pub entry: EntryId,
    /// Its round.
    pub round: RoundId,
    /// The round's name.
    pub round_name: String,
    /// The round's level, for the sheet's heading.
    pub level: Named,
    /// The round's territory.
    pub territory: Named,
    /// The round's state.
    pub round_state: RoundState,
    /// The selection code.
    pub code: Option<String>,
    /// The product's name.
    pub product_name: String,
    /// The product group: number and name.
    pub group: Option<(i64, Named)>,
    /// The business's name.
    pub business_name: String,
    /// Its representative.
    pub representative: String,
    /// Its commune and province.
    pub place: String,
    /// The juror whose sheet this is.
    pub juror: UserId,
    /// Their name.
    pub juror_name: String,
    /// The juror's standing with the entry.
    pub standing: JurorAccess,
    /// Whether the viewer is the juror (otherwise the secretariat).
    pub own: bool,
    /// The sheet's lines (empty until the juror has declared).
    pub spec: SheetSpec,
    /// The sheet as stored.
    pub values: SheetValues,
    /// The dossier (hidden until the juror has declared no tie).
    pub dossier: Option<Dossier>,
    /// Whether the viewer may write the sheet now.
    pub can_edit: bool,
    /// Whether the viewer may reopen it (secretariat, submitted, judging).
    pub can_reopen: bool,
}

/// A juror on an entry, on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardJuror {
    /// The juror.
    pub user: UserId,
    /// Their name.
    pub name: String,
    /// Added to this entry by the secretariat (not by product group).
    pub added: bool,
    /// What they declared.
    pub stance: Stance,
    /// Their sheet, if any.
    pub sheet: Option<SheetMark>,
}

/// An eligible entry on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEntry {
    /// The entry.
    pub id: EntryId,
    /// Its selection code.
    pub code: Option<String>,
    /// Its product.
    pub product_name: String,
    /// Its product group's number.
    pub group: Option<i64>,
    /// The business.
    pub business_name: String,
    /// The jurors assigned to it.
    pub jurors: Vec<BoardJuror>,
    /// Jurors of its group removed from it.
    pub removed: Vec<(UserId, String)>,
    /// Sheets expected and not yet submitted.
    pub missing: usize,
}

/// One juror's load and progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorLoad {
    /// The juror.
    pub user: UserId,
    /// Their name.
    pub name: String,
    /// The product groups they score, by number.
    pub groups: Vec<i64>,
    /// Entries assigned.
    pub assigned: usize,
    /// Of which in conflict.
    pub conflicts: usize,
    /// Still to declare.
    pub undeclared: usize,
    /// Sheets submitted.
    pub submitted: usize,
    /// Sheets expected and not submitted.
    pub missing: usize,
}

/// The secretariat's view of the jury's work in a round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub round_name: String,
    /// Its state.
    pub state: RoundState,
    /// Whether jurors may still be added and removed.
    pub can_edit: bool,
    /// Every juror with their load.
    pub jurors: Vec<JurorLoad>,
    /// The eligible entries.
    pub entries: Vec<BoardEntry>,
    /// Sheets submitted in all.
    pub submitted: usize,
    /// Sheets expected in all.
    pub expected: usize,
}

/// One entry on a juror's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    /// The entry.
    pub entry: EntryId,
    /// Its selection code.
    pub code: Option<String>,
    /// Its product.
    pub product_name: String,
    /// Its product group's number.
    pub group: Option<i64>,
    /// The business.
    pub business_name: String,
    /// The juror's standing.
    pub standing: JurorAccess,
    /// Their sheet, if any.
    pub sheet: Option<SheetMark>,
}

/// A round on a juror's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkRound {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub name: String,
    /// Its state.
    pub state: RoundState,
    /// When judging closes.
    pub judging_close: Timestamp,
    /// Entries to declare on or score.
    pub items: Vec<WorkItem>,
    /// Entries the juror is in conflict with (no dossier, no scores).
    pub conflicts: Vec<WorkItem>,
}
