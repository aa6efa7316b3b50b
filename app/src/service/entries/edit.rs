//! The use cases behind `crate::api::entries::edit`:
//! The entrant's acts on an entry: start it, save it (as often as they
//! like), submit it, withdraw it before the deadline, remove a file.

use crate::auth::principal::Principal;
use crate::auth::standing::EntryOwner;
use crate::db::entries::{self, count_files};
use crate::db::outbox::NewMessage;
use crate::db::{audit, businesses, geography, rounds, users};
use crate::domain::audit::AuditAction;
use crate::domain::business::check_business;
use crate::domain::entry::{
    check_entry_form, check_start, check_submit, check_withdraw, missing, EntryForm, EntryState,
};
use crate::domain::ids::{EntryId, FileId, RoundId};
use crate::domain::time::Timestamp;
use crate::domain::upload::UploadRefusal;
use crate::error::AppError;
use crate::i18n::{Arg, I18n, Lang};
use crate::infra::state::AppState;
use crate::service::entries::access::load_own;
use crate::service::request::{audit_entry, notice_back, redirect_to};

pub fn form_memory(form: &EntryForm) -> Vec<(&'static str, String)> {
    vec![
        ("product_name", form.product_name.clone()),
        ("is_set", form.is_set.clone().unwrap_or_default()),
        ("set_items", form.set_items.clone()),
        ("group", form.group.clone()),
        ("description", form.description.clone()),
        ("materials", form.materials.clone()),
        ("process", form.process.clone()),
        ("capacity", form.capacity.clone()),
        ("markets", form.markets.clone()),
        ("workers", form.workers.clone()),
        ("environment", form.environment.clone()),
        ("culture", form.culture.clone()),
        ("standards", form.standards.clone()),
        ("awards", form.awards.clone()),
    ]
}

fn entry_audit(principal: &Principal, action: AuditAction, ctx: &EntryOwner) -> crate::db::audit::AuditEntry {
    let mut entry = audit_entry(action, Some(principal));
    entry.target_type = Some("entry");
    entry.target_id = Some(ctx.entry().id.to_string());
    entry.target_name = Some(
        ctx.entry()
            .content
            .product_name
            .clone()
            .unwrap_or_else(|| ctx.business().business.name.clone()),
    );
    entry
}

pub async fn start(state: &AppState, principal: Principal, round: &str) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let business = businesses::business_of(&mut tx, principal.id())
        .await?
        .ok_or(AppError::BusinessProfileNeeded)?;
    let round = match RoundId::parse(round) {
        Some(id) => rounds::get_round(&mut tx, id).await?,
        None => None,
    }
    .ok_or(AppError::NotFound)?;
    check_start(
        round.state,
        round.settings.entries_open,
        round.settings.entries_close,
        now,
    )
    .map_err(AppError::EntryRefused)?;
    let count = entries::entries_of_business_in_round(&mut tx, business.id, round.id).await?;
    crate::domain::entry::check_entries_per_business(count, state.config.max_entries_per_business)
        .map_err(AppError::EntryRefused)?;
    let id = EntryId::new();
    entries::insert_entry(&mut tx, id, round.id, business.id, now).await?;
    let mut entry = audit_entry(AuditAction::EntryStarted, Some(&principal));
    entry.target_type = Some("entry");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(business.business.name.clone());
    entry.details = Some(serde_json::json!({ "round": round.id.to_string() }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    redirect_to(&format!("/entries/{id}"));
    Ok(())
}

pub async fn save(
    state: &AppState,
    principal: Principal,
    id: &str,
    version: i64,
    form: &EntryForm,
) -> Result<i64, AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load_own(&mut tx, &principal, id).await?;
    if !ctx.entry().state.editable() {
        return Err(AppError::EntryRefused(crate::domain::entry::EntryRefusal::WrongState(
            ctx.entry().state,
        )));
    }
    let numbers: Vec<i64> = rounds::groups(&mut tx, ctx.round().id)
        .await?
        .into_iter()
        .map(|g| g.number)
        .collect();
    let content = check_entry_form(form, &numbers)?;
    let new_version = entries::save_content(&mut tx, ctx.entry().id, version, &content, now)
        .await?
        .ok_or(AppError::Conflict)?;
    tx.commit().await?;
    notice_back("entry-saved");
    Ok(new_version)
}

