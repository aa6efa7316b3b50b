//! The use cases behind `crate::api::council::vote`:
//! The council's vote: the page every member and the secretariat work
//! from, a member's vote on an entry (replaced until the decision), a
//! member's declaration of a tie with an entry's business, and the tally of
//! a vote taken in the meeting, recorded by the secretariat.

use std::collections::BTreeMap;

use super::deliberation::{deliberation, require_open};
use crate::auth::principal::Principal;
use crate::auth::standing::CouncilMember;
use crate::db::council::{self, MeetingTally};
use crate::db::jury;
use crate::db::rounds::{self, RoundRecord};
use crate::db::{audit, Conn};
use crate::domain::council::{check_meeting, outcome, Ballot, CouncilRefusal, Tally, Vote};
use crate::domain::entry::EntryState;
use crate::domain::ids::{EntryId, UserId};
use crate::domain::jury::{check_declaration, Declaration};
use crate::domain::lifecycle::RoundState;
use crate::domain::meeting::{read_meeting, read_vote};
use crate::domain::report::Mean;
use crate::domain::role::Role;
use crate::domain::scoring::SheetState;
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::council::{CouncilItem, CouncilPage, DecisionView, SetCandidates, SetView};
use crate::service::council::report::authorize;
use crate::service::judging::access::entry_in_round;
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::{load, require_manager, roles_in};

fn label(item: &CouncilItem) -> String {
    format!("{} · {}", item.row.code, item.row.product)
}

pub async fn page_for(conn: &mut Conn, principal: &Principal, id: &str) -> Result<CouncilPage, AppError> {
    let round = load(conn, id).await?;
    authorize(principal, &round)?;
    let roles = roles_in(principal, round.id);
    let is_member = roles.contains(&Role::CouncilMember);
    let can_manage = principal.is_administrator() || roles.contains(&Role::Secretary);
    let d = deliberation(conn, &round, is_member.then_some(principal.id())).await?;
    let decision = council::decision(conn, round.id).await?.map(|d| DecisionView {
        number: d.number,
        decided_on: d.decided_on,
        signer: d.signer,
        issuer: d.issuer,
    });
    let issuer_hint = issuer_hint(conn, &round).await?;
    let open = round.state == RoundState::Deliberation && decision.is_none();
    let sets: Vec<SetView> = d
        .sets
        .iter()
        .map(|s| SetView {
            id: s.id.to_string(),
            name: s.name.clone(),
            business: s
                .entries
                .first()
                .and_then(|e| d.item(*e))
                .map(|i| i.row.business.clone())
                .unwrap_or_default(),
            entries: s
                .entries
                .iter()
                .filter_map(|e| d.item(*e).map(|i| (*e, label(i))))
                .collect(),
        })
        .collect();
    let mut by_owner: BTreeMap<UserId, SetCandidates> = BTreeMap::new();
    for item in d.items.iter().filter(|i| i.row.figures.reaches && i.set.is_none()) {
        let Some(owner) = d.owners.get(&item.row.entry) else {
            continue;
        };
        by_owner
            .entry(*owner)
            .or_insert_with(|| SetCandidates {
                business: item.row.business.clone(),
                entries: Vec::new(),
            })
            .entries
            .push((item.row.entry, label(item)));
    }
    Ok(CouncilPage {
        round: round.id,
        round_name: round.settings.name.clone(),
        state: round.state,
        threshold: round.settings.threshold,
        rules: round.settings.vote_rules(),
        members: d.members.len(),
        is_member,
        can_manage,
        open,
        decision,
        issuer_hint,
        items: d.items,
        sets,
        set_candidates: by_owner.into_values().filter(|c| c.entries.len() >= 2).collect(),
    })
}

/// The issuing body a decision usually names: the People's Committee
/// of the province for a provincial round, else the Ministry.
async fn issuer_hint(conn: &mut Conn, round: &RoundRecord) -> Result<String, AppError> {
    let level = crate::db::geography::get_level(conn, round.level).await?;
    let territory = crate::db::geography::get_territory(conn, round.territory).await?;
    Ok(match (level, territory) {
        (Some(level), Some(territory)) if level.rank == 2 => {
            let name = territory.name_vi;
            let lower = name.to_lowercase();
            if lower.starts_with("tỉnh ") || lower.starts_with("thành phố ") {
                format!("Ủy ban nhân dân {}", lower_first(&name))
            } else {
                format!("Ủy ban nhân dân tỉnh {name}")
            }
        }
        _ => "Bộ Công Thương".to_owned(),
    })
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub async fn page(state: &AppState, principal: Principal, round: &str) -> Result<CouncilPage, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    page_for(&mut conn, &principal, round).await
}

