//! The use cases behind `crate::api::entries::screening`:
//! The secretariat's screening of submitted entries: the list to work
//! through, and the three outcomes for each entry: accepted (with its
//! selection code), returned for correction (with a message), or not
//! eligible (with the reason). The entrant is told by e-mail and sees the
//! outcome on their dashboard.

use crate::auth::principal::Principal;
use crate::db::outbox::NewMessage;
use crate::db::{audit, businesses, entries, rounds, users, Tx};
use crate::domain::audit::AuditAction;
use crate::domain::entry::{check_message, check_return, check_screen, code_sequence, selection_code, EntryState};
use crate::domain::text::clean_paragraphs;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::i18n::{Arg, I18n, Lang};
use crate::infra::state::AppState;
use crate::model::entries::screening::ScreeningRow;
use crate::service::entries::access::{load, EntryContext, Relation};
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::require_manager;

pub async fn list(state: &AppState, round: &str) -> Result<Vec<ScreeningRow>, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let manager = require_manager(state, &mut conn, round).await?;
    let now = Timestamp::now();
    let mut carried = crate::service::nominations::describe_arrived(&mut conn, manager.round().id, now).await?;
    let names: std::collections::HashMap<_, _> = businesses::entries_with_business(&mut conn, manager.round().id)
        .await?
        .into_iter()
        .map(|(entry, _, _, b)| (entry, b.business.name))
        .collect();
    let mut rows = Vec::new();
    for e in entries::entries_of_round(&mut conn, manager.round().id).await? {
        rows.push(ScreeningRow {
            id: e.id,
            product_name: e.content.product_name.clone(),
            business_name: names.get(&e.id).cloned().unwrap_or_default(),
            group: e.content.group,
            state: e.state,
            selection_code: e.selection_code.clone(),
            submitted_at: e.submitted_at,
            nominated_with: carried.remove(&e.id),
        });
    }
    Ok(rows)
}

/// The entry, for a secretary of its round.
async fn load_for_screening(tx: &mut Tx, principal: &Principal, id: &str) -> Result<EntryContext, AppError> {
    let ctx = load(tx, principal, id).await?;
    if ctx.relation != Relation::Secretariat {
        return Err(AppError::Forbidden);
    }
    Ok(ctx)
}

fn audit_row(action: AuditAction, principal: &Principal, ctx: &EntryContext) -> crate::db::audit::AuditEntry {
    let mut entry = audit_entry(action, Some(principal));
    entry.target_type = Some("entry");
    entry.target_id = Some(ctx.entry.id.to_string());
    entry.target_name = ctx.entry.content.product_name.clone();
    entry
}

/// Queues an e-mail to the entering business, in both languages:
/// `mail-<kind>-subject` and `mail-<kind>-body` with the product, the
/// round, `detail` (message, reason or code) and the entry's link.
async fn tell_entrant(
    state: &AppState,
    tx: &mut Tx,
    ctx: &EntryContext,
    kind: &str,
    detail: &str,
) -> Result<(), AppError> {
    let account_email = users::get_user(tx, ctx.business.owner).await?.and_then(|u| u.email);
    let Some(to) = ctx.business.business.email.clone().or(account_email) else {
        return Ok(());
    };
    let link = state.config.link(&format!("/entries/{}", ctx.entry.id));
    let text = |lang: Lang, part: &str| {
        I18n::new(lang).t_with(
            &format!("mail-{kind}-{part}"),
            &[
                (
                    "product",
                    Arg::Text(ctx.entry.content.product_name.clone().unwrap_or_default()),
                ),
                ("round", Arg::Text(ctx.round.settings.name.clone())),
                ("message", Arg::Text(detail.to_owned())),
                ("link", Arg::Text(link.clone())),
            ],
        )
    };
    let mail = NewMessage {
        to,
        subject: format!("{} / {}", text(Lang::Vi, "subject"), text(Lang::En, "subject")),
        body: format!("{}\n\n----------\n\n{}", text(Lang::Vi, "body"), text(Lang::En, "body")),
        kind: "entry",
    };
    state.mail.queue(tx, &mail).await?;
    Ok(())
}

pub async fn return_entry(state: &AppState, principal: Principal, id: &str, message: &str) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load_for_screening(&mut tx, &principal, id).await?;
    let message = check_message(message)?;
    check_return(ctx.entry.state, ctx.round.state).map_err(AppError::EntryRefused)?;
    if !entries::set_state(
        &mut tx,
        ctx.entry.id,
        EntryState::Submitted,
        EntryState::Returned,
        Some(&message),
        now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    let mut row = audit_row(AuditAction::EntryReturned, &principal, &ctx);
    row.details = Some(serde_json::json!({ "before": "submitted", "after": "returned", "message": message }));
    audit::append(&mut tx, row).await?;
    tell_entrant(state, &mut tx, &ctx, "returned", &message).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("entry-returned");
    Ok(())
}

pub async fn accept(state: &AppState, principal: Principal, id: &str) -> Result<String, AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load_for_screening(&mut tx, &principal, id).await?;
    check_screen(ctx.entry.state, ctx.round.state, EntryState::Accepted).map_err(AppError::EntryRefused)?;
    // An entry nominated from below carries its certificate, which
    // must still be valid.
    crate::service::nominations::check_carried(&mut tx, ctx.entry.id, now).await?;
    // Codes are numbered within the product group; the round's lock
    // makes two secretaries accepting at once take turns.
    rounds::lock_round(&mut tx, ctx.round.id).await?;
    let group = ctx.entry.content.group.unwrap_or(0);
    let last = entries::selection_codes(&mut tx, ctx.round.id)
        .await?
        .iter()
        .filter_map(|c| code_sequence(c, group))
        .max()
        .unwrap_or(0);
    let code = selection_code(group, last + 1);
    if !entries::accept(&mut tx, ctx.entry.id, &code, now).await? {
        return Err(AppError::Conflict);
    }
    let mut row = audit_row(AuditAction::EntryAccepted, &principal, &ctx);
    row.details = Some(serde_json::json!({ "before": "submitted", "after": "accepted", "code": code }));
    audit::append(&mut tx, row).await?;
    tell_entrant(state, &mut tx, &ctx, "accepted", &code).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("entry-accepted");
    Ok(code)
}

pub async fn reject(state: &AppState, principal: Principal, id: &str, reason: &str) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load_for_screening(&mut tx, &principal, id).await?;
    let reason = clean_paragraphs("reason", reason, 2000, true)?.unwrap_or_default();
    let before = ctx.entry.state;
    check_screen(before, ctx.round.state, EntryState::Ineligible).map_err(AppError::EntryRefused)?;
    if !entries::set_state(
        &mut tx,
        ctx.entry.id,
        before,
        EntryState::Ineligible,
        Some(&reason),
        now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    let mut row = audit_row(AuditAction::EntryIneligible, &principal, &ctx);
    row.details = Some(serde_json::json!({ "before": before.code(), "after": "ineligible", "reason": reason }));
    audit::append(&mut tx, row).await?;
    tell_entrant(state, &mut tx, &ctx, "ineligible", &reason).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("entry-rejected");
    Ok(())
}
