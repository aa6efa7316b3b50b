//! The use cases behind `crate::api::judging::board`:
//! The secretariat's board of the jury's work (who scores what, conflicts,
//! each juror's load and what is missing), changing one entry's jurors,
//! and declarations of ties (by the juror, or recorded by the secretariat
//! on their behalf).

use std::collections::BTreeMap;

use crate::auth::principal::Principal;
use crate::db::jury::{self, JuryState};
use crate::db::sheets::{self, SheetRecord};
use crate::db::{audit, entries, round_members, rounds, users};
use crate::domain::audit::AuditAction;
use crate::domain::entry::EntryState;
use crate::domain::ids::{EntryId, UserId};
use crate::domain::jury::{check_declaration, panel_editable, Declaration, JudgingRefusal, Override};
use crate::domain::role::Role;
use crate::domain::scoring::SheetState;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::judging::{Board, BoardEntry, BoardJuror, JurorLoad, SheetMark, Stance};
use crate::service::judging::access::{entry_in_round, group_of, stance, whose};
use crate::service::request::{audit_entry, notice_back, redirect_to};
use crate::service::rounds::access::{require_manager, roles_in};

fn mark(sheet: &SheetRecord) -> SheetMark {
    SheetMark {
        state: sheet.state,
        total: sheet.total,
        from_paper: sheet.from_paper,
    }
}

