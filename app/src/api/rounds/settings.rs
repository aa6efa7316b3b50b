//! Changing a round's settings (its administrators and secretaries).

// The server function takes the settings form's fields one by one, as the
// plain HTML form posts them.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// Changes a round's settings. Level, territory and parent round change
/// only while the round is a draft; nothing changes once the council
/// deliberates.
#[server(endpoint = "update_round_settings")]
pub async fn update_round_settings(
    round: String,
    level: Option<String>,
    territory: Option<String>,
    parent_round: Option<String>,
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
    let form = crate::domain::round::RoundSettingsForm {
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
    let identity = (level.as_deref(), territory.as_deref(), parent_round.as_deref());
    let result = boundary::with_state(async |state| imp::update(state, &round, identity, &form).await).await;
    let memory = super::create::settings_memory(&form);
    let memory: Vec<(&str, &str)> = memory.iter().map(|(k, v)| (*k, v.as_str())).collect();
    boundary::finish_form(result, UpdateRoundSettings::PATH, &memory)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::rounds::settings as imp;
