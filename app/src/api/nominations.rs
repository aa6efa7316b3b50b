//! Nomination upward. After the decision the round's secretariat sees the
//! entries the council nominated, sends them to a round of a higher level
//! in this installation (each becomes a submitted entry there with its
//! dossier and its certificate, screened by that round's secretariat), or
//! downloads the nomination package for a round run elsewhere (see
//! `server::nomination_package`).

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

use crate::api::rounds::Named;
use crate::domain::certificate::CertificateStatus;
use crate::domain::ids::{EntryId, RoundId};
use crate::domain::lifecycle::RoundState;
use crate::domain::nomination::NominationRefusal;
use crate::domain::report::Mean;
use crate::domain::time::Timestamp;
use crate::error::AppError;

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

/// The nomination page (the round's secretariat and administrators).
#[server(endpoint = "nominations_page")]
pub async fn get_nominations_page(round: String) -> Result<NominationsPage, AppError> {
    crate::api::boundary::finish(imp::page(&round).await)
}

/// Sends the chosen nominated entries to round `parent`.
#[server(endpoint = "send_nominations")]
pub async fn send_nominations(round: String, parent: String, entries: Option<Vec<String>>) -> Result<usize, AppError> {
    let result = imp::send(&round, &parent, entries.unwrap_or_default()).await;
    crate::api::boundary::finish_form(result, SendNominations::PATH, &[("parent", &parent)])
}

#[cfg(feature = "ssr")]
use crate::service::nominations as imp;