pub async fn board(state: &AppState, round: &str) -> Result<Board, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let manager = require_manager(state, &mut conn, round).await?;
    let round = manager.round();
    let jury = JuryState::load(&mut conn, round.id).await?;
    let members = round_members::members(&mut conn, round.id).await?;
    let groups = rounds::groups(&mut conn, round.id).await?;
    let name_of: BTreeMap<UserId, String> = members.iter().map(|m| (m.user, m.name.clone())).collect();
    let expected = jury.expected();
    let mut loads: BTreeMap<UserId, JurorLoad> = members
        .iter()
        .filter(|m| m.role == Role::Juror)
        .map(|m| {
            let load = JurorLoad {
                user: m.user,
                name: m.name.clone(),
                groups: m
                    .groups
                    .iter()
                    .filter_map(|g| groups.iter().find(|x| x.id == *g).map(|x| x.number))
                    .collect(),
                assigned: 0,
                conflicts: 0,
                undeclared: 0,
                submitted: 0,
                missing: 0,
            };
            (m.user, load)
        })
        .collect();
    let mut board_entries = Vec::new();
    for e in &jury.entries {
        let assigned = jury.panel.assigned(e.id, e.group);
        let overrides = jury.panel.overrides.get(&e.id);
        let mut jurors = Vec::new();
        for juror in &assigned {
            let key = (e.id, *juror);
            let stance = stance(jury.declarations.get(&key), *juror, e.owner);
            if let Some(load) = loads.get_mut(juror) {
                load.assigned += 1;
                match stance {
                    Stance::Tie(_) | Stance::OwnBusiness => load.conflicts += 1,
                    Stance::Undeclared => load.undeclared += 1,
                    Stance::NoTie => {}
                }
                if jury.is_submitted(&key) {
                    load.submitted += 1;
                } else if expected.contains(&key) {
                    load.missing += 1;
                }
            }
            jurors.push(BoardJuror {
                user: *juror,
                name: name_of.get(juror).cloned().unwrap_or_default(),
                added: overrides.and_then(|o| o.get(juror)) == Some(&Override::Added),
                stance,
                sheet: jury.sheets.get(&key).map(mark),
            });
        }
        let removed = overrides
            .map(|o| {
                o.iter()
                    .filter(|(_, m)| **m == Override::Removed)
                    .map(|(u, _)| (*u, name_of.get(u).cloned().unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        let missing = assigned
            .iter()
            .filter(|j| expected.contains(&(e.id, **j)) && !jury.is_submitted(&(e.id, **j)))
            .count();
        board_entries.push(BoardEntry {
            id: e.id,
            code: e.code.clone(),
            product_name: e.product_name.clone().unwrap_or_default(),
            group: e.group_number,
            business_name: e.business_name.clone(),
            jurors,
            removed,
            missing,
        });
    }
    let (submitted, _) = jury.counts();
    Ok(Board {
        round: round.id,
        round_name: round.settings.name.clone(),
        state: round.state,
        can_edit: panel_editable(round.state),
        jurors: loads.into_values().collect(),
        entries: board_entries,
        submitted,
        expected: expected.len(),
    })
}

pub async fn set_juror(state: &AppState, entry: &str, juror: &str, mode: &str) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let entry_id = EntryId::parse(entry).ok_or(AppError::NotFound)?;
    let entry = entries::get_entry(&mut tx, entry_id).await?.ok_or(AppError::NotFound)?;
    let manager = require_manager(state, &mut tx, &entry.round.to_string()).await?;
    let round = manager.round();
    if !panel_editable(round.state) {
        return Err(JudgingRefusal::PanelClosed.into());
    }
    if entry.state != EntryState::Accepted {
        return Err(JudgingRefusal::NotEligible.into());
    }
    let juror = UserId::parse(juror).ok_or(AppError::NotFound)?;
    let panel = jury::panel(&mut tx, round.id).await?;
    let Some(groups) = panel.jurors.get(&juror) else {
        return Err(JudgingRefusal::NotAJuror.into());
    };
    let group = group_of(&mut tx, round.id, entry.content.group).await?;
    let by_group = group.is_some_and(|g| groups.contains(&g));
    let wanted = match mode {
        "add" => (!by_group).then_some(Override::Added),
        "remove" => by_group.then_some(Override::Removed),
        "reset" => None,
        _ => return Err(AppError::BadRequest),
    };
    let removing = wanted == Some(Override::Removed) || (mode == "reset" && !by_group);
    if removing && sheets::get_sheet(&mut tx, entry.id, juror).await?.is_some() {
        return Err(JudgingRefusal::SheetExists.into());
    }
    jury::set_override(
        &mut tx,
        round.id,
        entry.id,
        juror,
        wanted,
        manager.principal().id(),
        now,
    )
    .await?;
    let name = users::get_user(&mut tx, juror)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let mut row = audit_entry(AuditAction::EntryJurorChanged, Some(manager.principal()));
    row.target_type = Some("entry");
    row.target_id = Some(entry.id.to_string());
    row.target_name = entry.selection_code.clone().or(entry.content.product_name.clone());
    row.details = Some(serde_json::json!({
        "juror": juror.to_string(), "juror_name": name, "mode": mode,
        "after": wanted.map(|w| w.code()),
    }));
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    notice_back("juror-changed");
    Ok(())
}

pub async fn declare(
    state: &AppState,
    principal: Principal,
    entry: &str,
    juror: &str,
    tie: &str,
    note: &str,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let (entry, round, business) = entry_in_round(&mut tx, entry).await?;
    let roles = roles_in(&principal, round.id);
    let (juror, own) = whose(&principal, &roles, juror)?;
    let group = group_of(&mut tx, round.id, entry.content.group).await?;
    let panel = jury::panel(&mut tx, round.id).await?;
    let assigned = entry.state == EntryState::Accepted && panel.assigned(entry.id, group).contains(&juror);
    if own {
        // A juror declares on the entries they score, once judging is on.
        if !assigned || round.state < crate::domain::lifecycle::RoundState::Judging {
            return Err(AppError::NotFound);
        }
    } else if !panel.jurors.contains_key(&juror) {
        return Err(JudgingRefusal::NotAJuror.into());
    } else if !assigned {
        return Err(AppError::NotFound);
    }
    if !panel_editable(round.state) {
        return Err(JudgingRefusal::PanelClosed.into());
    }
    if juror == business.owner {
        return Err(JudgingRefusal::Conflicted.into());
    }
    let declaration = check_declaration(tie, note)?;
    let before = jury::declarations(&mut tx, round.id).await?.remove(&(entry.id, juror));
    let had_tie = matches!(before.as_ref().map(|b| &b.declaration), Some(Declaration::Tie { .. }));
    if own && had_tie && declaration == Declaration::NoTie {
        return Err(JudgingRefusal::TieStays.into());
    }
    if !own {
        crate::domain::jury::may_act_on_entry_of(principal.id(), business.owner)?;
    }
    // Clearing the tie a juror declared themselves needs a reason, kept
    // in the audit log.
    let cleared_reason = (!own && had_tie && declaration == Declaration::NoTie)
        .then(|| crate::domain::text::clean_paragraphs("note", note, 1000, true))
        .transpose()?
        .flatten();
    if !own && had_tie && declaration == Declaration::NoTie && cleared_reason.is_none() {
        return Err(
            crate::domain::validation::FieldError::new("note", crate::domain::validation::Problem::Required).into(),
        );
    }
    if let Declaration::Tie { .. } = declaration {
        let sheet = sheets::get_sheet(&mut tx, entry.id, juror).await?;
        if sheet.as_ref().is_some_and(|s| s.state == SheetState::Submitted) {
            return Err(JudgingRefusal::SheetLocked.into());
        }
        // A draft scored before the tie came to light is void.
        sheets::delete_draft(&mut tx, entry.id, juror).await?;
    }
    jury::declare(&mut tx, round.id, entry.id, juror, &declaration, principal.id(), now).await?;
    let describe = |d: &Declaration| match d {
        Declaration::NoTie => serde_json::json!({ "tie": null }),
        Declaration::Tie { tie, note } => serde_json::json!({ "tie": tie.code(), "note": note }),
    };
    let name = users::get_user(&mut tx, juror)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let action = if own {
        AuditAction::ConflictDeclared
    } else {
        AuditAction::ConflictRecorded
    };
    let mut row = audit_entry(action, Some(&principal));
    row.target_type = Some("entry");
    row.target_id = Some(entry.id.to_string());
    row.target_name = entry.selection_code.clone().or(entry.content.product_name.clone());
    row.details = Some(serde_json::json!({
        "juror": juror.to_string(), "juror_name": name,
        "before": before.as_ref().map(|b| describe(&b.declaration)),
        "after": describe(&declaration),
        "reason": cleared_reason,
    }));
    audit::append(&mut tx, row).await?;
    tx.commit().await?;
    match (own, &declaration) {
        // The entry has left the juror's list: back to the list.
        (true, Declaration::Tie { .. }) => redirect_to("/judging?notice=conflict-declared"),
        (true, Declaration::NoTie) => notice_back("declared"),
        (false, _) => notice_back("conflict-recorded"),
    }
    Ok(())
}
