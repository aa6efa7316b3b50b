//! The use cases behind `crate::api::council::feedback`:
//! The entrant's feedback once the round's results are published: the
//! official score, the mean per criterion group and the jurors' comments,
//! never the jurors' names.

use crate::auth::principal::Principal;
use crate::db::jury::JuryState;
use crate::db::{council, sheets};
use crate::domain::council::CouncilRefusal;
use crate::domain::entry::EntryState;
use crate::domain::lifecycle::RoundState;
use crate::domain::report::Mean;
use crate::domain::role::Role;
use crate::domain::scoring::SheetState;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::council::EntryFeedback;
use crate::service::council::report::build;
use crate::service::judging::access::entry_in_round;
use crate::service::rounds::access::roles_in;

pub async fn feedback(state: &AppState, principal: Principal, entry: &str) -> Result<EntryFeedback, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let (entry, round, business) = entry_in_round(&mut conn, entry).await?;
    let roles = roles_in(&principal, round.id);
    let may = business.owner == principal.id() || principal.is_administrator() || roles.contains(&Role::Secretary);
    if !may {
        return Err(if roles.is_empty() {
            AppError::NotFound
        } else {
            AppError::Forbidden
        });
    }
    if round.state < RoundState::Published {
        return Err(CouncilRefusal::NotPublished.into());
    }
    if entry.state != EntryState::Accepted {
        return Err(AppError::NotFound);
    }
    let report = build(&mut conn, &round).await?;
    let row = report
        .groups
        .iter()
        .flat_map(|g| g.rows.iter())
        .find(|r| r.entry == entry.id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let result = council::results_of_round(&mut conn, round.id)
        .await?
        .into_iter()
        .find(|r| r.entry == entry.id);
    // The score the decision fixed stands, should anything move after.
    let official = match result {
        Some(r) if r.score_count > 0 => Some(Mean {
            sum: r.score_sum,
            count: r.score_count,
        }),
        _ => row.figures.official,
    };
    let certificate = council::certificate_of_entry(&mut conn, entry.id)
        .await?
        .map(|c| (c.number, c.valid_until));
    let expected = JuryState::load(&mut conn, round.id).await?.expected();
    let mut comments: Vec<String> = sheets::sheets_of_round(&mut conn, round.id)
        .await?
        .into_iter()
        .filter(|s| s.entry == entry.id && s.state == SheetState::Submitted && expected.contains(&(s.entry, s.juror)))
        .filter_map(|s| s.comment.filter(|c| !c.trim().is_empty()))
        .collect();
    // Sorted, so the order tells nothing about who wrote what.
    comments.sort();
    Ok(EntryFeedback {
        entry: entry.id,
        code: row.code,
        product: row.product,
        round_name: round.settings.name.clone(),
        threshold: round.settings.threshold,
        official,
        sheets: row.figures.sheets,
        criteria: report.criteria,
        per_criterion: row.figures.per_criterion,
        recognised: result.is_some_and(|r| r.recognised),
        nominated: result.is_some_and(|r| r.nominated),
        certificate,
        comments,
    })
}
