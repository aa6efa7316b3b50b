//! Creating a round (administrators), from the official defaults or by
//! copying an earlier round's configuration.

// The server function takes the settings form's fields one by one, as the
// plain HTML form posts them.
#![allow(clippy::too_many_arguments)]

pub use crate::model::rounds::create::*;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::domain::round::RoundSettingsForm;
use crate::error::AppError;

/// What the form offers and starts with.
#[server(endpoint = "new_round_options")]
pub async fn get_new_round_options() -> Result<NewRoundOptions, AppError> {
    boundary::finish(boundary::as_administrator(async |state, admin| imp::options(state, admin).await).await)
}

/// Creates a round as a draft and opens its page.
#[server(endpoint = "create_round")]
pub async fn create_round(
    level: String,
    territory: String,
    parent_round: Option<String>,
    copy_from: Option<String>,
    title: String,
    year: String,
    entries_open: String,
    entries_close: String,
    judging_close: String,
    threshold: String,
    quorum_percent: String,
    majority_percent: String,
    tie_recognises: Option<String>,
    certificate_pattern: String,
    show_scores: Option<String>,
    score_step: String,
    spread_flag: String,
) -> Result<(), AppError> {
    let form = RoundSettingsForm {
        name: title,
        year,
        entries_open,
        entries_close,
        judging_close,
        threshold,
        quorum_percent,
        majority_percent,
        tie_recognises,
        certificate_pattern,
        show_scores,
        score_step,
        spread_flag,
    };
    let result = boundary::as_administrator(async |state, admin| {
        imp::create(
            state,
            admin,
            &level,
            &territory,
            parent_round.as_deref(),
            copy_from.as_deref(),
            &form,
        )
        .await
    })
    .await;
    let mut memory = settings_memory(&form);
    for (key, value) in [
        ("level", level.as_str()),
        ("territory", territory.as_str()),
        ("parent_round", parent_round.as_deref().unwrap_or_default()),
        ("copy_from", copy_from.as_deref().unwrap_or_default()),
    ] {
        memory.push((key, value.to_owned()));
    }
    let memory: Vec<(&str, &str)> = memory.iter().map(|(k, v)| (*k, v.as_str())).collect();
    boundary::finish_form(result, CreateRound::PATH, &memory)
}

/// The settings form's values as `(field, value)` pairs, to keep after a
/// failed plain post.
pub fn settings_memory(form: &RoundSettingsForm) -> Vec<(&'static str, String)> {
    vec![
        ("title", form.name.clone()),
        ("year", form.year.clone()),
        ("entries_open", form.entries_open.clone()),
        ("entries_close", form.entries_close.clone()),
        ("judging_close", form.judging_close.clone()),
        ("threshold", form.threshold.clone()),
        ("quorum_percent", form.quorum_percent.clone()),
        ("majority_percent", form.majority_percent.clone()),
        ("tie_recognises", form.tie_recognises.clone().unwrap_or_default()),
        ("certificate_pattern", form.certificate_pattern.clone()),
        ("show_scores", form.show_scores.clone().unwrap_or_default()),
        ("score_step", form.score_step.clone()),
        ("spread_flag", form.spread_flag.clone()),
    ]
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::rounds::create as imp;
