//! The council's page of a round. Members vote on each entry reaching the
//! threshold (recognise, nominate) or declare a tie with its business; the
//! secretariat records the tally of a vote taken in the meeting, merges
//! entries of one business into sets and records the decision, which
//! closes deliberation and issues the certificates. Server-rendered: every
//! form is a plain form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::council::decision::{DissolveSet, FormSet, RecordDecision};
use crate::api::council::vote::{get_council_page, CastCouncilVote, DeclareCouncilTie, RecordCouncilTally};
use crate::api::council::{CouncilItem, CouncilPage, SetCandidates, SetView};
use crate::components::form::{field_errors, notice_is, remembered, Field, FormStatus, TextArea};
use crate::components::outcome::result_text;
use crate::components::status::{LoadError, Loading};
use crate::domain::council::{Ballot, Outcome, Tally, Vote};
use crate::domain::jury::Tie;
use crate::domain::report::Mean;
use crate::domain::validation::FieldError;
use crate::i18n::{use_i18n, Arg, I18n};
use crate::pages::round_page::{round_param, RoundNav};

#[derive(Clone, Copy)]
struct Actions {
    vote: ServerAction<CastCouncilVote>,
    declare: ServerAction<DeclareCouncilTie>,
    tally: ServerAction<RecordCouncilTally>,
    decide: ServerAction<RecordDecision>,
    form_set: ServerAction<FormSet>,
    dissolve: ServerAction<DissolveSet>,
}

