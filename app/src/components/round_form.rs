//! The fields of a round's settings, shared by the new-round and the
//! settings pages.

use leptos::prelude::*;

use super::form::{Check, Choice, Field, FormValues, Select};
use crate::domain::round::{RoundSettingsForm, ROUND_NAME_MAX, SCORE_STEPS};
use crate::domain::validation::FieldError;
use crate::i18n::use_i18n;

/// The settings to show: what a failed plain post carried, else `form`.
pub fn settings_values(form: &RoundSettingsForm, memory: &FormValues) -> RoundSettingsForm {
    let pick = |key: &str, value: &str| memory.get(key).unwrap_or_else(|| value.to_owned());
    let flag = |key: &str, value: &Option<String>| {
        if memory.0.is_empty() {
            value.clone()
        } else {
            memory.get(key).filter(|v| !v.is_empty())
        }
    };
    RoundSettingsForm {
        name: pick("title", &form.name),
        year: pick("year", &form.year),
        entries_open: pick("entries_open", &form.entries_open),
        entries_close: pick("entries_close", &form.entries_close),
        judging_close: pick("judging_close", &form.judging_close),
        threshold: pick("threshold", &form.threshold),
        quorum_percent: pick("quorum_percent", &form.quorum_percent),
        majority_percent: pick("majority_percent", &form.majority_percent),
        tie_recognises: flag("tie_recognises", &form.tie_recognises),
        certificate_pattern: pick("certificate_pattern", &form.certificate_pattern),
        show_scores: flag("show_scores", &form.show_scores),
        score_step: pick("score_step", &form.score_step),
        spread_flag: pick("spread_flag", &form.spread_flag),
    }
}

/// Every settings field, in fieldsets.
#[component]
pub fn RoundSettingsFields(values: RoundSettingsForm, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let steps: Vec<Choice> = SCORE_STEPS
        .iter()
        .map(|s| Choice {
            value: s.input_value(),
            label: s.display(),
            group: None,
        })
        .collect();
    view! {
        <fieldset>
            <legend>{i18n.t("round-fields-general")}</legend>
            <Field name="title" label=i18n.t("field-title") errors required=true maxlength=ROUND_NAME_MAX value=values.name.clone()/>
            <Field name="year" label=i18n.t("field-year") errors required=true maxlength=4 inputmode="numeric" value=values.year.clone()/>
        </fieldset>
        <fieldset>
            <legend>{i18n.t("round-fields-calendar")}</legend>
            <p class="hint">{i18n.t("round-calendar-hint")}</p>
            <Field name="entries_open" label=i18n.t("field-entries_open") errors kind="datetime-local" required=true value=values.entries_open.clone()/>
            <Field name="entries_close" label=i18n.t("field-entries_close") errors kind="datetime-local" required=true value=values.entries_close.clone()/>
            <Field name="judging_close" label=i18n.t("field-judging_close") errors kind="datetime-local" required=true value=values.judging_close.clone()/>
        </fieldset>
        <fieldset>
            <legend>{i18n.t("round-fields-decision")}</legend>
            <Field name="threshold" label=i18n.t("field-threshold") errors required=true inputmode="decimal" maxlength=6
                value=values.threshold.clone() hint=i18n.t("threshold-hint")/>
            <Field name="quorum_percent" label=i18n.t("field-quorum_percent") errors required=true inputmode="numeric" maxlength=3
                value=values.quorum_percent.clone() hint=i18n.t("quorum-hint")/>
            <Field name="majority_percent" label=i18n.t("field-majority_percent") errors required=true inputmode="numeric" maxlength=3
                value=values.majority_percent.clone() hint=i18n.t("majority-hint")/>
            <Check name="tie_recognises" label=i18n.t("field-tie_recognises") checked=values.tie_recognises.is_some()/>
        </fieldset>
        <fieldset>
            <legend>{i18n.t("round-fields-scoring")}</legend>
            <Select name="score_step" label=i18n.t("field-score_step") errors choices=steps value=values.score_step.clone()/>
            <Field name="spread_flag" label=i18n.t("field-spread_flag") errors required=true inputmode="decimal" maxlength=6
                value=values.spread_flag.clone() hint=i18n.t("spread-hint")/>
            <Field name="certificate_pattern" label=i18n.t("field-certificate_pattern") errors required=true maxlength=80
                value=values.certificate_pattern.clone() hint=i18n.t("pattern-hint")/>
            <Check name="show_scores" label=i18n.t("field-show_scores") checked=values.show_scores.is_some()/>
        </fieldset>
    }
}
