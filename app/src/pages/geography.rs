//! Levels and territories (administrators).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::geography::{list_geography, SaveLevel, SaveTerritory};
use crate::components::form::{field_errors, notice_is, Choice, Field, FormStatus, Select};
use crate::components::status::{LoadError, Loading};
use crate::domain::geography::GEO_NAME_MAX;
use crate::i18n::{use_i18n, Lang};
use crate::pages::round_new::{level_choices, territory_choices};

/// The lists with their forms.
#[component]
pub fn GeographyPage() -> impl IntoView {
    let i18n = use_i18n();
    let level_action = ServerAction::<SaveLevel>::new();
    let territory_action = ServerAction::<SaveTerritory>::new();
    let geography = Resource::new(
        move || (level_action.version().get(), territory_action.version().get()),
        |_| list_geography(),
    );
    let level_errors = field_errors(level_action);
    let territory_errors = field_errors(territory_action);
    view! {
        <Title text=i18n.t("geography-title")/>
        <h1>{i18n.t("geography-title")}</h1>
        <p>{i18n.t("geography-intro")}</p>
        <FormStatus action=level_action notice=notice_is("level-saved") success_key="notice-level-saved"/>
        <FormStatus action=territory_action notice=notice_is("territory-saved") success_key="notice-territory-saved"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let g = match geography.await {
                    Ok(g) => g,
                    Err(error) => return view! { <LoadError error/> }.into_any(),
                };
                let vi = i18n.lang == Lang::Vi;
                let levels = g.levels.clone().into_iter().map(|l| view! {
                    <li class="card">
                        <ActionForm action=level_action>
                            <input type="hidden" name="id" value=l.id.clone()/>
                            <div class="form-row">
                                <Field name=format!("name_vi_{}", l.rank) input_name="name_vi" label=i18n.t("field-name_vi")
                                    errors=level_errors required=true maxlength=GEO_NAME_MAX value=l.name_vi.clone()/>
                                <Field name=format!("name_en_{}", l.rank) input_name="name_en" label=i18n.t("field-name_en")
                                    errors=level_errors required=true maxlength=GEO_NAME_MAX value=l.name_en.clone()/>
                                <Field name=format!("rank_{}", l.rank) input_name="rank" label=i18n.t("field-rank")
                                    errors=level_errors required=true maxlength=1 inputmode="numeric" value=l.rank.to_string()/>
                            </div>
                            <button type="submit" class="button button-small button-secondary">{i18n.t("save")}</button>
                        </ActionForm>
                    </li>
                }).collect_view();
                let parents: Vec<Choice> = territory_choices(i18n, &g);
                let levels_for_edit = level_choices(i18n, &g);
                let territories = g.territories.clone().into_iter().map(|t| {
                    let level = g.level(&t.level).map(|l| if vi { l.name_vi.clone() } else { l.name_en.clone() }).unwrap_or_default();
                    let parent = t.parent.as_deref().and_then(|p| g.territory(p)).map(|p| if vi { p.name_vi.clone() } else { p.name_en.clone() });
                    let name = if vi { t.name_vi.clone() } else { t.name_en.clone() };
                    let prefix = format!("t-{}", t.id);
                    let others: Vec<Choice> = parents.iter().filter(|c| c.value != t.id).cloned().collect();
                    let level_options = levels_for_edit.clone();
                    view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            <td>{level}</td>
                            <td>{parent.unwrap_or_else(|| "—".into())}</td>
                            <td>
                                <details>
                                    <summary>{i18n.t("edit")}<span class="visually-hidden">" "{name}</span></summary>
                                    <ActionForm action=territory_action>
                                        <input type="hidden" name="id" value=t.id.clone()/>
                                        <Field name="name_vi" id=format!("{prefix}-name_vi") label=i18n.t("field-name_vi")
                                            errors=territory_errors required=true maxlength=GEO_NAME_MAX value=t.name_vi.clone()/>
                                        <Field name="name_en" id=format!("{prefix}-name_en") label=i18n.t("field-name_en")
                                            errors=territory_errors maxlength=GEO_NAME_MAX value=t.name_en.clone()/>
                                        <Select name="level" id=format!("{prefix}-level") label=i18n.t("field-level")
                                            errors=territory_errors choices=level_options value=t.level.clone()/>
                                        <Select name="parent" id=format!("{prefix}-parent") label=i18n.t("field-parent")
                                            errors=territory_errors choices=others value=t.parent.clone().unwrap_or_default()
                                            empty=i18n.t("choice-none")/>
                                        <button type="submit" class="button button-small">{i18n.t("save")}</button>
                                    </ActionForm>
                                </details>
                            </td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <section aria-labelledby="levels-heading">
                        <h2 id="levels-heading">{i18n.t("levels-title")}</h2>
                        <p class="hint">{i18n.t("levels-hint")}</p>
                        <ul class="plain-list">{levels}</ul>
                        <details class="panel">
                            <summary>{i18n.t("level-add")}</summary>
                            <ActionForm action=level_action>
                                <div class="form-row">
                                    <Field name="name_vi" id="level-name_vi" label=i18n.t("field-name_vi") errors=level_errors required=true maxlength=GEO_NAME_MAX/>
                                    <Field name="name_en" id="level-name_en" label=i18n.t("field-name_en") errors=level_errors required=true maxlength=GEO_NAME_MAX/>
                                    <Field name="rank" id="level-rank" label=i18n.t("field-rank") errors=level_errors required=true maxlength=1 inputmode="numeric"/>
                                </div>
                                <button type="submit" class="button">{i18n.t("level-add")}</button>
                            </ActionForm>
                        </details>
                    </section>
                    <section aria-labelledby="territories-heading">
                        <h2 id="territories-heading">{i18n.t("territories-title")}</h2>
                        <div class="panel">
                            <h3>{i18n.t("territory-add")}</h3>
                            <ActionForm action=territory_action>
                                <div class="form-row">
                                    <Field name="name_vi" id="territory-name_vi" label=i18n.t("field-name_vi") errors=territory_errors required=true maxlength=GEO_NAME_MAX/>
                                    <Field name="name_en" id="territory-name_en" label=i18n.t("field-name_en") errors=territory_errors maxlength=GEO_NAME_MAX
                                        hint=i18n.t("name-en-optional")/>
                                </div>
                                <div class="form-row">
                                    <Select name="level" id="territory-level" label=i18n.t("field-level") errors=territory_errors choices=level_choices(i18n, &g)/>
                                    <Select name="parent" id="territory-parent" label=i18n.t("field-parent") errors=territory_errors choices=parents.clone()
                                        empty=i18n.t("choice-none")/>
                                </div>
                                <button type="submit" class="button">{i18n.t("territory-add")}</button>
                            </ActionForm>
                        </div>
                        <div class="table-wrap" role="region" aria-labelledby="territories-heading" tabindex="0">
                            <table>
                                <thead><tr>
                                    <th scope="col">{i18n.t("col-territory")}</th>
                                    <th scope="col">{i18n.t("field-level")}</th>
                                    <th scope="col">{i18n.t("field-parent")}</th>
                                    <th scope="col">{i18n.t("col-actions")}</th>
                                </tr></thead>
                                <tbody>{territories}</tbody>
                            </table>
                        </div>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
