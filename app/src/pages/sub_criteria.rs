//! Editing the sub-criteria of one criterion group for one product group.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::rounds::criteria::SaveSubCriteria;
use crate::components::form::{field_errors, notice_is, remembered, Field, FormStatus, TextArea};
use crate::components::status::{LoadError, Loading};
use crate::domain::criteria::{GUIDANCE_MAX, SUB_NAME_MAX, SUB_ROWS_MAX};
use crate::error::AppError;
use crate::i18n::{use_i18n, Arg};
use crate::pages::round_page::{round_param, round_resource, RoundNav};

/// The rows form. `?rows=N` shows more blank rows (no script needed).
#[component]
pub fn SubCriteriaPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let params = use_params_map();
    let group_id = params.with_untracked(|p| p.get("group")).unwrap_or_default();
    let criterion_id = params.with_untracked(|p| p.get("criterion")).unwrap_or_default();
    let wanted_rows = use_query_map()
        .with_untracked(|q| q.get("rows").and_then(|r| r.parse::<usize>().ok()))
        .unwrap_or(0)
        .min(SUB_ROWS_MAX);
    let detail = round_resource(id.clone());
    let action = ServerAction::<SaveSubCriteria>::new();
    let errors = field_errors(action);
    let saved = notice_is("criteria-saved");
    view! {
        <Suspense fallback=Loading>
            {move || {
                let (id, group_id, criterion_id) = (id.clone(), group_id.clone(), criterion_id.clone());
                Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <LoadError error/> }.into_any(),
                    };
                    let Some(group) = d.groups.iter().find(|g| g.id == group_id).cloned() else {
                        return view! { <LoadError error=AppError::NotFound/> }.into_any();
                    };
                    let Some(criterion) = group.criteria.iter().find(|c| c.id == criterion_id).cloned() else {
                        return view! { <LoadError error=AppError::NotFound/> }.into_any();
                    };
                    if !d.can_manage {
                        return view! { <LoadError error=AppError::Forbidden/> }.into_any();
                    }
                    let memory = remembered(SaveSubCriteria::PATH);
                    let count = (criterion.subs.len() + 3).max(wanted_rows).min(SUB_ROWS_MAX);
                    let value = |i: usize, key: &str, current: Option<String>| {
                        if memory.0.is_empty() { current } else { memory.get(&format!("rows[{i}][{key}]")) }
                    };
                    let rows = (0..count).map(|i| {
                        let sub = criterion.subs.get(i);
                        view! {
                            <fieldset class="sub-row">
                                <legend>{i18n.t_with("sub-row", &[("row", Arg::Num(i as i64 + 1))])}</legend>
                                <Field name=format!("name_vi_{i}") input_name=format!("rows[{i}][name_vi]") label=i18n.t("field-name_vi")
                                    errors maxlength=SUB_NAME_MAX value=value(i, "name_vi", sub.map(|s| s.name_vi.clone()))/>
                                <Field name=format!("name_en_{i}") input_name=format!("rows[{i}][name_en]") label=i18n.t("field-name_en")
                                    errors maxlength=SUB_NAME_MAX value=value(i, "name_en", sub.map(|s| s.name_en.clone()))/>
                                <Field name=format!("max_{i}") input_name=format!("rows[{i}][max]") label=i18n.t("field-max")
                                    errors inputmode="numeric" maxlength=3 value=value(i, "max", sub.map(|s| s.max.input_value()))/>
                                <TextArea name=format!("guidance_{i}") input_name=format!("rows[{i}][guidance]") label=i18n.t("field-guidance")
                                    errors maxlength=GUIDANCE_MAX rows=2 value=value(i, "guidance", sub.and_then(|s| s.guidance.clone()))/>
                            </fieldset>
                        }
                    }).collect_view();
                    let more = format!("/rounds/{id}/criteria/{group_id}/{criterion_id}?rows={}", (count + 3).min(SUB_ROWS_MAX));
                    view! {
                        <Title text=format!("{} · {}", i18n.t("edit-sub-criteria"), d.summary.name)/>
                        <p class="breadcrumb"><a href=format!("/rounds/{id}/criteria")>{i18n.t("round-tab-criteria")}</a></p>
                        <h1>{i18n.t("edit-sub-criteria")}</h1>
                        <RoundNav id=id.clone() current="/criteria"/>
                        <p><strong>{group.name.get(i18n.lang).to_owned()}</strong>" — "{criterion.name.get(i18n.lang).to_owned()}</p>
                        <p class="alert alert-info">{i18n.t_with("sub-criteria-rule", &[("max", Arg::Text(criterion.max.display()))])}</p>
                        <ActionForm action=action>
                            <FormStatus action notice=saved success_key="notice-criteria-saved"/>
                            <input type="hidden" name="round" value=id.clone()/>
                            <input type="hidden" name="group" value=group_id.clone()/>
                            <input type="hidden" name="criterion" value=criterion_id.clone()/>
                            <p class="field-error" id="f-total-error" hidden=move || errors.with(|e| !e.iter().any(|x| x.field == "total"))>
                                {move || errors.with(|e| e.iter().find(|x| x.field == "total").map(|x| i18n.field_problem(x)))}
                            </p>
                            {rows}
                            {(count < SUB_ROWS_MAX).then(|| view! { <p><a href=more>{i18n.t("more-rows")}</a></p> })}
                            <button type="submit" class="button">{i18n.t("save")}</button>
                        </ActionForm>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
