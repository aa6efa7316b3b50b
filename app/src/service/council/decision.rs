//! The use cases behind `crate::api::council::decision`:
//! The decision and what comes before it: sets of products (bộ sản phẩm)
//! formed from recognised-to-be entries of one business, then the decision
//! itself (its number, date and signer), recorded once: in one
//! transaction every eligible entry's result is fixed, certificates are
//! numbered and issued, and the round moves to "decided".

use crate::db::council::{self, EntryResult, NewDecision};
use crate::db::{audit, rounds};
use crate::domain::audit::AuditAction;
use crate::domain::council::{nominated, CouncilRefusal, Outcome};
use crate::domain::ids::{EntryId, SetId};
use crate::domain::lifecycle::RoundState;
use crate::domain::meeting::read_decision;
use crate::domain::text::clean_line;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::council::deliberation::{deliberation_before_write, require_open, still_holds};
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::require_manager;

/// Times a write builds the council's standing again when votes keep
/// arriving between its read and its lock, before it asks to retry.
const ATTEMPTS: usize = 3;

/// The council's standing on round `id`, built before the write, and a
/// write transaction holding the round's lock in which it still holds
/// (re-checked by what it rests on; built again when a vote came in
/// meanwhile, [`ATTEMPTS`] times at most).
async fn settled(
    state: &crate::infra::state::AppState,
    id: crate::domain::ids::RoundId,
) -> Result<(crate::db::Tx, crate::service::council::deliberation::Deliberation), AppError> {
    for _ in 0..ATTEMPTS {
        let d = deliberation_before_write(state, id).await?;
        let mut tx = state.store.write().await?;
        rounds::lock_round(&mut tx, id).await?;
        if still_holds(&mut tx, &d).await? {
            return Ok((tx, d));
        }
    }
    Err(AppError::Conflict)
}

/// An audit row about `round`, with `details`.
fn about_round(
    action: AuditAction,
    by: &crate::auth::principal::Principal,
    round: &crate::db::rounds::RoundRecord,
    details: serde_json::Value,
) -> crate::db::audit::AuditEntry {
    let mut row = audit_entry(action, Some(by));
    row.target_type = Some("round");
    row.target_id = Some(round.id.to_string());
    row.target_name = Some(round.settings.name.clone());
    row.details = Some(details);
    row
}

/// A decision as checked.
#[derive(Clone, Copy)]
pub struct DecisionInput<'a> {
    /// Its number.
    pub number: &'a str,
    /// The day it was signed (not in the future).
    pub decided_on: Timestamp,
    /// Who signed it.
    pub signer: &'a str,
    /// The issuing body.
    pub issuer: &'a str,
}

pub async fn decide(
    state: &AppState,
    round: &str,
    number: &str,
    decided_on: &str,
    signer: &str,
    issuer: &str,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let form = read_decision(number, decided_on, signer, issuer, now)?;
    let manager = {
        let mut conn = state.store.pool().acquire().await?;
        require_manager(state, &mut conn, round).await?
    };
    let input = DecisionInput {
        number: &form.number,
        decided_on: form.decided_on,
        signer: &form.signer,
        issuer: &form.issuer,
    };
    record(state, manager, &input, now).await?;
    notice_back("decision-recorded");
    Ok(())
}