/// Queues a message to the business (its e-mail, else the account's).
async fn tell_business(
    state: &crate::infra::state::AppState,
    conn: &mut crate::db::Conn,
    ctx: &EntryOwner,
    key: &str,
    extra: &[(&str, String)],
) -> Result<(), AppError> {
    let account_email = users::get_user(conn, ctx.business().owner).await?.and_then(|u| u.email);
    let Some(to) = ctx.business().business.email.clone().or(account_email) else {
        return Ok(());
    };
    let product = ctx.entry().content.product_name.clone().unwrap_or_default();
    let link = state.config.link(&format!("/entries/{}", ctx.entry().id));
    let text = |lang: Lang, part: &str| {
        let mut args = vec![
            ("product", Arg::Text(product.clone())),
            ("round", Arg::Text(ctx.round().settings.name.clone())),
            ("link", Arg::Text(link.clone())),
        ];
        args.extend(extra.iter().map(|(k, v)| (*k, Arg::Text(v.clone()))));
        I18n::new(lang).t_with(&format!("{key}-{part}"), &args)
    };
    let message = NewMessage {
        to,
        subject: format!("{} / {}", text(Lang::Vi, "subject"), text(Lang::En, "subject")),
        body: format!("{}\n\n----------\n\n{}", text(Lang::Vi, "body"), text(Lang::En, "body")),
        kind: "entry",
    };
    state.mail.queue(conn, &message).await?;
    Ok(())
}

pub async fn submit(state: &AppState, principal: Principal, id: &str) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load_own(&mut tx, &principal, id).await?;
    let files = entries::files_of(&mut tx, ctx.entry().id).await?;
    let level = geography::get_level(&mut tx, ctx.round().level).await?;
    let profile_complete = check_business(&ctx.business().business.to_form()).is_ok();
    let missing = missing(
        &ctx.entry().content,
        count_files(&files),
        profile_complete,
        level.is_some_and(|l| l.rank >= 3),
    );
    let s = &ctx.round().settings;
    check_submit(
        ctx.entry().state,
        ctx.round().state,
        s.entries_open,
        s.entries_close,
        now,
        missing,
    )
    .map_err(AppError::EntryRefused)?;
    if !entries::set_state(
        &mut tx,
        ctx.entry().id,
        ctx.entry().state,
        EntryState::Submitted,
        None,
        now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    let mut entry = entry_audit(&principal, AuditAction::EntrySubmitted, &ctx);
    entry.details = Some(serde_json::json!({
        "before": ctx.entry().state.code(),
        "after": "submitted",
        "files": files.len(),
        "correction": ctx.entry().state == EntryState::Returned,
    }));
    audit::append(&mut tx, entry).await?;
    tell_business(state, &mut tx, &ctx, "mail-submitted", &[("time", now.vn_datetime())]).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("entry-submitted");
    Ok(())
}

pub async fn withdraw(state: &AppState, principal: Principal, id: &str) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load_own(&mut tx, &principal, id).await?;
    let s = &ctx.round().settings;
    check_withdraw(
        ctx.entry().state,
        ctx.round().state,
        s.entries_open,
        s.entries_close,
        now,
    )
    .map_err(AppError::EntryRefused)?;
    if !entries::set_state(
        &mut tx,
        ctx.entry().id,
        EntryState::Submitted,
        EntryState::Draft,
        None,
        now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    let mut entry = entry_audit(&principal, AuditAction::EntryWithdrawn, &ctx);
    entry.details = Some(serde_json::json!({ "before": "submitted", "after": "draft" }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("entry-withdrawn");
    Ok(())
}

pub async fn delete_file(state: &AppState, principal: Principal, id: &str, file: &str) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let ctx = load_own(&mut tx, &principal, id).await?;
    if !ctx.entry().state.editable() {
        return Err(AppError::UploadRefused(UploadRefusal::EntryLocked));
    }
    let file = FileId::parse(file).ok_or(AppError::NotFound)?;
    let record = entries::get_file(&mut tx, file)
        .await?
        .filter(|f| f.entry == ctx.entry().id)
        .ok_or(AppError::NotFound)?;
    entries::delete_file(&mut tx, record.id).await?;
    let mut entry = entry_audit(&principal, AuditAction::EntryFileRemoved, &ctx);
    entry.details = Some(serde_json::json!({
        "file": record.id.to_string(), "kind": record.kind.code(), "name": record.display_name, "hash": record.content_hash,
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("file-removed");
    Ok(())
}
