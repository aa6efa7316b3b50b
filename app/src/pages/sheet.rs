//! A score sheet: for a juror, first the declaration of ties (the dossier
//! stays hidden until then), then the dossier and the sheet; for the
//! secretariat, any juror's sheet, to type in a paper sheet or reopen a
//! submitted one.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::judging::board::Declare;
use crate::api::judging::sheets::{get_sheet_page, ReopenSheet, SaveSheet};
use crate::api::judging::{SheetPage, SheetValues};
use crate::components::form::{field_errors, notice_is, remembered, FormStatus, TextArea};
use crate::components::score_sheet::ScoreSheet;
use crate::components::status::{LoadError, Loading};
use crate::domain::jury::{JurorAccess, Tie};
use crate::domain::points::{parse_points, Points};
use crate::domain::scoring::{SheetSpec, SheetState};
use crate::domain::upload::FileKind;
use crate::i18n::{use_i18n, Arg, I18n};
use crate::pages::entry::{EntryReadOnly, FileList};

/// The entry id and the named juror (empty for one's own sheet).
pub fn sheet_params() -> (String, String) {
    let entry = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    let juror = use_query_map().with_untracked(|q| q.get("juror")).unwrap_or_default();
    (entry, juror)
}

/// The address of a sheet (with the juror named for the secretariat).
pub fn sheet_href(entry: &str, juror: Option<&str>, suffix: &str) -> String {
    match juror {
        Some(juror) => format!("/entries/{entry}/sheet{suffix}?juror={juror}"),
        None => format!("/entries/{entry}/sheet{suffix}"),
    }
}

/// The sheet page.
#[component]
pub fn SheetPage() -> impl IntoView {
    let (entry, juror) = sheet_params();
    let page = Resource::new(move || (entry.clone(), juror.clone()), |(e, j)| get_sheet_page(e, j));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <SheetView p/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Code, product, group and business: what a sheet is about.
#[component]
pub fn SheetFacts(p: SheetPage) -> impl IntoView {
    let i18n = use_i18n();
    let group = p
        .group
        .as_ref()
        .map(|(n, name)| format!("{n}. {}", name.get(i18n.lang)))
        .unwrap_or_else(|| "—".into());
    view! {
        <dl class="facts">
            <dt>{i18n.t("field-selection_code")}</dt>
            <dd><strong>{p.code.clone().unwrap_or_else(|| "—".into())}</strong></dd>
            <dt>{i18n.t("field-product_name")}</dt>
            <dd>{p.product_name.clone()}</dd>
            <dt>{i18n.t("field-group")}</dt>
            <dd>{group}</dd>
            <dt>{i18n.t("sheet-business")}</dt>
            <dd>{p.business_name.clone()}<br/><span class="hint">{p.representative.clone()}" · "{p.place.clone()}</span></dd>
            <dt>{i18n.t("sheet-juror")}</dt>
            <dd>{p.juror_name.clone()}</dd>
        </dl>
    }
}

#[component]
fn SheetView(p: SheetPage) -> impl IntoView {
    let i18n = use_i18n();
    let entry = p.entry.to_string();
    let named = (!p.own).then(|| p.juror.to_string());
    let juror_param = named.clone().unwrap_or_default();
    let back = if p.own {
        view! { <a href="/judging">{i18n.t("judging-title")}</a> }.into_any()
    } else {
        view! { <a href=format!("/rounds/{}/jury", p.round)>{i18n.t("jury-title")}</a> }.into_any()
    };
    let title = i18n.t_with(
        "sheet-title-of",
        &[("code", Arg::Text(p.code.clone().unwrap_or_default()))],
    );
    let declare_first = p.own && p.standing == JurorAccess::MustDeclare;
    let body = if declare_first {
        view! { <DeclareForm entry=entry.clone() business=p.business_name.clone()/> }.into_any()
    } else {
        view! { <SheetBody p=p.clone() entry=entry.clone() juror=juror_param.clone()/> }.into_any()
    };
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">{back}" · "{p.round_name.clone()}</p>
        <h1>{title}</h1>
        <SheetFacts p=p.clone()/>
        <Notice when="declared" key="notice-declared"/>
        {body}
    }
}

/// A success notice, when the page was reached with `?notice=<when>`
/// (after a form posted without JavaScript, or one that reloads the page).
#[component]
fn Notice(when: &'static str, key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    notice_is(when).then(|| view! { <p class="alert alert-success" role="status">{i18n.t(key)}</p> })
}

