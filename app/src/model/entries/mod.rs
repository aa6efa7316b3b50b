//! What `crate::api::entries` sends and receives: the types the pages,
//! the server functions and the use cases share.

pub mod screening;

use serde::{Deserialize, Serialize};

use crate::domain::entry::{EntryForm, EntryState, Missing};
use crate::domain::ids::{EntryId, FileId, RoundId};
use crate::domain::lifecycle::RoundState;
use crate::domain::time::Timestamp;
use crate::domain::upload::{FileKind, UploadRefusal};
use crate::model::rounds::Named;

/// An entry in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntrySummary {
    /// Its id.
    pub id: EntryId,
    /// The round.
    pub round: RoundId,
    /// The round's name.
    pub round_name: String,
    /// The product's name, once typed.
    pub product_name: Option<String>,
    /// Where it stands.
    pub state: EntryState,
    /// The round's deadline.
    pub entries_close: Timestamp,
    /// The secretariat's last message.
    pub message: Option<String>,
    /// When it was last saved.
    pub updated_at: Timestamp,
    /// When it was last submitted.
    pub submitted_at: Option<Timestamp>,
    /// Once the round is decided: recognised, and nominated.
    pub outcome: Option<(bool, bool)>,
    /// Its certificate: number and last valid instant.
    pub certificate: Option<(String, Timestamp)>,
    /// Whether that certificate was revoked (it is then not offered).
    pub certificate_revoked: bool,
    /// Whether the round's results are published (its feedback is open).
    pub published: bool,
}

/// A round taking entries now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenRound {
    /// Its id.
    pub id: RoundId,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: Named,
    /// Its territory.
    pub territory: Named,
    /// The deadline.
    pub entries_close: Timestamp,
}

/// The entrant's dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyEntries {
    /// Whether the business profile exists.
    pub has_business: bool,
    /// The business's entries.
    pub entries: Vec<EntrySummary>,
    /// Rounds taking entries now.
    pub open_rounds: Vec<OpenRound>,
}

/// A file of an entry, as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileView {
    /// Its id.
    pub id: FileId,
    /// What it is for.
    pub kind: FileKind,
    /// Its media type.
    pub mime: String,
    /// The name it was uploaded under, cleaned.
    pub name: String,
    /// Its size in bytes.
    pub size: i64,
    /// Whether it has a thumbnail (photos).
    pub has_thumb: bool,
}

/// An entry in full, for its business and its round's secretariat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryDetail {
    /// Its id.
    pub id: EntryId,
    /// The round.
    pub round: RoundId,
    /// The round's name.
    pub round_name: String,
    /// The round's state.
    pub round_state: RoundState,
    /// When entries open.
    pub entries_open: Timestamp,
    /// The deadline.
    pub entries_close: Timestamp,
    /// Where the entry stands.
    pub state: EntryState,
    /// Its version (for saving).
    pub version: i64,
    /// Forms 01 and 02 as form values.
    pub form: EntryForm,
    /// The round's product groups: number and name.
    pub groups: Vec<(i64, Named)>,
    /// Its files.
    pub files: Vec<FileView>,
    /// What is still missing before submission.
    pub missing: Vec<Missing>,
    /// The secretariat's last message.
    pub message: Option<String>,
    /// The business's name.
    pub business_name: String,
    /// Whether the viewer is the entering business.
    pub is_owner: bool,
    /// Whether the viewer runs the round (may screen it).
    pub is_secretary: bool,
    /// Its selection code, once accepted.
    pub selection_code: Option<String>,
    /// Whether the entry can be changed now.
    pub can_edit: bool,
    /// Whether it needs a certificate of the level below.
    pub needs_lower_certificate: bool,
    /// The per-file cap, in bytes.
    pub max_file_bytes: u64,
    /// The per-entry cap, in bytes.
    pub max_entry_bytes: u64,
    /// The files' total size, in bytes.
    pub total_bytes: i64,
    /// For an entry nominated from a lower round: the certificate it carries.
    pub nominated_with: Option<crate::model::nominations::CarriedCertificate>,
}

/// One refused file, as reported back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileProblem {
    /// The file's (cleaned) name.
    pub name: String,
    /// Which of the form's chosen files it was (1 for the first).
    pub position: usize,
    /// Why it was refused.
    pub refusal: UploadRefusal,
}

/// What an upload did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadReport {
    /// Files stored.
    pub added: usize,
    /// Files refused, with the reason.
    pub problems: Vec<FileProblem>,
    /// The same problems, as sentences in the person's language.
    pub messages: Vec<String>,
}
