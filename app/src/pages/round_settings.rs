//! Changing a round's settings.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::geography::list_geography;
use crate::api::rounds::create::RoundChoice;
use crate::api::rounds::settings::UpdateRoundSettings;
use crate::components::form::{field_errors, notice_is, remembered, FormStatus};
use crate::components::round_form::{settings_values, RoundSettingsFields};
use crate::components::status::{LoadError, Loading};
use crate::domain::round::SettingsScope;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::round_new::RoundIdentityFields;
use crate::pages::round_page::{round_param, round_resource, RoundNav};

/// The settings form, as far as the round's state allows.
#[component]
pub fn RoundSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let detail = round_resource(id.clone());
    let geography = Resource::new(|| (), |()| list_geography());
    let action = ServerAction::<UpdateRoundSettings>::new();
    let errors = field_errors(action);
    let saved = notice_is("settings-saved");
    view! {
        <Suspense fallback=Loading>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <LoadError error/> }.into_any(),
                    };
                    let title = format!("{} · {}", i18n.t("round-tab-settings"), d.summary.name);
                    let header = view! {
                        <Title text=title/>
                        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
                        <h1>{d.summary.name.clone()}</h1>
                        <RoundNav id=id.clone() current="/settings"/>
                        <h2>{i18n.t("round-tab-settings")}</h2>
                    };
                    if !d.can_manage {
                        return view! { {header} <LoadError error=AppError::Forbidden/> }.into_any();
                    }
                    if d.scope == SettingsScope::Nothing {
                        return view! { {header} <p class="alert alert-info">{i18n.t("settings-locked")}</p> }.into_any();
                    }
                    let memory = remembered(UpdateRoundSettings::PATH);
                    let values = settings_values(&d.form, &memory);
                    // Only an administrator may list levels and territories;
                    // a secretary keeps the identity as it is anyway once open.
                    let identity = match (d.scope, geography.await) {
                        (SettingsScope::All, Ok(geography)) => {
                            let mut chosen = memory.clone();
                            chosen.0.entry("level".into()).or_insert(d.level_id.clone());
                            chosen.0.entry("territory".into()).or_insert(d.territory_id.clone());
                            chosen.0.entry("parent_round".into()).or_insert(d.parent.as_ref().map(|(p, _)| p.to_string()).unwrap_or_default());
                            let rounds: Vec<RoundChoice> = Vec::new();
                            Some(view! {
                                <fieldset>
                                    <legend>{i18n.t("round-fields-identity")}</legend>
                                    <RoundIdentityFields geography rounds values=chosen errors/>
                                </fieldset>
                            })
                        }
                        _ => None,
                    };
                    view! {
                        {header}
                        {(d.scope == SettingsScope::AllButIdentity).then(|| view! { <p class="hint">{i18n.t("settings-identity-fixed")}</p> })}
                        <ActionForm action=action>
                            <FormStatus action notice=saved success_key="notice-settings-saved"/>
                            <input type="hidden" name="round" value=id.clone()/>
                            {identity}
                            <RoundSettingsFields values errors/>
                            <button type="submit" class="button">{i18n.t("save")}</button>
                        </ActionForm>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
