//! Sub-criteria under a criterion group, per product group (the round's
//! administrators and secretaries), until scoring begins.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::domain::criteria::SubCriterionRow;
use crate::error::AppError;

/// Replaces the sub-criteria of one criterion group for one product
/// group. The rows are checked as a whole (their maxima must add up to the
/// group's maximum); blank rows are ignored; no rows scores the criterion
/// group as one line.
#[server(endpoint = "save_sub_criteria")]
pub async fn save_sub_criteria(
    round: String,
    criterion: String,
    group: String,
    rows: Option<Vec<SubCriterionRow>>,
) -> Result<(), AppError> {
    let rows = rows.unwrap_or_default();
    let result = boundary::with_state(async |state| imp::save(state, &round, &criterion, &group, &rows).await).await;
    let memory: Vec<(String, String)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            [
                (format!("rows[{i}][name_vi]"), r.name_vi.clone()),
                (format!("rows[{i}][name_en]"), r.name_en.clone()),
                (format!("rows[{i}][max]"), r.max.clone()),
                (format!("rows[{i}][guidance]"), r.guidance.clone()),
            ]
        })
        .collect();
    let memory: Vec<(&str, &str)> = memory.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    boundary::finish_form(result, SaveSubCriteria::PATH, &memory)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::rounds::criteria as imp;
