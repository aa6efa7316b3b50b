//! The programme's figures (`/statistics`): entries and recognised
//! products by product group, territory, level and year, and the official
//! scores in bands of ten points, each as a server-rendered SVG chart with
//! the table behind it, and all of it as CSV.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::statistics::{get_statistics, Statistics};
use crate::components::status::{LoadError, Loading};
use crate::domain::statistics::Line;
use crate::i18n::{use_i18n, Arg, I18n};

/// The statistics page.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let stats = Resource::new(|| (), |()| get_statistics());
    view! {
        <Title text=i18n.t("stats-title")/>
        <h1>{i18n.t("stats-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match stats.await {
                    Ok(s) => view! { <StatisticsView s/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn label(i18n: I18n, line: &Line) -> String {
    match i18n.lang {
        crate::i18n::Lang::Vi => line.vi.clone(),
        crate::i18n::Lang::En => line.en.clone(),
    }
}

#[component]
fn StatisticsView(s: Statistics) -> impl IntoView {
    let i18n = use_i18n();
    let lead = i18n.t_with(
        "stats-lead",
        &[
            ("entries", Arg::Num(s.total.entries as i64)),
            ("recognised", Arg::Num(s.total.recognised as i64)),
            ("rate", Arg::Text(s.total.rate_text())),
        ],
    );
    let bands: Vec<Line> = s
        .score_bands
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let text = if i == 9 {
                "90–100".to_owned()
            } else {
                format!("{}–{}", i * 10, i * 10 + 9)
            };
            Line {
                vi: text.clone(),
                en: text,
                entries: *n,
                recognised: 0,
            }
        })
        .collect();
    let empty = s.total.entries == 0;
    view! {
        <p class="lead">{lead}</p>
        <p><a href="/statistics.csv" download="">{i18n.t("stats-csv")}</a></p>
        {empty.then(|| view! { <p class="empty">{i18n.t("stats-empty")}</p> })}
        {(!empty).then(|| view! {
            <Chart id="by-group" caption=i18n.t("stats-by-group") lines=s.by_group.clone() rates=true/>
            <Chart id="by-territory" caption=i18n.t("stats-by-territory") lines=s.by_territory.clone() rates=true/>
            <Chart id="by-level" caption=i18n.t("stats-by-level") lines=s.by_level.clone() rates=true/>
            <Chart id="by-year" caption=i18n.t("stats-by-year") lines=s.by_year.clone() rates=true/>
            <Chart id="scores" caption=i18n.t("stats-scores") lines=bands rates=false/>
        })}
    }
}

/// A horizontal bar chart (entries, with the recognised part darker when
/// `rates`) and the table behind it.
#[component]
fn Chart(id: &'static str, caption: String, lines: Vec<Line>, rates: bool) -> impl IntoView {
    let i18n = use_i18n();
    let max = lines.iter().map(|l| l.entries).max().unwrap_or(0).max(1) as f64;
    const ROW: usize = 42;
    const WIDTH: f64 = 300.0;
    let height = lines.len() * ROW + 4;
    let caption_id = format!("chart-{id}");
    let bars = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let y = i * ROW;
            let all = l.entries as f64 / max * WIDTH;
            let part = l.recognised as f64 / max * WIDTH;
            let value = if rates {
                format!("{}/{}", l.recognised, l.entries)
            } else {
                l.entries.to_string()
            };
            view! {
                <text x="0" y=y + 15 class="chart-label">{label(i18n, l)}</text>
                <rect x="0" y=y + 21 width=format!("{all:.1}") height="15" class="bar-all"/>
                {rates.then(|| view! { <rect x="0" y=y + 21 width=format!("{part:.1}") height="15" class="bar-part"/> })}
                <text x=format!("{:.1}", all + 6.0) y=y + 34 class="chart-value">{value}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption id=caption_id.clone()>{caption}</figcaption>
            <svg viewBox=format!("0 0 400 {height}") role="img" aria-labelledby=caption_id.clone() preserveAspectRatio="xMinYMin meet">
                {bars}
            </svg>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby=caption_id>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("stats-col-label")}</th>
                            <th scope="col" class="num">{i18n.t("stats-col-entries")}</th>
                            {rates.then(|| view! {
                                <th scope="col" class="num">{i18n.t("stats-col-recognised")}</th>
                                <th scope="col" class="num">{i18n.t("stats-col-rate")}</th>
                            })}
                        </tr>
                    </thead>
                    <tbody>
                        {lines.iter().map(|l| view! {
                            <tr>
                                <th scope="row">{label(i18n, l)}</th>
                                <td class="num">{l.entries}</td>
                                {rates.then(|| view! {
                                    <td class="num">{l.recognised}</td>
                                    <td class="num">{l.rate_text()}</td>
                                })}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
