//! The use cases behind `crate::api::results`:
//! A round's public results, once its secretary publishes them: the
//! recognised products per group with a photo, the business and its
//! commune, the certificate and, if the round shows them, the official
//! scores. Nothing of a round shows here before publication; jurors'
//! names and private files never do.

use crate::api::boundary::app_state;
use crate::api::results::{ResultGroup, ResultItem, RoundResults};
use crate::api::rounds::Named;
use crate::db::{council, entries, rounds, Conn};
use crate::domain::report::Mean;
use crate::domain::upload::FileKind;
use crate::error::AppError;
use crate::service::rounds::access::{load, place_names};

pub async fn results(id: &str) -> Result<RoundResults, AppError> {
    let state = app_state()?;
    let mut conn = state.store.pool().acquire().await?;
    results_for(&mut conn, id).await
}

/// The public results of round `id` (anyone; not found before
/// publication).
pub async fn results_for(conn: &mut Conn, id: &str) -> Result<RoundResults, AppError> {
    let round = load(conn, id).await?;
    if !round.state.results_public() {
        // Before publication the public does not learn the round's results exist.
        return Err(AppError::NotFound);
    }
    let decision = council::decision(conn, round.id).await?.ok_or(AppError::NotFound)?;
    let results = council::results_of_round(conn, round.id).await?;
    let certificates = council::certificates_of_round(conn, round.id).await?;
    let sets = council::sets_of_round(conn, round.id).await?;
    let (level, territory) = place_names(conn, &round).await?;
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
    // Everything below is read set-wise: the entries with their
    // businesses and every file of the round, once each.
    let names = crate::service::council::certificate::RoundNames::load(conn, &round).await?;
    let files = entries::files_of_round(conn, round.id).await?;
    for result in results.iter().filter(|r| r.recognised) {
        let Some((product, group, current)) = names.entry(result.entry) else {
            continue;
        };
        let set = sets.iter().find(|s| s.entries.contains(&result.entry));
        let certificate = certificates
            .iter()
            .find(|c| c.entry == result.entry || (c.set.is_some() && c.set == set.map(|s| s.id)));
        // The business as its certificate names it (fixed at the
        // decision), not as its profile reads today.
        let b = certificate
            .and_then(|c| c.names.as_ref())
            .map_or(current, |n| &n.business);
        let photo = files
            .get(&result.entry)
            .and_then(|f| f.iter().find(|f| f.kind == FileKind::Photo && f.thumb_hash.is_some()))
            .map(|f| f.id);
        let item = ResultItem {
            entry: result.entry,
            product: product.unwrap_or_default().to_owned(),
            business: b.name.clone(),
            place: [b.commune.as_str(), b.province.as_str()]
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            photo,
            certificate: certificate.map(|c| c.number.clone()),
            set: set.map(|s| s.name.clone()),
            nominated: result.nominated,
            score: (round.settings.show_scores && result.score_count > 0).then(|| {
                Mean {
                    sum: result.score_sum,
                    count: result.score_count,
                }
                .rounded()
            }),
        };
        if let Some(group) = groups.iter_mut().find(|g| Some(g.number) == group) {
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
        entries: results.len(),
        show_scores: round.settings.show_scores,
        groups,
    })
}