/// The council page.
#[component]
pub fn RoundCouncilPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let round = id.clone();
    let page = Resource::new(move || round.clone(), get_council_page);
    let actions = Actions {
        vote: ServerAction::new(),
        declare: ServerAction::new(),
        tally: ServerAction::new(),
        decide: ServerAction::new(),
        form_set: ServerAction::new(),
        dissolve: ServerAction::new(),
    };
    view! {
        <Title text=i18n.t("council-title")/>
        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
        <h1>{i18n.t("council-title")}</h1>
        <RoundNav id=id.clone() current="/council"/>
        <FormStatus action=actions.vote notice=notice_is("vote-cast") success_key="notice-vote-cast"/>
        <FormStatus action=actions.declare notice=notice_is("council-conflict-declared") success_key="notice-council-conflict-declared"/>
        <FormStatus action=actions.tally notice=notice_is("tally-recorded") success_key="notice-tally-recorded"/>
        <FormStatus action=actions.form_set notice=notice_is("set-formed") success_key="notice-set-formed"/>
        <FormStatus action=actions.dissolve notice=notice_is("set-dissolved") success_key="notice-set-dissolved"/>
        <FormStatus action=actions.decide notice=notice_is("decision-recorded") success_key="notice-decision-recorded"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <CouncilView p actions/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn mean_text(mean: Option<Mean>) -> String {
    mean.map(|m| m.rounded().display()).unwrap_or_else(|| "—".into())
}

/// "3 for · 1 against · 0 abstaining (4 of 5 members)".
fn counts_text(i18n: I18n, tally: &Tally) -> String {
    i18n.t_with(
        "council-counts",
        &[
            ("for", Arg::Num(i64::from(tally.for_votes))),
            ("against", Arg::Num(i64::from(tally.against))),
            ("abstain", Arg::Num(i64::from(tally.abstain))),
            ("present", Arg::Num(i64::from(tally.present))),
            ("members", Arg::Num(i64::from(tally.members))),
        ],
    )
}

fn outcome_chip(i18n: I18n, outcome: Outcome) -> impl IntoView {
    let class = match outcome {
        Outcome::Carried => "status status-active",
        Outcome::NoQuorum => "status status-pending",
        _ => "status",
    };
    view! { <span class=class>{i18n.t(&format!("outcome-{}", outcome.code()))}</span> }
}

#[component]
fn CouncilView(p: CouncilPage, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let tie_rule = if p.rules.tie_carries {
        i18n.t("council-tie-carries")
    } else {
        i18n.t("council-tie-fails")
    };
    let lead = i18n.t_with(
        "council-lead",
        &[
            ("members", Arg::Num(p.members as i64)),
            ("quorum", Arg::Num(p.rules.quorum_percent)),
            ("majority", Arg::Num(p.rules.majority_percent)),
            ("threshold", Arg::Text(p.threshold.display())),
            ("tie", Arg::Text(tie_rule)),
        ],
    );
    let (above, below): (Vec<CouncilItem>, Vec<CouncilItem>) = p.items.into_iter().partition(|i| i.row.figures.reaches);
    let open = p.open;
    let (is_member, can_manage) = (p.is_member, p.can_manage);
    let recognised = above.iter().filter(|i| i.standing.recognition.carried()).count();
    let nominated = above
        .iter()
        .filter(|i| i.standing.recognition.carried() && i.standing.nomination.carried())
        .count();
    let undecided = above
        .iter()
        .filter(|i| i.standing.recognition == Outcome::NoQuorum)
        .count();
    let round = p.round.to_string();
    let round_id = p.round;
    let decision = p.decision.clone().map(|d| {
        let text = i18n.t_with(
            "council-decision-text",
            &[
                ("number", Arg::Text(d.number)),
                ("date", Arg::Text(d.decided_on.vn_date())),
                ("signer", Arg::Text(d.signer)),
                ("issuer", Arg::Text(d.issuer)),
            ],
        );
        view! {
            <section class="card" aria-labelledby="decision-heading">
                <h2 id="decision-heading">{i18n.t("council-decision-heading")}</h2>
                <p>{text}</p>
                <p><a href=format!("/rounds/{round_id}/scores.xlsx") download="">{i18n.t("scores-download")}</a></p>
            </section>
        }
    });
    let above_empty = above.is_empty();
    view! {
        <p class="lead">{lead}</p>
        {(is_member && open).then(|| view! { <p class="hint">{i18n.t("council-member-hint")}</p> })}
        {decision}
        <section aria-labelledby="above-heading">
            <h2 id="above-heading">{i18n.t("council-above")}</h2>
            {above_empty.then(|| view! { <p class="empty">{i18n.t("council-none-above")}</p> })}
            <ul class="board">
                {above.into_iter().map(|item| view! { <ItemCard item open is_member can_manage actions/> }).collect_view()}
            </ul>
        </section>
        {(!below.is_empty()).then(|| view! { <BelowTable items=below/> })}
        {(can_manage && open).then(|| view! {
            <SetsSection round=round.clone() sets=p.sets.clone() candidates=p.set_candidates.clone() actions/>
            <DecisionForm round=round.clone() issuer=p.issuer_hint.clone() recognised nominated undecided action=actions.decide/>
        })}
    }
}

#[component]
fn ItemCard(item: CouncilItem, open: bool, is_member: bool, can_manage: bool, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let entry = item.row.entry.to_string();
    let heading = format!("{} · {}", item.row.code, item.row.product);
    let score = i18n.t_with(
        "council-score",
        &[("score", Arg::Text(mean_text(item.row.figures.official)))],
    );
    let flagged = item
        .row
        .figures
        .flagged
        .then(|| view! { " "<span class="status status-pending">{i18n.t("report-flagged")}</span> });
    let source = if item.standing.from_meeting {
        i18n.t("council-from-meeting")
    } else {
        i18n.t("council-from-online")
    };
    let result = item.result.map(|(recognised, nominated)| {
        let text = result_text(i18n, recognised, nominated);
        view! { <p><strong>{text}</strong>{item.certificate.clone().map(|n| format!(" · {} {n}", i18n.t("council-certificate")))}</p> }
    });
    let set = item
        .set
        .clone()
        .map(|name| view! { <p class="hint">{i18n.t_with("council-in-set", &[("name", Arg::Text(name))])}</p> });
    let member_part = (is_member && open).then(|| {
        if item.my_conflict {
            view! { <p class="hint">{i18n.t("council-my-conflict")}</p> }.into_any()
        } else {
            view! {
                <VoteForm entry=entry.clone() mine=item.my_vote action=actions.vote/>
                <DeclareTie entry=entry.clone() action=actions.declare/>
            }
            .into_any()
        }
    });
    let tally_part = (can_manage && open).then(|| {
        view! { <TallyForm entry=entry.clone() item=item.clone() action=actions.tally/> }
    });
    view! {
        <li class="card board-entry">
            <h3>{heading}</h3>
            <p class="hint">{item.row.business.clone()}" · "{i18n.t("judging-col-group")}" "{item.group}</p>
            <p>{score}{flagged}</p>
            {set}
            <dl class="council-counts">
                <dt>{i18n.t("council-q-recognise")}</dt>
                <dd>{counts_text(i18n, &item.standing.recognise)}" "{outcome_chip(i18n, item.standing.recognition)}</dd>
                <dt>{i18n.t("council-q-nominate")}</dt>
                <dd>{counts_text(i18n, &item.standing.nominate)}" "{outcome_chip(i18n, item.standing.nomination)}</dd>
            </dl>
            <p class="hint">{source}</p>
            {result}
            {member_part}
            {tally_part}
        </li>
    }
}

/// Radio buttons for one question.
#[component]
fn BallotChoice(
    entry: String,
    name: &'static str,
    legend: String,
    chosen: Option<Ballot>,
    blank: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let options: Vec<(String, String)> = Ballot::ALL
        .iter()
        .map(|b| (b.code().to_owned(), i18n.t(&format!("ballot-{}", b.code()))))
        .chain(blank.then(|| (String::new(), i18n.t("ballot-blank"))))
        .collect();
    let current = chosen.map(|b| b.code().to_owned()).unwrap_or_default();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {options.into_iter().map(|(code, text)| {
                let id = format!("{name}-{entry}-{}", if code.is_empty() { "blank" } else { code.as_str() });
                let checked = code == current;
                view! {
                    <div class="check">
                        <input type="radio" id=id.clone() name=name value=code checked=checked/>
                        <label for=id>{text}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn VoteForm(entry: String, mine: Option<Vote>, action: ServerAction<CastCouncilVote>) -> impl IntoView {
    let i18n = use_i18n();
    let submit = if mine.is_some() {
        i18n.t("council-vote-change")
    } else {
        i18n.t("council-vote")
    };
    let recognise = Some(mine.map(|v| v.recognise).unwrap_or(Ballot::For));
    view! {
        <ActionForm action attr:class="vote-form">
            <input type="hidden" name="entry" value=entry.clone()/>
            <BallotChoice entry=entry.clone() name="recognise" legend=i18n.t("council-q-recognise") chosen=recognise blank=false/>
            <BallotChoice entry=entry.clone() name="nominate" legend=i18n.t("council-q-nominate") chosen=mine.and_then(|v| v.nominate) blank=true/>
            {mine.is_some().then(|| view! { <p class="hint">{i18n.t("council-voted")}</p> })}
            <button type="submit" class="button">{submit}</button>
        </ActionForm>
    }
}

#[component]
fn DeclareTie(entry: String, action: ServerAction<DeclareCouncilTie>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = field_errors(action);
    let select_id = format!("tie-{entry}");
    let note_id = format!("note-{entry}");
    view! {
        <details class="record-conflict">
            <summary>{i18n.t("council-declare")}</summary>
            <ActionForm action>
                <input type="hidden" name="entry" value=entry/>
                <div class="field">
                    <label for=select_id.clone()>{i18n.t("field-tie")}</label>
                    <select id=select_id name="tie">
                        {Tie::ALL.into_iter().map(|tie| view! {
                            <option value=tie.code()>{i18n.t(&format!("tie-{}", tie.code()))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextArea name="note" id=note_id label=i18n.t("field-note") hint=i18n.t("hint-tie-note") errors maxlength=1000 rows=2/>
                <button type="submit" class="button button-small button-danger">{i18n.t("council-declare-submit")}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn TallyForm(entry: String, item: CouncilItem, action: ServerAction<RecordCouncilTally>) -> impl IntoView {
    let i18n = use_i18n();
    let memory = remembered(RecordCouncilTally::PATH);
    let mine = memory.get("entry").as_deref() == Some(entry.as_str());
    let errors = if mine {
        field_errors(action)
    } else {
        Signal::stored(Vec::<FieldError>::new())
    };
    // Prefilled with what the form last carried, else the standing counts.
    let (r, n) = (item.standing.recognise, item.standing.nominate);
    let fields = [
        ("present", i18n.t("field-present"), r.present),
        ("recognise_for", i18n.t("field-votes-for"), r.for_votes),
        ("recognise_against", i18n.t("field-votes-against"), r.against),
        ("recognise_abstain", i18n.t("field-votes-abstain"), r.abstain),
        ("nominate_for", i18n.t("field-votes-for"), n.for_votes),
        ("nominate_against", i18n.t("field-votes-against"), n.against),
        ("nominate_abstain", i18n.t("field-votes-abstain"), n.abstain),
    ];
    let mut inputs: Vec<AnyView> = fields
        .into_iter()
        .map(|(name, label, standing)| {
            let value = if mine {
                memory.get(name).unwrap_or_default()
            } else if item.standing.from_meeting {
                standing.to_string()
            } else {
                String::new()
            };
            let id = format!("{name}-{entry}");
            let input_name = format!("counts[{name}]");
            view! { <Field name=name input_name id label errors kind="number" value inputmode="numeric"/> }.into_any()
        })
        .collect();
    let nominate: Vec<AnyView> = inputs.split_off(4);
    let recognise: Vec<AnyView> = inputs.split_off(1);
    let present = inputs;
    view! {
        <details class="record-conflict" open=mine>
            <summary>{i18n.t("council-tally")}</summary>
            <ActionForm action attr:class="tally-form">
                <input type="hidden" name="entry" value=entry.clone()/>
                <p class="hint">{i18n.t_with("council-tally-hint", &[("members", Arg::Num(i64::from(item.standing.voters)))])}</p>
                {present}
                <fieldset>
                    <legend>{i18n.t("council-q-recognise")}</legend>
                    {recognise}
                </fieldset>
                <fieldset>
                    <legend>{i18n.t("council-q-nominate")}</legend>
                    {nominate}
                </fieldset>
                <button type="submit" class="button button-secondary">{i18n.t("council-tally-submit")}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn BelowTable(items: Vec<CouncilItem>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="below-heading">
            <h2 id="below-heading">{i18n.t("council-below")}</h2>
            <p class="hint">{i18n.t("council-below-hint")}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="below-heading">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("report-col-product")}</th>
                            <th scope="col" class="num">{i18n.t("report-col-official")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {items.into_iter().map(|i| view! {
                            <tr>
                                <th scope="row">{format!("{} · {}", i.row.code, i.row.product)}<br/><span class="hint">{i.row.business.clone()}</span></th>
                                <td class="num">{mean_text(i.row.figures.official)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn SetsSection(round: String, sets: Vec<SetView>, candidates: Vec<SetCandidates>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let nothing = sets.is_empty() && candidates.is_empty();
    let errors = field_errors(actions.form_set);
    let set_name = remembered(FormSet::PATH).get("set_name").unwrap_or_default();
    let dissolve_round = round.clone();
    view! {
        <section aria-labelledby="sets-heading">
            <h2 id="sets-heading">{i18n.t("council-sets")}</h2>
            <p class="hint">{i18n.t("council-sets-hint")}</p>
            {nothing.then(|| view! { <p class="empty">{i18n.t("council-no-sets")}</p> })}
            <ul class="plain-list">
                {sets.into_iter().map(|s| {
                    let round = dissolve_round.clone();
                    let label = i18n.t_with("council-dissolve-label", &[("name", Arg::Text(s.name.clone()))]);
                    view! {
                        <li class="card">
                            <strong>{s.name.clone()}</strong>" · "{s.business.clone()}
                            <ul>{s.entries.iter().map(|(_, l)| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                            <ActionForm action=actions.dissolve>
                                <input type="hidden" name="round" value=round/>
                                <input type="hidden" name="set" value=s.id.clone()/>
                                <button type="submit" class="button button-small button-secondary" aria-label=label>{i18n.t("council-dissolve")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {candidates.into_iter().enumerate().map(|(n, c)| {
                let name_id = format!("set-name-{n}");
                let (round, set_name) = (round.clone(), set_name.clone());
                view! {
                    <ActionForm action=actions.form_set attr:class="card set-form">
                        <input type="hidden" name="round" value=round/>
                        <fieldset class="choices">
                            <legend>{i18n.t_with("council-set-of", &[("business", Arg::Text(c.business.clone()))])}</legend>
                            {c.entries.iter().map(|(id, l)| {
                                let box_id = format!("set-{id}");
                                view! {
                                    <div class="check">
                                        <input type="checkbox" id=box_id.clone() name="entries[]" value=id.to_string()/>
                                        <label for=box_id>{l.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <Field name="set_name" id=name_id label=i18n.t("field-set_name") errors value=set_name maxlength=200/>
                        <button type="submit" class="button button-secondary">{i18n.t("council-form-set")}</button>
                    </ActionForm>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn DecisionForm(
    round: String,
    issuer: String,
    recognised: usize,
    nominated: usize,
    undecided: usize,
    action: ServerAction<RecordDecision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = field_errors(action);
    let memory = remembered(RecordDecision::PATH);
    let summary = i18n.t_with(
        "council-decision-summary",
        &[
            ("recognised", Arg::Num(recognised as i64)),
            ("nominated", Arg::Num(nominated as i64)),
        ],
    );
    view! {
        <section class="card" aria-labelledby="decide-heading">
            <h2 id="decide-heading">{i18n.t("council-decide-heading")}</h2>
            <p>{summary}</p>
            {(undecided > 0).then(|| view! {
                <p class="attention">{i18n.t_with("council-undecided", &[("count", Arg::Num(undecided as i64))])}</p>
            })}
            <p class="hint">{i18n.t("council-decide-hint")}</p>
            <ActionForm action>
                <input type="hidden" name="round" value=round/>
                <Field name="decision_number" label=i18n.t("field-decision_number") errors hint=i18n.t("hint-decision_number")
                    value=memory.get("decision_number").unwrap_or_default() required=true maxlength=100/>
                <Field name="decided_on" label=i18n.t("field-decided_on") errors kind="date"
                    value=memory.get("decided_on").unwrap_or_default() required=true/>
                <Field name="signer" label=i18n.t("field-signer") errors hint=i18n.t("hint-signer")
                    value=memory.get("signer").unwrap_or_default() required=true maxlength=200/>
                <Field name="issuer" label=i18n.t("field-issuer") errors hint=i18n.t("hint-issuer")
                    value=memory.get("issuer").unwrap_or(issuer) required=true maxlength=200/>
                <button type="submit" class="button">{i18n.t("council-decide")}</button>
            </ActionForm>
        </section>
    }
}
