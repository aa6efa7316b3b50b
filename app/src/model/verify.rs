//! What `crate::api::verify` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::certificate::CertificateStatus;
use crate::domain::time::Timestamp;
use crate::model::rounds::Named;

/// A certificate as the public check shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateCheck {
    /// Its number.
    pub number: String,
    /// Where it stands now.
    pub status: CertificateStatus,
    /// The product, or the set.
    pub product: String,
    /// For a set: its products.
    pub set_items: Vec<String>,
    /// The product group's number and name.
    pub group: Option<(i64, Named)>,
    /// The business.
    pub business: String,
    /// Its province (or city).
    pub province: String,
    /// The level.
    pub level: Named,
    /// The territory.
    pub territory: Named,
    /// The decision's number.
    pub decision_number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who issued it.
    pub issuer: String,
    /// Issued on.
    pub issued_at: Timestamp,
    /// Valid until.
    pub valid_until: Timestamp,
    /// When it was revoked, with the reason.
    pub revoked: Option<(Timestamp, String)>,
}

/// The answer to a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerifyOutcome {
    /// Nothing was asked.
    Empty,
    /// What was typed cannot be a certificate number.
    Malformed,
    /// No published certificate has that number.
    NotFound,
    /// The certificate.
    Found(Box<CertificateCheck>),
}

/// A check and whether the viewer may revoke what it found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyAnswer {
    /// The number asked, cleaned (or as typed, when malformed and short).
    pub query: String,
    /// The answer.
    pub outcome: VerifyOutcome,
    /// Whether the viewer is an administrator (and may revoke it).
    pub can_revoke: bool,
}