/// The declaration a juror makes before seeing the dossier.
#[component]
fn DeclareForm(entry: String, business: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Declare>::new();
    let errors = field_errors(action);
    view! {
        <section class="panel" aria-labelledby="declare-heading">
            <h2 id="declare-heading">{i18n.t("declare-title")}</h2>
            <p>{i18n.t_with("declare-intro", &[("business", Arg::Text(business))])}</p>
            <FormStatus action/>
            <ActionForm action>
                <input type="hidden" name="entry" value=entry/>
                <input type="hidden" name="juror" value=""/>
                <fieldset class="choices">
                    <legend>{i18n.t("declare-question")}</legend>
                    <div class="check">
                        <input type="radio" id="tie-none" name="tie" value="none" checked=true/>
                        <label for="tie-none">{i18n.t("declare-no-tie")}</label>
                    </div>
                    {Tie::ALL.into_iter().map(|tie| {
                        let id = format!("tie-{}", tie.code());
                        view! {
                            <div class="check">
                                <input type="radio" id=id.clone() name="tie" value=tie.code()/>
                                <label for=id>{i18n.t(&format!("tie-{}", tie.code()))}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <TextArea name="note" label=i18n.t("field-note") errors maxlength=1000 rows=2 hint=i18n.t("hint-tie-note")/>
                <button type="submit" class="button">{i18n.t("declare-submit")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SheetBody(p: SheetPage, entry: String, juror: String) -> impl IntoView {
    let i18n = use_i18n();
    let named = (!juror.is_empty()).then(|| juror.clone());
    let print = sheet_href(&entry, named.as_deref(), "/print");
    let state = sheet_state_line(i18n, &p.values);
    let in_conflict = p.standing == JurorAccess::Conflicted;
    let sheet = if p.can_edit {
        let memory = remembered(SaveSheet::PATH);
        view! {
            {(!p.own).then(|| view! { <p class="alert alert-info">{i18n.t("sheet-paper-hint")}</p> })}
            <ScoreSheet entry=entry.clone() juror=juror.clone() spec=p.spec.clone() values=p.values.clone() memory/>
        }
        .into_any()
    } else {
        view! { <SheetTable spec=p.spec.clone() values=p.values.clone()/> }.into_any()
    };
    let reopen = p.can_reopen.then(|| {
        view! { <ReopenForm entry=entry.clone() juror=juror.clone() version=p.values.version/> }
    });
    let later_tie = (p.own && p.standing == JurorAccess::Scores && p.values.state != Some(SheetState::Submitted))
        .then(|| view! { <LaterTie entry=entry.clone()/> });
    let dossier = p.dossier.clone().map(|d| {
        let groups: Vec<(i64, String)> = p
            .group
            .iter()
            .map(|(n, name)| (*n, name.get(i18n.lang).to_owned()))
            .collect();
        let files = |kind: FileKind, heading: &'static str| {
            let list: Vec<_> = d.files.iter().filter(|f| f.kind == kind).cloned().collect();
            (!list.is_empty()).then(|| view! { <FileList entry=entry.clone() list heading/> })
        };
        view! {
            <details class="dossier" open=p.values.state.is_none()>
                <summary>{i18n.t("sheet-dossier")}</summary>
                {files(FileKind::Photo, "files-photos")}
                <EntryReadOnly form=d.form.clone() groups/>
                {files(FileKind::Registration, "files-registration")}
                {files(FileKind::LowerCertificate, "files-lower-certificate")}
                {files(FileKind::Document, "files-documents")}
            </details>
        }
    });
    view! {
        {in_conflict.then(|| view! { <p class="alert alert-warning">{i18n.t("sheet-juror-conflicted")}</p> })}
        <Notice when="sheet-submitted" key="notice-sheet-submitted"/>
        <Notice when="sheet-saved" key="notice-sheet-saved"/>
        <Notice when="sheet-reopened" key="notice-sheet-reopened"/>
        <p class="sheet-state">{state}" "<a href=print>{i18n.t("sheet-print")}</a></p>
        {dossier}
        <section aria-labelledby="sheet-heading">
            <h2 id="sheet-heading">{i18n.t("sheet-heading")}</h2>
            {sheet}
        </section>
        {reopen}
        {later_tie}
    }
}

/// "Draft, last saved by … at …", "Submitted on …", "Typed in from paper".
fn sheet_state_line(i18n: I18n, values: &SheetValues) -> String {
    let mut parts = Vec::new();
    match values.state {
        None => parts.push(i18n.t("sheet-state-none")),
        Some(SheetState::Draft) => parts.push(i18n.t("sheet-state-draft")),
        Some(SheetState::Submitted) => parts.push(match values.submitted_at {
            Some(at) => i18n.t_with(
                "sheet-state-submitted-at",
                &[("time", Arg::Text(at.vn_time())), ("date", Arg::Text(at.vn_date()))],
            ),
            None => i18n.t("sheet-state-submitted"),
        }),
    }
    if values.from_paper {
        parts.push(i18n.t("sheet-from-paper"));
    }
    if let Some((at, name)) = &values.updated {
        parts.push(i18n.t_with(
            "sheet-updated-by",
            &[
                ("name", Arg::Text(name.clone())),
                ("time", Arg::Text(at.vn_time())),
                ("date", Arg::Text(at.vn_date())),
            ],
        ));
    }
    parts.join(" · ")
}

/// A sheet as a table: every line with its maximum and points, the
/// subtotals and the total, and the comment. Used when the sheet cannot
/// be changed, and for printing.
#[component]
pub fn SheetTable(spec: SheetSpec, values: SheetValues, #[prop(optional)] blank: bool) -> impl IntoView {
    let i18n = use_i18n();
    let points_of = |key: &str| -> String {
        if blank {
            String::new()
        } else {
            values.points.get(key).cloned().unwrap_or_default()
        }
    };
    let mut total = 0_i64;
    let mut rows = Vec::new();
    for criterion in &spec.criteria {
        let name = match i18n.lang {
            crate::i18n::Lang::Vi => &criterion.name_vi,
            crate::i18n::Lang::En => &criterion.name_en,
        };
        let filled: Vec<Points> = criterion
            .lines
            .iter()
            .filter_map(|l| values.points.get(&l.key))
            .filter_map(|p| parse_points("p", p, Points(0), criterion.max, false).ok())
            .collect();
        let sum: i64 = filled.iter().map(|p| p.centi()).sum();
        total += sum;
        let sum_text = if blank || filled.is_empty() {
            String::new()
        } else {
            Points(sum).display()
        };
        if criterion.has_subs {
            rows.push(
                view! {
                    <tr class="criterion-row">
                        <th scope="row">{criterion.number.to_string()}</th>
                        <th scope="row">{name.clone()}</th>
                        <td class="num">{criterion.max.display()}</td>
                        <td class="num">{sum_text}</td>
                    </tr>
                }
                .into_any(),
            );
            for (i, line) in criterion.lines.iter().enumerate() {
                let line_name = match i18n.lang {
                    crate::i18n::Lang::Vi => &line.name_vi,
                    crate::i18n::Lang::En => &line.name_en,
                };
                rows.push(
                    view! {
                        <tr>
                            <td>{format!("{}.{}", criterion.number, i + 1)}</td>
                            <td>{line_name.clone()}</td>
                            <td class="num">{line.max.display()}</td>
                            <td class="num">{points_of(&line.key)}</td>
                        </tr>
                    }
                    .into_any(),
                );
            }
        } else {
            let key = criterion.lines.first().map(|l| l.key.clone()).unwrap_or_default();
            rows.push(
                view! {
                    <tr class="criterion-row">
                        <th scope="row">{criterion.number.to_string()}</th>
                        <th scope="row">{name.clone()}</th>
                        <td class="num">{criterion.max.display()}</td>
                        <td class="num">{points_of(&key)}</td>
                    </tr>
                }
                .into_any(),
            );
        }
    }
    let total_text = if blank || values.points.is_empty() {
        String::new()
    } else {
        Points(total).display()
    };
    let comment = if blank { String::new() } else { values.comment.clone() };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=i18n.t("sheet-heading")>
            <table class="sheet-table">
                <caption class="visually-hidden">{i18n.t("sheet-heading")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("sheet-col-number")}</th>
                        <th scope="col">{i18n.t("sheet-col-criterion")}</th>
                        <th scope="col" class="num">{i18n.t("sheet-col-max")}</th>
                        <th scope="col" class="num">{i18n.t("sheet-col-points")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="2">{i18n.t("sheet-col-total")}</th>
                        <td class="num">{spec.max().display()}</td>
                        <td class="num"><strong>{total_text}</strong></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <h3>{i18n.t("field-comment")}</h3>
        <p class="message-text sheet-comment">{if comment.is_empty() { "—".to_owned() } else { comment }}</p>
    }
}

/// The secretariat's reopening of a submitted sheet, with the reason.
#[component]
fn ReopenForm(entry: String, juror: String, version: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ReopenSheet>::new();
    let errors = field_errors(action);
    view! {
        <section class="panel" aria-labelledby="reopen-heading">
            <h2 id="reopen-heading">{i18n.t("sheet-reopen-title")}</h2>
            <FormStatus action/>
            <ActionForm action>
                <input type="hidden" name="entry" value=entry/>
                <input type="hidden" name="juror" value=juror/>
                <input type="hidden" name="version" value=version.to_string()/>
                <TextArea name="reason" label=i18n.t("field-reopen-reason") errors required=true maxlength=1000 rows=2/>
                <button type="submit" class="button button-secondary">{i18n.t("sheet-reopen")}</button>
            </ActionForm>
        </section>
    }
}

/// A juror who finds a tie after reading the dossier declares it here;
/// the entry then leaves their list and any draft is void.
#[component]
fn LaterTie(entry: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Declare>::new();
    let errors = field_errors(action);
    view! {
        <details class="panel later-tie">
            <summary>{i18n.t("declare-later")}</summary>
            <FormStatus action/>
            <ActionForm action>
                <input type="hidden" name="entry" value=entry/>
                <input type="hidden" name="juror" value=""/>
                <div class="field">
                    <label for="f-tie">{i18n.t("field-tie")}</label>
                    <select id="f-tie" name="tie">
                        {Tie::ALL.into_iter().map(|tie| view! {
                            <option value=tie.code()>{i18n.t(&format!("tie-{}", tie.code()))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextArea name="note" id="f-later-note" label=i18n.t("field-note") errors maxlength=1000 rows=2/>
                <button type="submit" class="button button-danger">{i18n.t("declare-tie-submit")}</button>
            </ActionForm>
        </details>
    }
}
