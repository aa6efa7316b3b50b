//! The secretariat's screening list: the round's submitted entries by
//! where they stand, each linking to its dossier, where it is accepted,
//! returned for correction or found not eligible.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::entries::screening::{get_screening_list, ScreeningRow};
use crate::components::status::{LoadError, Loading};
use crate::domain::entry::EntryState;
use crate::i18n::{use_i18n, Arg};
use crate::pages::round_page::{round_param, RoundNav};

/// The screening page.
#[component]
pub fn RoundScreeningPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let round = id.clone();
    let list = Resource::new(move || round.clone(), get_screening_list);
    view! {
        <Title text=i18n.t("screening-list-title")/>
        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
        <h1>{i18n.t("screening-list-title")}</h1>
        <RoundNav id=id.clone() current="/screening"/>
        <p class="hint">{i18n.t("screening-list-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let rows = match list.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <LoadError error/> }.into_any(),
                };
                if rows.is_empty() {
                    return view! { <p class="empty">{i18n.t("screening-none")}</p> }.into_any();
                }
                [EntryState::Submitted, EntryState::Returned, EntryState::Accepted, EntryState::Ineligible]
                    .into_iter()
                    .map(|state| {
                        let these: Vec<ScreeningRow> = rows.iter().filter(|r| r.state == state).cloned().collect();
                        view! { <ScreeningGroup state rows=these/> }
                    })
                    .collect_view()
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn ScreeningGroup(state: EntryState, rows: Vec<ScreeningRow>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!(
        "{} ({})",
        i18n.t(&format!("screening-group-{}", state.code())),
        rows.len()
    );
    let id = format!("screening-{}", state.code());
    let empty = rows.is_empty();
    let body = rows
        .into_iter()
        .map(|r| {
            let name = r.product_name.clone().unwrap_or_else(|| i18n.t("entry-untitled"));
            let submitted = r
                .submitted_at
                .map(|t| {
                    i18n.t_with(
                        "at-time-date",
                        &[("time", Arg::Text(t.vn_time())), ("date", Arg::Text(t.vn_date()))],
                    )
                })
                .unwrap_or_default();
            view! {
                <tr>
                    <td>{r.selection_code.clone().unwrap_or_else(|| "—".into())}</td>
                    <td><a href=format!("/entries/{}", r.id)>{name}</a><br/><span class="hint">{r.business_name.clone()}</span>
                        {r.nominated_with.as_ref().map(|c| view! {
                            <br/><span class="hint nominated-with">{crate::pages::round_nominations::carried_text(i18n, c)}</span>
                        })}
                    </td>
                    <td>{r.group.map(|g| g.to_string()).unwrap_or_default()}</td>
                    <td>{submitted}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=id.clone()>
            <h2 id=id.clone()>{heading}</h2>
            {if empty {
                view! { <p class="empty">{i18n.t("screening-group-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby=id.clone()>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("field-selection_code")}</th>
                                    <th scope="col">{i18n.t("field-product_name")}</th>
                                    <th scope="col">{i18n.t("judging-col-group")}</th>
                                    <th scope="col">{i18n.t("screening-col-submitted")}</th>
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
