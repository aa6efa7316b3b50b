//! A score sheet laid out as the official form (Appendix 4 of Circular
//! 26/2014): council, product, group, selection code, juror, the criteria
//! with their maxima, the comment, date and signature. Printed from the
//! browser on A4; blank (`?blank=1`) for jurors who score on paper.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::judging::sheets::get_sheet_page;
use crate::api::judging::SheetPage;
use crate::components::status::{LoadError, Loading};
use crate::i18n::{use_i18n, Arg};
use crate::pages::sheet::{sheet_href, sheet_params, SheetTable};

/// The printable sheet.
#[component]
pub fn SheetPrintPage() -> impl IntoView {
    let (entry, juror) = sheet_params();
    let blank = use_query_map()
        .with_untracked(|q| q.get("blank"))
        .is_some_and(|b| b == "1");
    let page = Resource::new(move || (entry.clone(), juror.clone()), |(e, j)| get_sheet_page(e, j));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <PrintedSheet p blank/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PrintedSheet(p: SheetPage, blank: bool) -> impl IntoView {
    let i18n = use_i18n();
    let entry = p.entry.to_string();
    let named = (!p.own).then(|| p.juror.to_string());
    let back = sheet_href(&entry, named.as_deref(), "");
    let blank_href = format!(
        "{}{}blank=1",
        sheet_href(&entry, named.as_deref(), "/print"),
        if named.is_some() { "&" } else { "?" }
    );
    let council = i18n.t_with(
        "print-council",
        &[
            ("level", Arg::Text(p.level.get(i18n.lang).to_lowercase())),
            ("territory", Arg::Text(p.territory.get(i18n.lang).to_owned())),
        ],
    );
    let group = p
        .group
        .as_ref()
        .map(|(n, name)| format!("{n}. {}", name.get(i18n.lang)))
        .unwrap_or_default();
    let date = if blank {
        i18n.t("print-date-blank")
    } else {
        p.values
            .submitted_at
            .map(|at| {
                i18n.t_with(
                    "print-date",
                    &[
                        ("day", Arg::Text(at.vn_date()[0..2].to_owned())),
                        ("month", Arg::Text(at.vn_date()[3..5].to_owned())),
                        ("year", Arg::Text(at.vn_date()[6..].to_owned())),
                    ],
                )
            })
            .unwrap_or_else(|| i18n.t("print-date-blank"))
    };
    view! {
        <Title text=i18n.t("print-title")/>
        <div class="no-print print-tools">
            <p><a href=back>{i18n.t("print-back")}</a>" · "<a href=blank_href>{i18n.t("print-blank")}</a></p>
            <p class="hint">{i18n.t("print-hint")}</p>
        </div>
        <article class="printed-sheet">
            <header class="print-head">
                <div>
                    <p class="upper">{council}</p>
                    <p>{p.round_name.clone()}</p>
                </div>
                <div>
                    <p class="upper"><strong>{i18n.t("print-nation")}</strong></p>
                    <p><strong>{i18n.t("print-motto")}</strong></p>
                </div>
            </header>
            <h1 class="print-title">{i18n.t("print-title")}</h1>
            <dl class="print-facts">
                <dt>{i18n.t("field-product_name")}</dt><dd>{p.product_name.clone()}</dd>
                <dt>{i18n.t("field-group")}</dt><dd>{group}</dd>
                <dt>{i18n.t("field-selection_code")}</dt><dd>{p.code.clone().unwrap_or_default()}</dd>
                <dt>{i18n.t("print-juror")}</dt><dd>{p.juror_name.clone()}</dd>
            </dl>
            <SheetTable spec=p.spec.clone() values=p.values.clone() blank/>
            <footer class="print-foot">
                <p>{date}</p>
                <p><strong>{i18n.t("print-signature")}</strong></p>
                <p class="hint">{i18n.t("print-signature-hint")}</p>
                <p class="signature-space"></p>
                <p>{p.juror_name.clone()}</p>
            </footer>
        </article>
    }
}