/// Records the decision `d` of the manager's round in one transaction:
/// every eligible entry's result, the certificates, the round's move
/// to "decided" and the audit rows. The caller has checked the fields.
pub async fn record(
    state: &crate::infra::state::AppState,
    manager: crate::service::rounds::access::RoundManager,
    input: &DecisionInput<'_>,
    now: Timestamp,
) -> Result<(), AppError> {
    let DecisionInput {
        number,
        decided_on: day,
        signer,
        issuer,
    } = *input;
    // What the certificates will name, read before the write begins.
    let names = {
        let mut conn = state.store.pool().acquire().await?;
        crate::service::council::certificate::RoundNames::load(&mut conn, manager.round()).await?
    };
    // The council's standing is built before the write, and re-checked
    // under the round's lock by what it rests on (a few small reads):
    // when a vote came in meanwhile, it is built again.
    let (mut tx, d) = settled(state, manager.round().id).await?;
    let round = d.footing.round().clone();
    if d.items
        .iter()
        .any(|i| i.row.figures.reaches && i.standing.recognition == Outcome::NoQuorum)
    {
        return Err(CouncilRefusal::VotesMissing.into());
    }
    let results: Vec<EntryResult> = d
        .items
        .iter()
        .map(|i| EntryResult {
            entry: i.row.entry,
            score_sum: i.row.figures.official.map(|m| m.sum).unwrap_or(0),
            score_count: i.row.figures.official.map(|m| m.count).unwrap_or(0),
            recognised: i.standing.recognition.carried(),
            nominated: nominated(i.standing.recognition, i.standing.nomination),
        })
        .collect();
    let decision = NewDecision {
        round: round.id,
        number,
        decided_on: day,
        signer,
        issuer,
        pattern: &round.settings.certificate_pattern,
        year: day.vn_year(),
        by: manager.principal().id(),
    };
    let recognised: Vec<EntryId> = results.iter().filter(|r| r.recognised).map(|r| r.entry).collect();
    let name_of = |entry, set| names.names(entry, set, &recognised);
    let issued = council::decide(&mut tx, &decision, &results, &d.sets, &name_of, now)
        .await?
        .ok_or(CouncilRefusal::Decided)?;
    if !rounds::set_state(&mut tx, round.id, round.state, RoundState::Decided, now).await? {
        return Err(AppError::Conflict);
    }
    let row = about_round(
        AuditAction::DecisionRecorded,
        manager.principal(),
        &round,
        serde_json::json!({
            "number": number, "decided_on": day.vn_date(), "signer": signer, "issuer": issuer,
            "recognised": d.items.iter().filter(|i| i.standing.recognition.carried()).map(|i| &i.row.code).collect::<Vec<_>>(),
            "nominated": results.iter().filter(|r| r.nominated).count(),
            "certificates": issued.len(),
        }),
    );
    audit::append(&mut tx, row).await?;
    let moved = about_round(
        AuditAction::RoundMoved,
        manager.principal(),
        &round,
        serde_json::json!({ "before": round.state.code(), "after": RoundState::Decided.code(), "reason": null }),
    );
    audit::append(&mut tx, moved).await?;
    for certificate in &issued {
        let item = d.item(certificate.entry);
        let mut row = audit_entry(AuditAction::CertificateIssued, Some(manager.principal()));
        row.target_type = Some("certificate");
        row.target_id = Some(certificate.id.to_string());
        row.target_name = Some(certificate.number.clone());
        row.details = Some(serde_json::json!({
            "entry": certificate.entry.to_string(),
            "code": item.map(|i| &i.row.code),
            "product": item.map(|i| &i.row.product),
            "set": certificate.set.map(|s| s.to_string()),
            "issued": certificate.issued_at.vn_date(),
            "valid_until": certificate.valid_until.vn_date(),
        }));
        audit::append(&mut tx, row).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn form_set(state: &AppState, round: &str, name: &str, entries: Vec<String>) -> Result<(), AppError> {
    let now = Timestamp::now();
    let manager = {
        let mut conn = state.store.pool().acquire().await?;
        require_manager(state, &mut conn, round).await?
    };
    let name = clean_line("set_name", name, 200, true)?.unwrap_or_default();
    let (mut tx, d) = settled(state, manager.round().id).await?;
    let round = d.footing.round().clone();
    let mut chosen: Vec<EntryId> = Vec::new();
    for raw in &entries {
        let id = EntryId::parse(raw).ok_or(AppError::NotFound)?;
        if !chosen.contains(&id) {
            chosen.push(id);
        }
    }
    // Two or more entries of this round reaching the threshold, of one
    // business, in no set yet.
    let owners: Vec<_> = chosen.iter().map(|e| d.owners.get(e)).collect();
    let fits = chosen.len() >= 2
        && owners.iter().all(|o| o.is_some() && *o == owners[0])
        && chosen
            .iter()
            .all(|e| d.item(*e).is_some_and(|i| i.row.figures.reaches && i.set.is_none()));
    if !fits {
        return Err(CouncilRefusal::BadSet.into());
    }
    let set = council::create_set(&mut tx, round.id, &name, &chosen, manager.principal().id(), now).await?;
    let row = about_round(
        AuditAction::ProductSetChanged,
        manager.principal(),
        &round,
        serde_json::json!({
            "set": set.to_string(), "name": name, "after": chosen.iter().filter_map(|e| d.item(*e)).map(|i| &i.row.code).collect::<Vec<_>>(),
        }),
    );
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    notice_back("set-formed");
    Ok(())
}

pub async fn dissolve(state: &AppState, round: &str, set: &str) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let manager = require_manager(state, &mut tx, round).await?;
    let round = manager.round();
    rounds::lock_round(&mut tx, round.id).await?;
    require_open(&mut tx, round).await?;
    let set = SetId::parse(set).ok_or(AppError::NotFound)?;
    let before = council::sets_of_round(&mut tx, round.id)
        .await?
        .into_iter()
        .find(|s| s.id == set)
        .ok_or(AppError::NotFound)?;
    if !council::dissolve_set(&mut tx, round.id, set).await? {
        return Err(AppError::NotFound);
    }
    let row = about_round(
        AuditAction::ProductSetChanged,
        manager.principal(),
        round,
        serde_json::json!({
            "set": set.to_string(), "name": before.name,
            "before": before.entries.iter().map(|e| e.to_string()).collect::<Vec<_>>(), "after": null,
        }),
    );
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    notice_back("set-dissolved");
    Ok(())
}
