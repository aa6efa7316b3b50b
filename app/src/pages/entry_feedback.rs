//! The entrant's feedback page, once the results are published: the
//! official score against the threshold, the mean per criterion group, the
//! decision's outcome with the certificate, and the jurors' comments
//! without their names.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::council::feedback::get_entry_feedback;
use crate::api::council::EntryFeedback;
use crate::components::outcome::result_text;
use crate::components::status::{LoadError, Loading};
use crate::domain::report::Mean;
use crate::i18n::{use_i18n, Arg};

fn mean_text(mean: Option<Mean>) -> String {
    mean.map(|m| m.rounded().display()).unwrap_or_else(|| "—".into())
}

/// The feedback page.
#[component]
pub fn EntryFeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    let feedback = Resource::new(move || id.clone(), get_entry_feedback);
    view! {
        <Title text=i18n.t("feedback-title")/>
        <p class="breadcrumb"><a href="/entries">{i18n.t("entries-title")}</a></p>
        <h1>{i18n.t("feedback-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match feedback.await {
                    Ok(f) => view! { <FeedbackView f/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FeedbackView(f: EntryFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = result_text(i18n, f.recognised, f.nominated);
    let score = i18n.t_with(
        "feedback-score",
        &[
            ("score", Arg::Text(mean_text(f.official))),
            ("threshold", Arg::Text(f.threshold.display())),
            ("sheets", Arg::Num(f.sheets as i64)),
        ],
    );
    let no_comments = f.comments.is_empty();
    let entry = f.entry;
    view! {
        <p class="lead">{format!("{} · {}", f.code, f.product)}" — "{f.round_name.clone()}</p>
        <section class="card" aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">{i18n.t("feedback-outcome")}</h2>
            <p><strong>{outcome}</strong></p>
            <p>{score}</p>
            {f.certificate.clone().map(|(number, until)| view! {
                <p>
                    {i18n.t_with("entry-certificate", &[("number", Arg::Text(number)), ("date", Arg::Text(until.vn_date()))])}
                    " "<a href=format!("/entries/{entry}/certificate.pdf") download="">{i18n.t("entry-certificate-download")}</a>
                </p>
            })}
        </section>
        <section aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{i18n.t("feedback-criteria")}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="criteria-heading">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("feedback-col-criterion")}</th>
                            <th scope="col" class="num">{i18n.t("feedback-col-mean")}</th>
                            <th scope="col" class="num">{i18n.t("feedback-col-max")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {f.criteria.iter().zip(f.per_criterion.iter()).map(|(c, m)| view! {
                            <tr>
                                <th scope="row">{format!("{}. {}", c.number, c.name.get(i18n.lang))}</th>
                                <td class="num">{mean_text(*m)}</td>
                                <td class="num">{c.max.display()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">{i18n.t("feedback-comments")}</h2>
            <p class="hint">{i18n.t("feedback-comments-hint")}</p>
            {no_comments.then(|| view! { <p class="empty">{i18n.t("feedback-no-comments")}</p> })}
            <ul class="plain-list">
                {f.comments.into_iter().map(|c| view! { <li class="card message-text">{c}</li> }).collect_view()}
            </ul>
        </section>
    }
}
