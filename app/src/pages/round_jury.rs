//! The secretariat's board of the jury's work: each juror's load and
//! progress; each eligible entry with its jurors, what they declared and
//! how far their sheets are; adding or removing a juror on one entry,
//! recording a conflict on a juror's behalf, and opening any sheet (to
//! type in a paper sheet, reopen or print it).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::judging::board::{get_jury_board, Declare, SetEntryJuror};
use crate::api::judging::{Board, BoardEntry, BoardJuror, JurorLoad, Stance};
use crate::components::form::{field_errors, FormStatus, TextArea};
use crate::components::status::{LoadError, Loading};
use crate::domain::jury::Tie;
use crate::domain::scoring::SheetState;
use crate::i18n::{use_i18n, Arg, I18n};
use crate::pages::round_page::{round_param, RoundNav};
use crate::pages::sheet::sheet_href;

#[derive(Clone, Copy)]
struct BoardActions {
    set: ServerAction<SetEntryJuror>,
    declare: ServerAction<Declare>,
}

/// The board page.
#[component]
pub fn RoundJuryPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let round = id.clone();
    let board = Resource::new(move || round.clone(), get_jury_board);
    let actions = BoardActions {
        set: ServerAction::new(),
        declare: ServerAction::new(),
    };
    view! {
        <Title text=i18n.t("jury-title")/>
        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
        <h1>{i18n.t("jury-title")}</h1>
        <RoundNav id=id.clone() current="/jury"/>
        <FormStatus action=actions.set notice=crate::components::form::notice_is("juror-changed") success_key="notice-juror-changed"/>
        <FormStatus action=actions.declare notice=crate::components::form::notice_is("conflict-recorded") success_key="notice-conflict-recorded"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(b) => view! { <BoardView b actions/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BoardView(b: Board, actions: BoardActions) -> impl IntoView {
    let i18n = use_i18n();
    let summary = i18n.t_with(
        "jury-summary",
        &[
            ("submitted", Arg::Num(b.submitted as i64)),
            ("expected", Arg::Num(b.expected as i64)),
            ("entries", Arg::Num(b.entries.len() as i64)),
        ],
    );
    let all_jurors: Vec<(String, String)> = b.jurors.iter().map(|j| (j.user.to_string(), j.name.clone())).collect();
    let no_jurors = b.jurors.is_empty();
    let no_entries = b.entries.is_empty();
    let can_edit = b.can_edit;
    view! {
        <p class="lead">{summary}</p>
        {(!can_edit).then(|| view! { <p class="hint">{i18n.t("jury-closed")}</p> })}
        <section aria-labelledby="jurors-heading">
            <h2 id="jurors-heading">{i18n.t("jury-jurors")}</h2>
            {if no_jurors {
                view! { <p class="empty">{i18n.t("jury-no-jurors")}</p> }.into_any()
            } else {
                view! { <LoadTable jurors=b.jurors.clone()/> }.into_any()
            }}
        </section>
        <section aria-labelledby="entries-heading">
            <h2 id="entries-heading">{i18n.t("jury-entries")}</h2>
            {no_entries.then(|| view! { <p class="empty">{i18n.t("jury-no-entries")}</p> })}
            <ul class="board">
                {b.entries.into_iter().map(|e| view! { <EntryCard e all_jurors=all_jurors.clone() can_edit actions/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn LoadTable(jurors: Vec<JurorLoad>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="jurors-heading">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("jury-col-juror")}</th>
                        <th scope="col">{i18n.t("jury-col-groups")}</th>
                        <th scope="col" class="num">{i18n.t("jury-col-assigned")}</th>
                        <th scope="col" class="num">{i18n.t("jury-col-conflicts")}</th>
                        <th scope="col" class="num">{i18n.t("jury-col-undeclared")}</th>
                        <th scope="col" class="num">{i18n.t("jury-col-submitted")}</th>
                        <th scope="col" class="num">{i18n.t("jury-col-missing")}</th>
                    </tr>
                </thead>
                <tbody>
                    {jurors.into_iter().map(|j| view! {
                        <tr>
                            <th scope="row">{j.name.clone()}</th>
                            <td>{j.groups.iter().map(|g| g.to_string()).collect::<Vec<_>>().join(", ")}</td>
                            <td class="num">{j.assigned}</td>
                            <td class="num">{j.conflicts}</td>
                            <td class="num">{j.undeclared}</td>
                            <td class="num">{j.submitted}</td>
                            <td class={if j.missing > 0 { "num attention" } else { "num" }}>{j.missing}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn stance_text(i18n: I18n, stance: &Stance) -> String {
    match stance {
        Stance::Undeclared => i18n.t("stance-undeclared"),
        Stance::NoTie => i18n.t("stance-no-tie"),
        Stance::OwnBusiness => i18n.t("stance-own-business"),
        Stance::Tie(t) => {
            let mut text = i18n.t_with(
                "stance-tie",
                &[("tie", Arg::Text(i18n.t(&format!("tie-{}", t.tie.code()))))],
            );
            if let Some(note) = &t.note {
                text.push_str(": ");
                text.push_str(note);
            }
            if t.by_secretariat {
                text.push_str(&format!(" ({})", i18n.t("stance-by-secretariat")));
            }
            text
        }
    }
}

#[component]
fn EntryCard(e: BoardEntry, all_jurors: Vec<(String, String)>, can_edit: bool, actions: BoardActions) -> impl IntoView {
    let i18n = use_i18n();
    let entry = e.id.to_string();
    let assigned: Vec<String> = e.jurors.iter().map(|j| j.user.to_string()).collect();
    let addable: Vec<(String, String)> = all_jurors
        .into_iter()
        .filter(|(id, _)| !assigned.contains(id))
        .collect();
    let heading = format!("{} · {}", e.code.clone().unwrap_or_else(|| "—".into()), e.product_name);
    let missing = (e.missing > 0).then(|| {
        view! { <span class="status status-pending">{i18n.t_with("jury-entry-missing", &[("count", Arg::Num(e.missing as i64))])}</span> }
    });
    let jurors = e
        .jurors
        .iter()
        .cloned()
        .map(|j| view! { <JurorRow entry=entry.clone() j can_edit actions/> })
        .collect_view();
    let removed = (!e.removed.is_empty()).then(|| {
        let entry = entry.clone();
        view! {
            <p class="hint">{i18n.t("jury-removed")}</p>
            <ul class="chips">
                {e.removed.iter().map(|(user, name)| {
                    let entry = entry.clone();
                    let user = user.to_string();
                    let label = i18n.t_with("jury-restore-label", &[("name", Arg::Text(name.clone()))]);
                    view! {
                        <li>
                            {name.clone()}
                            {can_edit.then(|| view! {
                                <ActionForm action=actions.set>
                                    <input type="hidden" name="entry" value=entry.clone()/>
                                    <input type="hidden" name="juror" value=user.clone()/>
                                    <input type="hidden" name="mode" value="reset"/>
                                    <button type="submit" class="button button-small button-secondary" aria-label=label>{i18n.t("jury-restore")}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    let add = (can_edit && !addable.is_empty()).then(|| {
        let select_id = format!("add-{}", e.id);
        view! {
            <ActionForm action=actions.set attr:class="form-row">
                <input type="hidden" name="entry" value=entry.clone()/>
                <input type="hidden" name="mode" value="add"/>
                <div class="field">
                    <label for=select_id.clone()>{i18n.t("jury-add-label")}</label>
                    <select id=select_id name="juror">
                        {addable.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-secondary">{i18n.t("jury-add")}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="card board-entry">
            <h3>{heading}</h3>
            <p class="hint">{e.business_name.clone()}" · "{i18n.t("judging-col-group")}" "{e.group.map(|g| g.to_string()).unwrap_or_default()}" "{missing}</p>
            <ul class="plain-list board-jurors">{jurors}</ul>
            {removed}
            {add}
        </li>
    }
}

#[component]
fn JurorRow(entry: String, j: BoardJuror, can_edit: bool, actions: BoardActions) -> impl IntoView {
    let i18n = use_i18n();
    let user = j.user.to_string();
    let sheet = match &j.sheet {
        None => i18n.t("sheet-state-none"),
        Some(s) if s.state == SheetState::Draft => {
            i18n.t_with("judging-draft", &[("total", Arg::Text(s.total.display()))])
        }
        Some(s) => i18n.t_with("judging-submitted", &[("total", Arg::Text(s.total.display()))]),
    };
    let paper = j
        .sheet
        .as_ref()
        .is_some_and(|s| s.from_paper)
        .then(|| i18n.t("sheet-from-paper"));
    let conflicted = matches!(j.stance, Stance::Tie(_) | Stance::OwnBusiness);
    let open_label = i18n.t_with("jury-open-sheet", &[("name", Arg::Text(j.name.clone()))]);
    let print_label = i18n.t_with("jury-print-sheet", &[("name", Arg::Text(j.name.clone()))]);
    let remove_label = i18n.t_with("jury-remove-label", &[("name", Arg::Text(j.name.clone()))]);
    let remove = (can_edit && j.sheet.is_none()).then(|| {
        let (entry, user) = (entry.clone(), user.clone());
        view! {
            <ActionForm action=actions.set>
                <input type="hidden" name="entry" value=entry/>
                <input type="hidden" name="juror" value=user/>
                <input type="hidden" name="mode" value=if j.added { "reset" } else { "remove" }/>
                <button type="submit" class="button button-small button-secondary" aria-label=remove_label>{i18n.t("jury-remove")}</button>
            </ActionForm>
        }
    });
    let record = (can_edit && !conflicted && j.sheet.as_ref().is_none_or(|s| s.state == SheetState::Draft)).then(|| {
        view! { <RecordConflict entry=entry.clone() juror=user.clone() name=j.name.clone() action=actions.declare/> }
    });
    view! {
        <li>
            <strong>{j.name.clone()}</strong>
            {j.added.then(|| view! { " "<span class="status">{i18n.t("jury-added")}</span> })}
            <br/>
            <span class="hint">{stance_text(i18n, &j.stance)}</span>
            {(!conflicted).then(|| view! {
                <br/>
                <span>{sheet}{paper.map(|p| format!(" · {p}"))}</span>
                " "
                <a href=sheet_href(&entry, Some(&user), "") aria-label=open_label>{i18n.t("jury-open")}</a>
                " · "
                <a href=sheet_href(&entry, Some(&user), "/print") aria-label=print_label>{i18n.t("sheet-print")}</a>
            })}
            <div class="row-actions">{remove}{record}</div>
        </li>
    }
}

/// Records a juror's tie on their behalf.
#[component]
fn RecordConflict(entry: String, juror: String, name: String, action: ServerAction<Declare>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = field_errors(action);
    let id = format!("tie-{entry}-{juror}");
    let note_id = format!("note-{entry}-{juror}");
    view! {
        <details class="record-conflict">
            <summary>{i18n.t_with("jury-record-conflict", &[("name", Arg::Text(name))])}</summary>
            <ActionForm action>
                <input type="hidden" name="entry" value=entry/>
                <input type="hidden" name="juror" value=juror/>
                <div class="field">
                    <label for=id.clone()>{i18n.t("field-tie")}</label>
                    <select id=id name="tie">
                        {Tie::ALL.into_iter().map(|tie| view! {
                            <option value=tie.code()>{i18n.t(&format!("tie-{}", tie.code()))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextArea name="note" id=note_id label=i18n.t("field-note") errors maxlength=1000 rows=2/>
                <button type="submit" class="button button-small button-danger">{i18n.t("jury-record")}</button>
            </ActionForm>
        </details>
    }
}