/// The entry and round a council member acts on, checked: a member of
/// the round's council, in deliberation, the entry eligible and not
/// in conflict; `needs_threshold` also requires the entry to reach the
/// threshold.
async fn member_on_entry(
    state: &crate::infra::state::AppState,
    principal: Principal,
    entry: &str,
    needs_threshold: bool,
) -> Result<OnEntry, AppError> {
    // Read and computed before any write lock, for this entry alone:
    // a vote never builds the whole round's report.
    let mut conn = state.store.pool().acquire().await?;
    let (entry, round, business) = entry_in_round(&mut conn, entry).await?;
    let member = CouncilMember::check(principal, &round)?;
    require_open(&mut conn, &round).await?;
    if entry.state != EntryState::Accepted {
        return Err(AppError::NotFound);
    }
    let declared: BTreeMap<(EntryId, UserId), Declaration> = jury::declarations_of_entry(&mut conn, entry.id)
        .await?
        .into_iter()
        .map(|(k, v)| (k, v.declaration))
        .collect();
    if needs_threshold && !entry_reaches(&mut conn, &round, &entry, business.owner, &declared).await? {
        return Err(CouncilRefusal::BelowThreshold.into());
    }
    let id = member.principal().id();
    if crate::domain::jury::in_conflict(declared.get(&(entry.id, id)), id, business.owner) {
        return Err(CouncilRefusal::Conflicted.into());
    }
    Ok(OnEntry { member, entry, round })
}

/// A council member proven free to act on an entry of their round, with
/// the entry and the round as the check read them.
struct OnEntry {
    member: CouncilMember,
    entry: crate::db::entries::EntryRecord,
    round: RoundRecord,
}

/// Whether one entry's official score reaches the round's threshold:
/// the mean of its counted sheets (submitted, by a juror assigned to
/// it and not in conflict), as the report computes it.
async fn entry_reaches(
    conn: &mut Conn,
    round: &RoundRecord,
    entry: &crate::db::entries::EntryRecord,
    owner: UserId,
    declared: &BTreeMap<(EntryId, UserId), Declaration>,
) -> Result<bool, AppError> {
    let panel = jury::panel(conn, round.id).await?;
    let group = rounds::groups(conn, round.id)
        .await?
        .iter()
        .find(|g| Some(g.number) == entry.content.group)
        .map(|g| g.id);
    let expected = crate::domain::jury::expected_sheets([(entry.id, group, owner)], &panel, declared);
    let totals = crate::db::sheets::sheets_of_entry(conn, entry.id)
        .await?
        .into_iter()
        .filter(|s| s.state == SheetState::Submitted && expected.contains(&(s.entry, s.juror)))
        .map(|s| s.total);
    Ok(Mean::of(totals).is_some_and(|m| m.at_least(round.settings.threshold)))
}

/// What a council member's write re-checks under the round's lock,
/// in three statements: the round still open to the council, and the
/// member not found tied to the entry meanwhile.
async fn still_open_to(tx: &mut Conn, round: &RoundRecord, entry: EntryId, member: UserId) -> Result<(), AppError> {
    rounds::lock_round(tx, round.id).await?;
    let fresh = rounds::get_round(tx, round.id).await?.ok_or(AppError::NotFound)?;
    require_open(tx, &fresh).await?;
    if jury::has_tie(tx, entry, member).await? {
        return Err(CouncilRefusal::Conflicted.into());
    }
    Ok(())
}

fn describe(vote: &Vote) -> serde_json::Value {
    serde_json::json!({ "recognise": vote.recognise.code(), "nominate": vote.nominate.map(Ballot::code) })
}

pub async fn cast(
    state: &AppState,
    principal: Principal,
    entry: &str,
    recognise: &str,
    nominate: &str,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let vote = read_vote(recognise, nominate)?;
    let OnEntry { member, entry, round } = member_on_entry(state, principal, entry, true).await?;
    let principal = member.principal();
    let mut tx = state.store.write().await?;
    still_open_to(&mut tx, &round, entry.id, principal.id()).await?;
    // The vote it replaces, read under the lock (another tab of the
    // same member may have voted meanwhile).
    let before = council::vote_of(&mut tx, entry.id, principal.id())
        .await?
        .map(|v| describe(&v.vote));
    council::cast_vote(&mut tx, round.id, entry.id, principal.id(), vote, now).await?;
    let mut row = audit_entry(crate::domain::audit::AuditAction::CouncilVoteCast, Some(principal));
    row.target_type = Some("entry");
    row.target_id = Some(entry.id.to_string());
    row.target_name = entry.selection_code.clone();
    row.details = Some(serde_json::json!({ "before": before, "after": describe(&vote) }));
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    notice_back("vote-cast");
    Ok(())
}

