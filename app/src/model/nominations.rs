//! What `crate::api::nominations` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::certificate::CertificateStatus;
use crate::domain::ids::{EntryId, RoundId};
use crate::domain::lifecycle::RoundState;
use crate::domain::nomination::NominationRefusal;
use crate::domain::report::Mean;
use crate::domain::time::Timestamp;
use crate::model::rounds::Named;

/// A certificate as the nomination shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedCertificate {
    /// Its number.
    pub number: String,
    /// Its last valid instant.
    pub valid_until: Timestamp,
    /// Where it stands now.
    pub status: CertificateStatus,
    /// The round that issued it.
    pub round_name: String,
}

/// Where a nominated entry went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentTo {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub round_name: String,
    /// When.
    pub at: Timestamp,
}

/// One nominated entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NomineeRow {
    /// The entry.
    pub entry: EntryId,
    /// Its selection code.
    pub code: String,
    /// The product.
    pub product: String,
    /// The business.
    pub business: String,
    /// The product group's number.
    pub group: Option<i64>,
    /// The official score (mean of the submitted sheets).
    pub score: Option<Mean>,
    /// Its certificate.
    pub certificate: Option<CarriedCertificate>,
    /// Where it was sent, if it was.
    pub sent: Option<SentTo>,
    /// Why it cannot be sent (the parent round aside), if it cannot.
    pub refusal: Option<NominationRefusal>,
}

/// A round that may receive the nominees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentChoice {
    /// The round.
    pub id: RoundId,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: Named,
}

/// The nomination page of a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationsPage {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub round_name: String,
    /// Where it stands.
    pub state: RoundState,
    /// Why nothing can be sent yet, if so (no decision).
    pub refusal: Option<NominationRefusal>,
    /// The nominated entries, by code.
    pub rows: Vec<NomineeRow>,
    /// Rounds of a higher level taking nominations now.
    pub parents: Vec<ParentChoice>,
    /// The round's own parent round (chosen when it was created).
    pub configured_parent: Option<(RoundId, String, RoundState)>,
}
