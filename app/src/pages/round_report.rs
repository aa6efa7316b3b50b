//! The jury's report for the secretariat and the council: per product
//! group, each eligible entry's official score (the mean of the submitted
//! totals), its means per criterion, median, lowest and highest totals,
//! spread, sheets counted, whether it reaches the threshold and its rank.
//! Entries whose jurors disagree widely are flagged for discussion. Prints
//! on A4 (landscape) from the browser.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::council::report::get_jury_report;
use crate::api::council::{JuryReport, ReportCriterion, ReportGroup, ReportRow};
use crate::components::status::{LoadError, Loading};
use crate::domain::report::Mean;
use crate::i18n::{use_i18n, Arg};
use crate::pages::round_page::{round_param, RoundNav};

/// A mean as shown (rounded to hundredths), or a dash.
fn mean_text(mean: Option<Mean>) -> String {
    mean.map(|m| m.rounded().display()).unwrap_or_else(|| "—".into())
}

/// The report page.
#[component]
pub fn RoundReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let round = id.clone();
    let report = Resource::new(move || round.clone(), get_jury_report);
    view! {
        <Title text=i18n.t("report-title")/>
        <p class="breadcrumb no-print"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
        <h1>{i18n.t("report-title")}</h1>
        <div class="no-print"><RoundNav id=id.clone() current="/report"/></div>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => view! { <ReportView r/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReportView(r: JuryReport) -> impl IntoView {
    let i18n = use_i18n();
    let lead = i18n.t_with(
        "report-lead",
        &[
            ("round", Arg::Text(r.round_name.clone())),
            ("threshold", Arg::Text(r.threshold.display())),
            ("spread", Arg::Text(r.spread_flag.display())),
        ],
    );
    let criteria = r.criteria.clone();
    view! {
        <div class="report-page">
            <p class="lead">{lead}</p>
            <p class="no-print">
                <a href=format!("/rounds/{}/report.xlsx", r.round) download="">{i18n.t("report-download")}</a>
            </p>
            <p class="hint no-print">{i18n.t("report-print-hint")}</p>
            {r.groups.into_iter().map(|g| view! { <GroupTable g criteria=criteria.clone()/> }).collect_view()}
        </div>
    }
}

#[component]
fn GroupTable(g: ReportGroup, criteria: Vec<ReportCriterion>) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("group-{}", g.number);
    let title = format!("{}. {}", g.number, g.name.get(i18n.lang));
    let empty = g.rows.is_empty();
    let region_label = heading_id.clone();
    view! {
        <section class="report-group" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{title}</h2>
            {if empty {
                view! { <p class="empty">{i18n.t("report-no-entries")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby=region_label>
                        <table class="report">
                            <thead>
                                <tr>
                                    <th scope="col" class="num">{i18n.t("report-col-rank")}</th>
                                    <th scope="col">{i18n.t("field-selection_code")}</th>
                                    <th scope="col">{i18n.t("report-col-product")}</th>
                                    <th scope="col" class="num">{i18n.t("report-col-official")}</th>
                                    {criteria.iter().map(|c| view! {
                                        <th scope="col" class="num">
                                            <abbr title=c.name.get(i18n.lang).to_owned()>{i18n.t_with("report-col-criterion", &[("number", Arg::Num(c.number)), ("max", Arg::Text(c.max.display()))])}</abbr>
                                        </th>
                                    }).collect_view()}
                                    <th scope="col" class="num">{i18n.t("report-col-median")}</th>
                                    <th scope="col" class="num">{i18n.t("report-col-range")}</th>
                                    <th scope="col" class="num">{i18n.t("report-col-spread")}</th>
                                    <th scope="col" class="num">{i18n.t("report-col-sheets")}</th>
                                    <th scope="col">{i18n.t("report-col-standing")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {g.rows.into_iter().map(|row| view! { <Row row/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Row(row: ReportRow) -> impl IntoView {
    let i18n = use_i18n();
    let f = row.figures;
    let range = match (f.lowest, f.highest) {
        (Some(low), Some(high)) => format!("{} – {}", low.display(), high.display()),
        _ => "—".into(),
    };
    let missing = row.expected_sheets.saturating_sub(f.sheets);
    let sheets = i18n.t_with(
        "report-sheets",
        &[
            ("counted", Arg::Num(f.sheets as i64)),
            ("expected", Arg::Num(row.expected_sheets as i64)),
        ],
    );
    let mut standing = Vec::new();
    if f.official.is_some() {
        standing.push(if f.reaches {
            i18n.t("report-reaches")
        } else {
            i18n.t("report-below")
        });
    }
    if f.flagged {
        standing.push(i18n.t("report-flagged"));
    }
    if missing > 0 {
        standing.push(i18n.t_with("report-missing", &[("count", Arg::Num(missing as i64))]));
    }
    let class = if f.flagged {
        "flagged"
    } else if f.reaches {
        "reaches"
    } else {
        ""
    };
    view! {
        <tr class=class>
            <td class="num">{row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
            <th scope="row">{row.code.clone()}</th>
            <td>{row.product.clone()}<br/><span class="hint">{row.business.clone()}</span></td>
            <td class="num"><strong>{mean_text(f.official)}</strong></td>
            {f.per_criterion.iter().map(|m| view! { <td class="num">{mean_text(*m)}</td> }).collect_view()}
            <td class="num">{mean_text(f.median)}</td>
            <td class="num">{range}</td>
            <td class="num">{f.spread.map(|s| s.display()).unwrap_or_else(|| "—".into())}</td>
            <td class="num">{sheets}</td>
            <td>{standing.join(" · ")}</td>
        </tr>
    }
}
