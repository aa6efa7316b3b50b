//! A juror's list of entries to score, round by round: what to declare,
//! what to score, what is submitted; entries they are in conflict with
//! are listed apart.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::judging::work::list_my_judging;
use crate::api::judging::{WorkItem, WorkRound};
use crate::components::status::{LoadError, Loading};
use crate::domain::jury::{scoring_open, JurorAccess};
use crate::domain::scoring::SheetState;
use crate::i18n::Tell;
use crate::i18n::{use_i18n, Arg};

/// The juror's list.
#[component]
pub fn JudgingPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |()| list_my_judging());
    view! {
        <Title text=i18n.t("judging-title")/>
        <h1>{i18n.t("judging-title")}</h1>
        <p class="lead">{i18n.t("judging-intro")}</p>
        {crate::components::form::notice_is("conflict-declared").then(|| view! {
            <p class="alert alert-success" role="status">{i18n.t("notice-conflict-declared")}</p>
        })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(rounds) if rounds.is_empty() => view! { <p class="empty">{i18n.t("judging-none")}</p> }.into_any(),
                    Ok(rounds) => rounds.into_iter().map(|r| view! { <WorkRoundView r/> }).collect_view().into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WorkRoundView(r: WorkRound) -> impl IntoView {
    let i18n = use_i18n();
    let open = scoring_open(r.state);
    let done = r
        .items
        .iter()
        .filter(|i| i.sheet.as_ref().is_some_and(|s| s.state == SheetState::Submitted))
        .count();
    let progress = i18n.t_with(
        "judging-progress",
        &[
            ("done", Arg::Num(done as i64)),
            ("count", Arg::Num(r.items.len() as i64)),
        ],
    );
    let items = r
        .items
        .into_iter()
        .map(|item| view! { <WorkRow item open/> })
        .collect_view();
    let conflicts = (!r.conflicts.is_empty()).then(|| {
        view! {
            <h3>{i18n.t("judging-conflicts")}</h3>
            <ul class="plain-list">
                {r.conflicts.into_iter().map(|c| view! {
                    <li>{c.code.unwrap_or_default()}" · "{c.product_name}" · "{c.business_name}</li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="panel" aria-labelledby=format!("round-{}", r.round)>
            <h2 id=format!("round-{}", r.round)>{r.name.clone()}</h2>
            <p class="round-meta">
                <span class=format!("status state-{}", r.state.code())>{r.state.tell(i18n)}</span>
                " "{progress}" · "
                {i18n.t_with("judging-close", &[("time", Arg::Text(r.judging_close.vn_time())), ("date", Arg::Text(r.judging_close.vn_date()))])}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby=format!("round-{}", r.round)>
                <table>
                    <caption class="visually-hidden">{i18n.t("judging-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("field-selection_code")}</th>
                            <th scope="col">{i18n.t("field-product_name")}</th>
                            <th scope="col">{i18n.t("judging-col-group")}</th>
                            <th scope="col">{i18n.t("judging-col-status")}</th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
            {conflicts}
        </section>
    }
}

#[component]
fn WorkRow(item: WorkItem, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/entries/{}/sheet", item.entry);
    let (status, action) = match (&item.standing, &item.sheet) {
        (JurorAccess::MustDeclare, _) => (i18n.t("judging-must-declare"), i18n.t("judging-declare")),
        (_, None) => (i18n.t("sheet-state-none"), i18n.t("judging-score")),
        (_, Some(s)) if s.state == SheetState::Draft => (
            i18n.t_with("judging-draft", &[("total", Arg::Text(s.total.display()))]),
            i18n.t("judging-continue"),
        ),
        (_, Some(s)) => (
            i18n.t_with("judging-submitted", &[("total", Arg::Text(s.total.display()))]),
            i18n.t("judging-view"),
        ),
    };
    let action = if open { action } else { i18n.t("judging-view") };
    let label = format!("{action}: {}", item.code.clone().unwrap_or_default());
    view! {
        <tr>
            <td>{item.code.clone().unwrap_or_else(|| "—".into())}</td>
            <td>{item.product_name.clone()}<br/><span class="hint">{item.business_name.clone()}</span></td>
            <td>{item.group.map(|g| g.to_string()).unwrap_or_default()}</td>
            <td>{status}" "<a href=href class="button button-small" aria-label=label>{action}</a></td>
        </tr>
    }
}
