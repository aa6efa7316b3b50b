//! The use cases behind `crate::api::verify`:
//! Checking a certificate (the target of its QR code), for anyone: whether
//! it is valid, expired or revoked, for which product, business, level and
//! decision. Only certificates of rounds whose results are published are
//! answered. Administrators revoke a certificate with a reason.

use crate::auth::principal::current_principal;
use crate::auth::principal::Administrator;
use crate::db::rounds::RoundRecord;
use crate::db::{audit, council, rounds};
use crate::domain::audit::AuditAction;
use crate::domain::certificate::{clean_number, status};
use crate::domain::text::clean_paragraphs;
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::verify::{CertificateCheck, VerifyAnswer, VerifyOutcome};
use crate::service::council::certificate::facts;
use crate::service::request::{audit_entry, notice_back};

/// Whether the public may see the certificates of `round`.
fn public(round: &RoundRecord) -> bool {
    round.state.results_public()
}

pub async fn verify(state: &AppState, raw: &str) -> Result<VerifyAnswer, AppError> {
    let can_revoke = current_principal(state).await?.is_some_and(|p| p.is_administrator());
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

pub async fn revoke(state: &AppState, admin: Administrator, number: &str, reason: &str) -> Result<(), AppError> {
    let reason =
        clean_paragraphs("reason", reason, 1000, true)?.ok_or_else(|| FieldError::new("reason", Problem::Required))?;
    let number = clean_number(number).ok_or(AppError::NotFound)?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let record = council::certificate_by_number(&mut tx, &number)
        .await?
        .ok_or(AppError::NotFound)?;
    if !council::revoke_certificate(&mut tx, record.id, &reason, admin.principal().id(), now).await? {
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
