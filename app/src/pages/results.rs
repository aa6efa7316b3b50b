//! A round's public results: the decision, then each product group's
//! recognised products with a photo (a small thumbnail, the medium size
//! on wide screens), the business and its commune, the certificate (with
//! a link to its check) and, if the round shows them, the scores.
//! Server-rendered, readable without WebAssembly.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::results::{get_round_results, ResultGroup, RoundResults};
use crate::components::status::{LoadError, Loading};
use crate::domain::certificate::verify_path;
use crate::i18n::{use_i18n, Arg};

/// The results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    let results = Resource::new(move || id.clone(), get_round_results);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(r) => view! { <ResultsView r/> }.into_any(),
                    Err(error) => view! { <Title text=i18n.t("results-title")/><h1>{i18n.t("results-title")}</h1><LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResultsView(r: RoundResults) -> impl IntoView {
    let i18n = use_i18n();
    let recognised: usize = r.groups.iter().map(|g| g.items.len()).sum();
    let lead = i18n.t_with(
        "results-lead",
        &[
            ("number", Arg::Text(r.decision_number.clone())),
            ("date", Arg::Text(r.decided_on.vn_date())),
            ("issuer", Arg::Text(r.issuer.clone())),
            ("recognised", Arg::Num(recognised as i64)),
            ("entries", Arg::Num(r.entries as i64)),
        ],
    );
    let show_scores = r.show_scores;
    view! {
        <Title text=r.name.clone()/>
        <p class="breadcrumb"><a href="/">{i18n.t("nav-home")}</a></p>
        <h1>{r.name.clone()}</h1>
        <p class="round-meta">{r.level.get(i18n.lang).to_owned()}" · "{r.territory.get(i18n.lang).to_owned()}" · "{r.year}</p>
        <p class="lead">{lead}</p>
        <p><a href=format!("/results/{}/results.csv", r.round) download="">{i18n.t("results-csv")}</a></p>
        {r.groups.into_iter().filter(|g| !g.items.is_empty()).map(|g| view! { <GroupResults g show_scores/> }).collect_view()}
    }
}

#[component]
fn GroupResults(g: ResultGroup, show_scores: bool) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("group-{}", g.number);
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{format!("{}. {}", g.number, g.name.get(i18n.lang))}</h2>
            <ul class="results">
                {g.items.into_iter().map(|item| {
                    let alt = i18n.t_with("results-photo-alt", &[("product", Arg::Text(item.product.clone()))]);
                    view! {
                        <li class="card result">
                            {item.photo.map(|photo| view! {
                                <img src=format!("/files/{photo}/thumb") srcset=format!("/files/{photo}/thumb 320w, /files/{photo}/medium 1024w")
                                    sizes="(min-width: 48rem) 12rem, 6rem" alt=alt.clone() loading="lazy" width="160" height="120"/>
                            })}
                            <div>
                                <h3>{item.product.clone()}</h3>
                                <p>{item.business.clone()}{(!item.place.is_empty()).then(|| format!(" — {}", item.place))}</p>
                                {item.set.clone().map(|s| view! { <p class="hint">{i18n.t_with("council-in-set", &[("name", Arg::Text(s))])}</p> })}
                                {item.certificate.clone().map(|number| view! {
                                    <p><a href=verify_path(&number)>{i18n.t_with("results-certificate", &[("number", Arg::Text(number.clone()))])}</a></p>
                                })}
                                {item.nominated.then(|| view! { <p><span class="status status-active">{i18n.t("results-nominated")}</span></p> })}
                                {(show_scores).then(|| item.score.map(|s| view! {
                                    <p>{i18n.t_with("results-score", &[("score", Arg::Text(s.display()))])}</p>
                                })).flatten()}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
