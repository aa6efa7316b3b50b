//! The use cases behind `crate::api::results`:
//! A round's public results, once its secretary publishes them: the
//! recognised products per group with a photo, the business and its
//! commune, the certificate and, if the round shows them, the official
//! scores. Nothing of a round shows here before publication; jurors'
//! names and private files never do.

use crate::db::{council, rounds, Conn};
use crate::domain::ids::RoundId;
use crate::domain::report::Mean;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::results::{ResultGroup, ResultItem, RoundResults};
use crate::model::rounds::Named;

pub async fn results(state: &AppState, id: &str) -> Result<RoundResults, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    results_for(&mut conn, id).await
}

/// The public results of round `id` (anyone; not found before
/// publication).
pub async fn results_for(conn: &mut Conn, id: &str) -> Result<RoundResults, AppError> {
    // The round, its decision and its place's names in one statement.
    let id = RoundId::parse(id).ok_or(AppError::NotFound)?;
    let header = council::round_header(conn, id).await?.ok_or(AppError::NotFound)?;
    let round = header.round;
    if !round.state.results_public() {
        // Before publication the public does not learn the round's results exist.
        return Err(AppError::NotFound);
    }
    let decision = header.decision.ok_or(AppError::NotFound)?;
    let named = |pair: Option<(String, String)>| pair.map(|(vi, en)| Named { vi, en }).unwrap_or_default();
    let (level, territory) = (named(header.level), named(header.territory));
    let mut groups: Vec<ResultGroup> = rounds::groups(conn, round.id)
        .await?
        .into_iter()
        .map(|g| ResultGroup {
            number: g.number,
            name: Named {
                vi: g.name_vi,
                en: g.name_en,
            },
            items: Vec::new(),
        })
        .collect();
    // Read set-wise, one row per recognised entry: the page never decodes
    // the round's other entries or their files.
    let (listed, considered) = council::recognised_listing(conn, round.id).await?;
    for listing in listed {
        let result = &listing.result;
        let place = [listing.commune.as_str(), listing.province.as_str()]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let item = ResultItem {
            entry: result.entry,
            product: listing.product.clone().unwrap_or_default(),
            business: listing.business.clone(),
            place,
            photo: listing.photo,
            certificate: listing.certificate.clone(),
            set: listing.set.clone(),
            nominated: result.nominated,
            score: (round.settings.show_scores && result.score_count > 0).then(|| {
                Mean {
                    sum: result.score_sum,
                    count: result.score_count,
                }
                .rounded()
            }),
        };
        if let Some(group) = groups.iter_mut().find(|g| Some(g.number) == listing.group) {
            group.items.push(item);
        }
    }
    for group in &mut groups {
        group
            .items
            .sort_by(|a, b| a.certificate.cmp(&b.certificate).then(a.product.cmp(&b.product)));
    }
    Ok(RoundResults {
        round: round.id,
        name: round.settings.name.clone(),
        year: round.settings.year,
        level,
        territory,
        decision_number: decision.number,
        decided_on: decision.decided_on,
        issuer: decision.issuer,
        entries: considered,
        show_scores: round.settings.show_scores,
        groups,
    })
}