pub async fn declare(
    state: &AppState,
    principal: Principal,
    entry: &str,
    tie: &str,
    note: &str,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let declaration = check_declaration(tie, note)?;
    let Declaration::Tie { .. } = &declaration else {
        // Having no tie is what a member's silence means.
        return Err(AppError::field(FieldError::new("tie", Problem::Required)));
    };
    let OnEntry { member, entry, round } = member_on_entry(state, principal, entry, false).await?;
    let principal = member.principal();
    let mut tx = state.store.write().await?;
    still_open_to(&mut tx, &round, entry.id, principal.id()).await?;
    let prior = council::vote_of(&mut tx, entry.id, principal.id())
        .await?
        .map(|v| v.vote);
    jury::declare(
        &mut tx,
        round.id,
        entry.id,
        principal.id(),
        &declaration,
        principal.id(),
        now,
    )
    .await?;
    let withdrawn = prior.as_ref().map(describe);
    if withdrawn.is_some() {
        council::withdraw_vote(&mut tx, entry.id, principal.id()).await?;
    }
    let mut row = audit_entry(
        crate::domain::audit::AuditAction::CouncilConflictDeclared,
        Some(principal),
    );
    row.target_type = Some("entry");
    row.target_id = Some(entry.id.to_string());
    row.target_name = entry.selection_code.clone();
    if let Declaration::Tie { tie, note } = &declaration {
        row.details = Some(serde_json::json!({ "tie": tie.code(), "note": note, "withdrawn_vote": withdrawn }));
    }
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    notice_back("council-conflict-declared");
    Ok(())
}

pub async fn tally(state: &AppState, fields: &[(&str, &str)]) -> Result<(), AppError> {
    let value = |name: &str| fields.iter().find(|(k, _)| *k == name).map(|(_, v)| *v).unwrap_or("");
    let counts = read_meeting(value)?;
    let now = Timestamp::now();
    // Read and computed before the write lock.
    let mut conn = state.store.pool().acquire().await?;
    let (entry, round, business) = entry_in_round(&mut conn, value("entry")).await?;
    let manager = require_manager(state, &mut conn, &round.id.to_string()).await?;
    if manager.principal().id() == business.owner {
        return Err(CouncilRefusal::TiedToBusiness.into());
    }
    require_open(&mut conn, &round).await?;
    if entry.state != EntryState::Accepted {
        return Err(AppError::NotFound);
    }
    let d = deliberation(&mut conn, &round, None).await?;
    drop(conn);
    let item = d.item(entry.id).ok_or(AppError::NotFound)?;
    if !item.row.figures.reaches {
        return Err(CouncilRefusal::BelowThreshold.into());
    }
    let (recognise, nominate) = counts.tallies(item.standing.voters);
    check_meeting(&recognise, &nominate)?;
    let tally = MeetingTally { recognise, nominate };
    let mut tx = state.store.write().await?;
    rounds::lock_round(&mut tx, round.id).await?;
    let fresh = rounds::get_round(&mut tx, round.id).await?.ok_or(AppError::NotFound)?;
    require_open(&mut tx, &fresh).await?;
    council::record_tally(&mut tx, round.id, entry.id, &tally, manager.principal().id(), now).await?;
    let rules = round.settings.vote_rules();
    let json = |t: &Tally| serde_json::json!({ "for": t.for_votes, "against": t.against, "abstain": t.abstain });
    let mut row = audit_entry(
        crate::domain::audit::AuditAction::CouncilTallyRecorded,
        Some(manager.principal()),
    );
    row.target_type = Some("entry");
    row.target_id = Some(entry.id.to_string());
    row.target_name = entry.selection_code.clone();
    row.details = Some(serde_json::json!({
        "members": item.standing.voters, "present": counts.present,
        "recognise": json(&recognise), "nominate": json(&nominate),
        "recognition": outcome(&recognise, rules, true).code(),
        "nomination": outcome(&nominate, rules, true).code(),
        "replaced_online_votes": !item.standing.from_meeting,
    }));
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    notice_back("tally-recorded");
    Ok(())
}
