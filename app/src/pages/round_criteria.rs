//! The round's score sheet: per product group, the four criterion groups
//! with their sub-criteria.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::status::{LoadError, Loading};
use crate::domain::criteria::sheet_total;
use crate::i18n::{use_i18n, Arg};
use crate::pages::round_page::{round_param, round_resource, RoundNav};

/// The criteria page.
#[component]
pub fn RoundCriteriaPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let detail = round_resource(id.clone());
    view! {
        <Suspense fallback=Loading>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <LoadError error/> }.into_any(),
                    };
                    let editable = d.can_manage && !d.criteria_frozen;
                    view! {
                        <Title text=format!("{} · {}", i18n.t("round-tab-criteria"), d.summary.name)/>
                        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
                        <h1>{d.summary.name.clone()}</h1>
                        <RoundNav id=id.clone() current="/criteria"/>
                        <h2>{i18n.t("round-tab-criteria")}</h2>
                        <p>{i18n.t_with("criteria-intro", &[("total", Arg::Text(sheet_total().display()))])}</p>
                        {d.criteria_frozen.then(|| view! { <p class="alert alert-info">{i18n.t("error-criteria-frozen")}</p> })}
                        {d.groups.into_iter().map(|g| {
                            let heading_id = format!("group-{}", g.number);
                            let labelled_by = heading_id.clone();
                            view! {
                                <section class="panel" aria-labelledby=labelled_by>
                                    <h3 id=heading_id>{i18n.t_with("group-heading", &[("number", Arg::Num(g.number))])}" "{g.name.get(i18n.lang).to_owned()}</h3>
                                    <ol class="criteria">
                                        {g.criteria.into_iter().map(|c| {
                                            let edit = format!("/rounds/{}/criteria/{}/{}", id, g.id, c.id);
                                            view! {
                                                <li>
                                                    <p class="criterion">
                                                        <strong>{c.name.get(i18n.lang).to_owned()}</strong>
                                                        " "<span class="max">{i18n.t_with("max-points", &[("points", Arg::Text(c.max.display()))])}</span>
                                                    </p>
                                                    {(!c.subs.is_empty()).then(|| view! {
                                                        <ul class="subs">
                                                            {c.subs.iter().map(|s| view! {
                                                                <li>
                                                                    {if i18n.lang == crate::i18n::Lang::Vi { s.name_vi.clone() } else { s.name_en.clone() }}
                                                                    " "<span class="max">{i18n.t_with("max-points", &[("points", Arg::Text(s.max.display()))])}</span>
                                                                    {s.guidance.clone().map(|gd| view! { <p class="hint guidance">{gd}</p> })}
                                                                </li>
                                                            }).collect_view()}
                                                        </ul>
                                                    })}
                                                    {c.subs.is_empty().then(|| view! { <p class="hint">{i18n.t("criterion-one-line")}</p> })}
                                                    {editable.then(|| view! { <a class="button button-small button-secondary" href=edit>{i18n.t("edit-sub-criteria")}</a> })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                </section>
                            }
                        }).collect_view()}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
