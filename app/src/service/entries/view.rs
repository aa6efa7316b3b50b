//! The use cases behind `crate::api::entries::view`:
//! Reading entries: the entrant's dashboard and one entry in full.

use crate::auth::principal::Principal;
use crate::db::entries::{self, count_files, FileRecord};
use crate::db::{businesses, geography, rounds};
use crate::domain::business::check_business;
use crate::domain::entry::{missing, EntryForm, Missing};
use crate::domain::lifecycle::{entries_accepted, RoundState};
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::entries::{EntryDetail, EntrySummary, FileView, MyEntries, OpenRound};
use crate::model::rounds::Named;
use crate::service::entries::access::{load, Relation};
use crate::service::rounds::view::Names;

pub fn file_view(f: &FileRecord) -> FileView {
    FileView {
        id: f.id,
        kind: f.kind,
        mime: f.file_type.mime().to_owned(),
        name: f.display_name.clone(),
        size: f.size,
        has_thumb: f.thumb_hash.is_some(),
    }
}

pub async fn mine(state: &AppState, principal: Principal) -> Result<MyEntries, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let business = businesses::business_of(&mut conn, principal.id()).await?;
    let names = Names::load(&mut conn).await?;
    let now = Timestamp::now();
    let open_rounds = rounds::rounds_in_states(&mut conn, &[RoundState::Open])
        .await?
        .into_iter()
        .filter(|r| entries_accepted(r.state, r.settings.entries_open, r.settings.entries_close, now))
        .map(|r| {
            let summary = names.summary(&r, Vec::new());
            OpenRound {
                id: r.id,
                name: summary.name,
                level: summary.level,
                territory: summary.territory,
                entries_close: r.settings.entries_close,
            }
        })
        .collect();
    let mut list = Vec::new();
    if let Some(business) = &business {
        // The business's entries with their rounds, results and
        // certificates, in a fixed number of statements.
        let mine = entries::entries_of_business(&mut conn, business.id).await?;
        let ids: Vec<_> = mine.iter().map(|e| e.id).collect();
        let mut round_ids: Vec<_> = mine.iter().map(|e| e.round).collect();
        round_ids.sort();
        round_ids.dedup();
        let rounds: std::collections::BTreeMap<_, _> = rounds::rounds_by_ids(&mut conn, &round_ids)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let results: std::collections::BTreeMap<_, _> = crate::db::council::results_of_entries(&mut conn, &ids)
            .await?
            .into_iter()
            .map(|r| (r.entry, (r.recognised, r.nominated)))
            .collect();
        let mut certificates = crate::db::council::certificates_of_entries(&mut conn, &ids).await?;
        for e in mine {
            let round = rounds.get(&e.round).cloned();
            let decided = round.as_ref().is_some_and(|r| r.state >= RoundState::Decided);
            let (outcome, certificate) = if decided {
                (results.get(&e.id).copied(), certificates.remove(&e.id))
            } else {
                (None, None)
            };
            let published = round.as_ref().is_some_and(|r| r.state >= RoundState::Published);
            list.push(EntrySummary {
                id: e.id,
                round: e.round,
                round_name: round.as_ref().map(|r| r.settings.name.clone()).unwrap_or_default(),
                product_name: e.content.product_name.clone(),
                state: e.state,
                entries_close: round.map(|r| r.settings.entries_close).unwrap_or_default(),
                message: e.message.clone(),
                updated_at: e.updated_at,
                submitted_at: e.submitted_at,
                outcome,
                certificate_revoked: certificate.as_ref().is_some_and(|c| c.revoked.is_some()),
                certificate: certificate.map(|c| (c.number, c.valid_until)),
                published: published && e.state == crate::domain::entry::EntryState::Accepted,
            });
        }
    }
    Ok(MyEntries {
        has_business: business.is_some(),
        entries: list,
        open_rounds,
    })
}

pub async fn detail(state: &AppState, principal: Principal, id: &str) -> Result<EntryDetail, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let ctx = load(&mut conn, &principal, id).await?;
    let files = entries::files_of(&mut conn, ctx.entry.id).await?;
    let groups = rounds::groups(&mut conn, ctx.round.id).await?;
    let level = geography::get_level(&mut conn, ctx.round.level).await?;
    let needs_lower_certificate = level.is_some_and(|l| l.rank >= 3);
    let profile_complete = check_business(&ctx.business.business.to_form()).is_ok();
    let missing: Vec<Missing> = missing(
        &ctx.entry.content,
        count_files(&files),
        profile_complete,
        needs_lower_certificate,
    );
    let is_owner = ctx.relation == Relation::Owner;
    let nominated_with =
        crate::service::nominations::carried(&mut conn, ctx.entry.id, crate::domain::time::Timestamp::now()).await?;
    Ok(EntryDetail {
        nominated_with,
        id: ctx.entry.id,
        round: ctx.round.id,
        round_name: ctx.round.settings.name.clone(),
        round_state: ctx.round.state,
        entries_open: ctx.round.settings.entries_open,
        entries_close: ctx.round.settings.entries_close,
        state: ctx.entry.state,
        version: ctx.entry.version,
        form: EntryForm::from_content(&ctx.entry.content),
        groups: groups
            .into_iter()
            .map(|g| {
                (
                    g.number,
                    Named {
                        vi: g.name_vi,
                        en: g.name_en,
                    },
                )
            })
            .collect(),
        total_bytes: files.iter().map(|f| f.size).sum(),
        files: files.iter().map(file_view).collect(),
        missing,
        message: ctx.entry.message.clone(),
        business_name: ctx.business.business.name.clone(),
        is_owner,
        is_secretary: ctx.relation == Relation::Secretariat,
        selection_code: ctx.entry.selection_code.clone(),
        can_edit: is_owner && ctx.entry.state.editable(),
        needs_lower_certificate,
        max_file_bytes: state.config.max_file_bytes,
        max_entry_bytes: state.config.max_entry_bytes,
    })
}
