//! The use cases behind `crate::api::statistics`:
//! The programme's public figures across rounds whose results are
//! published (see `domain/statistics.rs`).

use crate::db::{statistics, Conn};
use crate::domain::statistics::{breakdown, score_bands, Line};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::statistics::Statistics;

pub async fn statistics(state: &AppState) -> Result<Statistics, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    statistics_from(&mut conn).await
}

/// The figures, from the store.
pub async fn statistics_from(conn: &mut Conn) -> Result<Statistics, AppError> {
    let facts = statistics::published_facts(conn).await?;
    let total = Line {
        vi: "Tổng cộng".into(),
        en: "Total".into(),
        entries: facts.len(),
        recognised: facts.iter().filter(|f| f.recognised).count(),
    };
    Ok(Statistics {
        total,
        by_group: breakdown(&facts, |f| match &f.group {
            Some((n, vi, en)) => (*n, format!("{n}. {vi}"), format!("{n}. {en}")),
            None => (0, "—".into(), "—".into()),
        }),
        by_territory: breakdown(&facts, |f| {
            (f.territory.0.clone(), f.territory.0.clone(), f.territory.1.clone())
        }),
        by_level: breakdown(&facts, |f| (f.level.0, f.level.1.clone(), f.level.2.clone())),
        by_year: breakdown(&facts, |f| (f.year, f.year.to_string(), f.year.to_string())),
        score_bands: score_bands(&facts),
    })
}
