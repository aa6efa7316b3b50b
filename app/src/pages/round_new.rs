//! Creating a round (administrators).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::geography::Geography;
use crate::api::rounds::create::{get_new_round_options, CreateRound, RoundChoice};
use crate::components::form::{field_errors, remembered, Choice, FormStatus, FormValues, Select};
use crate::components::round_form::{settings_values, RoundSettingsFields};
use crate::components::status::{LoadError, Loading};
use crate::domain::validation::FieldError;
use crate::i18n::{use_i18n, I18n};

/// Choices of levels, territories (grouped by level) and rounds.
pub fn level_choices(i18n: I18n, geography: &Geography) -> Vec<Choice> {
    geography
        .levels
        .iter()
        .map(|l| Choice {
            value: l.id.clone(),
            label: if i18n.lang == crate::i18n::Lang::Vi {
                l.name_vi.clone()
            } else {
                l.name_en.clone()
            },
            group: None,
        })
        .collect()
}

/// Territories grouped under their level.
pub fn territory_choices(i18n: I18n, geography: &Geography) -> Vec<Choice> {
    let vi = i18n.lang == crate::i18n::Lang::Vi;
    geography
        .territories
        .iter()
        .map(|t| Choice {
            value: t.id.clone(),
            label: if vi { t.name_vi.clone() } else { t.name_en.clone() },
            group: geography
                .level(&t.level)
                .map(|l| if vi { l.name_vi.clone() } else { l.name_en.clone() }),
        })
        .collect()
}

/// Rounds to choose from.
pub fn round_choices(rounds: &[RoundChoice]) -> Vec<Choice> {
    rounds
        .iter()
        .map(|r| Choice {
            value: r.id.clone(),
            label: r.name.clone(),
            group: None,
        })
        .collect()
}

/// The identity fields of a round: level, territory, parent round.
#[component]
pub fn RoundIdentityFields(
    geography: Geography,
    rounds: Vec<RoundChoice>,
    values: FormValues,
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Select name="level" label=i18n.t("field-level") errors choices=level_choices(i18n, &geography) value=values.get("level")/>
        <Select name="territory" label=i18n.t("field-territory") errors choices=territory_choices(i18n, &geography)
            value=values.get("territory") hint=i18n.t("territory-hint")/>
        <Select name="parent_round" label=i18n.t("field-parent_round") errors choices=round_choices(&rounds)
            value=values.get("parent_round") empty=i18n.t("choice-none") hint=i18n.t("parent-round-hint")/>
    }
}

/// The new-round form.
#[component]
pub fn NewRoundPage() -> impl IntoView {
    let i18n = use_i18n();
    let options = Resource::new(|| (), |()| get_new_round_options());
    let action = ServerAction::<CreateRound>::new();
    let errors = field_errors(action);
    view! {
        <Title text=i18n.t("round-new-title")/>
        <h1>{i18n.t("round-new-title")}</h1>
        <p>{i18n.t("round-new-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match options.await {
                    Ok(options) => {
                        let memory = remembered(CreateRound::PATH);
                        let values = settings_values(&options.defaults, &memory);
                        let province = options.geography.levels.iter().find(|l| l.rank == 2).map(|l| l.id.clone());
                        let mut identity = memory.clone();
                        identity.0.entry("level".into()).or_insert(province.unwrap_or_default());
                        view! {
                            <ActionForm action=action>
                                <FormStatus action=action/>
                                <fieldset>
                                    <legend>{i18n.t("round-fields-identity")}</legend>
                                    <RoundIdentityFields geography=options.geography.clone() rounds=options.rounds.clone()
                                        values=identity errors/>
                                    <Select name="copy_from" label=i18n.t("field-copy_from") errors choices=round_choices(&options.rounds)
                                        value=memory.get("copy_from") empty=i18n.t("copy-from-official") hint=i18n.t("copy-from-hint")/>
                                </fieldset>
                                <RoundSettingsFields values errors/>
                                <button type="submit" class="button">{i18n.t("round-create-submit")}</button>
                            </ActionForm>
                        }.into_any()
                    }
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
