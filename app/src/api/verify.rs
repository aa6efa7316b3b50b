//! Checking a certificate (the target of its QR code), for anyone: whether
//! it is valid, expired or revoked, for which product, business, level and
//! decision. Only certificates of rounds whose results are published are
//! answered. Administrators revoke a certificate with a reason.

use serde::{Deserialize, Serialize};

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::api::rounds::Named;
use crate::domain::certificate::CertificateStatus;
use crate::domain::time::Timestamp;
use crate::error::AppError;

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

/// Checks certificate `number`.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(number: String) -> Result<VerifyAnswer, AppError> {
    crate::api::boundary::finish(imp::verify(&number).await)
}

/// Revokes certificate `number` with a reason (administrators).
#[server(endpoint = "revoke_certificate")]
pub async fn revoke_certificate(number: String, reason: String) -> Result<(), AppError> {
    let result = imp::revoke(&number, &reason).await;
    crate::api::boundary::finish_form(result, RevokeCertificate::PATH, &[("reason", &reason)])
}

#[cfg(feature = "ssr")]
mod imp {
    use super::{CertificateCheck, VerifyAnswer, VerifyOutcome};
    use crate::api::boundary::{app_state, audit_entry, notice_back};
    use crate::api::council::certificate::facts;
    use crate::auth::principal::{current_principal, require_administrator};
    use crate::db::rounds::RoundRecord;
    use crate::db::{audit, council, rounds};
    use crate::domain::audit::AuditAction;
    use crate::domain::certificate::{clean_number, status};
    use crate::domain::text::clean_paragraphs;
    use crate::domain::time::Timestamp;
    use crate::domain::validation::{FieldError, Problem};
    use crate::error::AppError;

    /// Whether the public may see the certificates of `round`.
    fn public(round: &RoundRecord) -> bool {
        round.state.results_public()
    }

    pub async fn verify(raw: &str) -> Result<VerifyAnswer, AppError> {
        let state = app_state()?;
        let can_revoke = current_principal(&state).await?.is_some_and(|p| p.is_administrator());
        if raw.trim().is_empty() {
            return Ok(VerifyAnswer {
                query: String::new(),
                outcome: VerifyOutcome::Empty,
                can_revoke,
            });
        }
        let Some(number) = clean_number(raw) else {
            let shown: String = raw.trim().chars().take(100).collect();
            return Ok(VerifyAnswer {
                query: shown,
                outcome: VerifyOutcome::Malformed,
                can_revoke,
            });
        };
        let mut conn = state.store.pool().acquire().await?;
        let found = match council::certificate_by_number(&mut conn, &number).await? {
            Some(record) => {
                let round = rounds::get_round(&mut conn, record.round).await?;
                if round.as_ref().is_some_and(public) {
                    Some(facts(&mut conn, record).await?)
                } else {
                    None
                }
            }
            None => None,
        };
        let outcome = match found {
            None => VerifyOutcome::NotFound,
            Some(f) => VerifyOutcome::Found(Box::new(CertificateCheck {
                status: status(f.record.valid_until, f.record.revoked.is_some(), Timestamp::now()),
                number: f.record.number,
                product: f.product,
                set_items: f.set_items,
                group: f.group,
                business: f.business.name,
                province: f.business.province,
                level: f.level,
                territory: f.territory,
                decision_number: f.decision.number,
                decided_on: f.decision.decided_on,
                issuer: f.decision.issuer,
                issued_at: f.record.issued_at,
                valid_until: f.record.valid_until,
                revoked: f.record.revoked,
            })),
        };
        Ok(VerifyAnswer {
            query: number,
            outcome,
            can_revoke,
        })
    }

    pub async fn revoke(number: &str, reason: &str) -> Result<(), AppError> {
        let state = app_state()?;
        let admin = require_administrator(&state).await?;
        let reason = clean_paragraphs("reason", reason, 1000, true)?
            .ok_or_else(|| FieldError::new("reason", Problem::Required))?;
        let number = clean_number(number).ok_or(AppError::NotFound)?;
        let now = Timestamp::now();
        let mut tx = state.store.write().await?;
        let record = council::certificate_by_number(&mut tx, &number)
            .await?
            .ok_or(AppError::NotFound)?;
        if !council::revoke_certificate(&mut tx, record.id, &reason, admin.principal().id, now).await? {
            // Already revoked: the first reason stands.
            return Err(AppError::Conflict);
        }
        let mut row = audit_entry(AuditAction::CertificateRevoked, Some(admin.principal()));
        row.target_type = Some("certificate");
        row.target_id = Some(record.id.to_string());
        row.target_name = Some(record.number.clone());
        row.details = Some(serde_json::json!({ "reason": reason, "before": "issued", "after": "revoked" }));
        audit::append(&mut tx, row).await?;
        tx.commit().await?;
        notice_back("certificate-revoked");
        Ok(())
    }
}
