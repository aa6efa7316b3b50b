//! A round's overview: state, calendar, rules, and the moves to the next
//! (or back to an earlier) state.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::rounds::lifecycle::MoveRound;
use crate::api::rounds::view::get_round_detail;
use crate::api::rounds::{MoveOption, RoundDetail};
use crate::components::form::{field_errors, notice_is, FormStatus, TextArea};
use crate::components::status::{LoadError, Loading};
use crate::domain::certificate::format_number;
use crate::domain::lifecycle::MoveRefusal;
use crate::i18n::Tell;
use crate::i18n::{use_i18n, Arg};

/// The round id in the address.
pub fn round_param() -> String {
    use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default()
}

/// The round's detail, loaded once for the page.
pub fn round_resource(id: String) -> Resource<Result<RoundDetail, crate::error::AppError>> {
    Resource::new(move || id.clone(), get_round_detail)
}

/// Links between the round's pages.
#[component]
pub fn RoundNav(id: String, current: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let link = |path: &'static str, key: &'static str| {
        let href = format!("/rounds/{id}{path}");
        let here = current == path;
        view! {
            <li><a href=href aria-current=here.then_some("page")>{i18n.t(key)}</a></li>
        }
    };
    view! {
        <nav class="tabs" aria-label=i18n.t("round-nav-label")>
            <ul>
                {link("", "round-tab-overview")}
                {link("/settings", "round-tab-settings")}
                {link("/criteria", "round-tab-criteria")}
                {link("/people", "round-tab-people")}
                {link("/screening", "round-tab-screening")}
                {link("/jury", "round-tab-jury")}
                {link("/report", "round-tab-report")}
                {link("/council", "round-tab-council")}
                {link("/nominations", "round-tab-nominations")}
            </ul>
        </nav>
    }
}

/// The overview page.
#[component]
pub fn RoundPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let detail = round_resource(id.clone());
    let action = ServerAction::<MoveRound>::new();
    let moved = notice_is("round-moved");
    view! {
        <Suspense fallback=Loading>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    match detail.await {
                        Ok(d) => {
                            let s = d.summary.settings.clone();
                            let example = format_number(&s.certificate_pattern, 1, s.year);
                            view! {
                                <Title text=d.summary.name.clone()/>
                                <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
                                <h1>{d.summary.name.clone()}</h1>
                                <p class="round-meta">
                                    <span class=format!("status state-{}", d.summary.state.code())>{d.summary.state.tell(i18n)}</span>
                                    " "{d.summary.level.get(i18n.lang).to_owned()}" · "{d.summary.territory.get(i18n.lang).to_owned()}" · "{s.year}
                                </p>
                                <RoundNav id=id.clone() current=""/>
                                <FormStatus action notice=moved success_key="notice-round-moved"/>
                                {d.can_manage.then(|| view! { <RoundMoves id=id.clone() moves=d.moves.clone() action/> })}
                                <h2>{i18n.t("round-calendar")}</h2>
                                <dl class="facts">
                                    <dt>{i18n.t("field-entries_open")}</dt>
                                    <dd><time datetime=s.entries_open.iso_utc()>{s.entries_open.vn_datetime()}</time></dd>
                                    <dt>{i18n.t("field-entries_close")}</dt>
                                    <dd><time datetime=s.entries_close.iso_utc()>{s.entries_close.vn_datetime()}</time></dd>
                                    <dt>{i18n.t("field-judging_close")}</dt>
                                    <dd><time datetime=s.judging_close.iso_utc()>{s.judging_close.vn_datetime()}</time></dd>
                                </dl>
                                <h2>{i18n.t("round-rules")}</h2>
                                <dl class="facts">
                                    <dt>{i18n.t("field-threshold")}</dt>
                                    <dd>{i18n.t_with("points-of-100", &[("points", Arg::Text(s.threshold.display()))])}</dd>
                                    <dt>{i18n.t("field-quorum_percent")}</dt>
                                    <dd>{i18n.t_with("quorum-value", &[("percent", Arg::Num(s.quorum_percent))])}</dd>
                                    <dt>{i18n.t("field-majority_percent")}</dt>
                                    <dd>{i18n.t_with("majority-value", &[("percent", Arg::Num(s.majority_percent))])}
                                        " "{if s.tie_recognises { i18n.t("tie-recognises") } else { i18n.t("tie-not-recognised") }}</dd>
                                    <dt>{i18n.t("field-score_step")}</dt>
                                    <dd>{s.score_step.display()}</dd>
                                    <dt>{i18n.t("field-spread_flag")}</dt>
                                    <dd>{s.spread_flag.display()}</dd>
                                    <dt>{i18n.t("field-certificate_pattern")}</dt>
                                    <dd><code>{s.certificate_pattern.clone()}</code>" → "{example}</dd>
                                    <dt>{i18n.t("field-show_scores")}</dt>
                                    <dd>{if s.show_scores { i18n.t("yes") } else { i18n.t("no") }}</dd>
                                    <dt>{i18n.t("field-parent_round")}</dt>
                                    <dd>{d.parent.clone().map(|(_, name)| name).unwrap_or_else(|| i18n.t("choice-none"))}</dd>
                                </dl>
                            }.into_any()
                        }
                        Err(error) => view! { <LoadError error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The moves from the round's state: each a small form, with why it is
/// not possible yet when it is not.
#[component]
fn RoundMoves(id: String, moves: Vec<MoveOption>, action: ServerAction<MoveRound>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = field_errors(action);
    view! {
        <section class="panel" aria-labelledby="moves-heading">
            <h2 id="moves-heading">{i18n.t("round-moves")}</h2>
            {moves.is_empty().then(|| view! { <p class="empty">{i18n.t("round-no-moves")}</p> })}
            {moves.into_iter().map(|m| {
                let id = id.clone();
                let needs_reason = m.back || matches!(m.refusal, Some(MoveRefusal::SheetsMissing { .. }));
                let blocked = m.refusal.clone().filter(|r| !matches!(r, MoveRefusal::SheetsMissing { .. }));
                let label = if m.back {
                    i18n.t_with("move-back-to", &[("state", Arg::Text(m.to.tell(i18n)))])
                } else {
                    i18n.t_with("move-to", &[("state", Arg::Text(m.to.tell(i18n)))])
                };
                let reason_key = if m.back { "move-reason-back" } else { "move-reason-missing" };
                let reason_id = format!("reason_{}", m.to.code());
                view! {
                    <ActionForm action=action>
                        <input type="hidden" name="round" value=id.clone()/>
                        <input type="hidden" name="to" value=m.to.code()/>
                        {blocked.as_ref().map(|r| view! { <p class="hint move-blocked">{r.tell(i18n)}</p> })}
                        {(needs_reason && blocked.is_none()).then(|| view! {
                            <TextArea name=reason_id input_name="reason" label=i18n.t(reason_key) errors maxlength=1000 rows=2/>
                        })}
                        <button type="submit" class=if m.back { "button button-secondary" } else { "button" } disabled=blocked.is_some()>
                            {label}
                        </button>
                    </ActionForm>
                }
            }).collect_view()}
        </section>
    }
}
