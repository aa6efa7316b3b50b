//! The public home page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::rounds::view::public_rounds;
use crate::components::layout::use_session;
use crate::i18n::use_i18n;
use crate::i18n::Tell;

/// What the programme is, for each audience, and where to start.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let rounds = Resource::new(|| (), |()| public_rounds());
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{i18n.t("home-title")}</h1>
            <p class="lead">{i18n.t("home-lead")}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let signed_in = matches!(session.user.await, Ok(Some(_)));
                    (!signed_in).then(|| view! {
                        <p class="actions">
                            <a class="button" href="/sign-up">{i18n.t("home-cta-sign-up")}</a>
                            <a class="button button-secondary" href="/sign-in">{i18n.t("nav-sign-in")}</a>
                        </p>
                    })
                })}
            </Transition>
        </section>
        <section class="cards" aria-labelledby="who-heading">
            <h2 id="who-heading" class="visually-hidden">{i18n.t("home-who")}</h2>
            <article class="card">
                <h3>{i18n.t("home-producers-title")}</h3>
                <p>{i18n.t("home-producers-text")}</p>
            </article>
            <article class="card">
                <h3>{i18n.t("home-jury-title")}</h3>
                <p>{i18n.t("home-jury-text")}</p>
            </article>
            <article class="card">
                <h3>{i18n.t("home-public-title")}</h3>
                <p>{i18n.t("home-public-text")}</p>
                <p><a href="/catalogue">{i18n.t("home-catalogue-link")}</a></p>
                <p><a href="/verify">{i18n.t("home-verify-link")}</a></p>
                <p><a href="/statistics">{i18n.t("home-statistics-link")}</a></p>
            </article>
        </section>
        <section aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">{i18n.t("home-rounds-title")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = rounds.await.unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p class="empty">{i18n.t("home-rounds-empty")}</p> }.into_any();
                    }
                    view! {
                        <ul class="round-list">
                            {list.into_iter().map(|r| view! {
                                <li class="card">
                                    <h3>{if r.state.results_public() {
                                        view! { <a href=format!("/results/{}", r.id)>{r.name.clone()}</a> }.into_any()
                                    } else {
                                        view! { {r.name.clone()} }.into_any()
                                    }}</h3>
                                    <p>
                                        <span class=format!("status state-{}", r.state.code())>{r.state.tell(i18n)}</span>
                                        " "{r.level.get(i18n.lang).to_owned()}" · "{r.territory.get(i18n.lang).to_owned()}
                                    </p>
                                    <dl class="calendar">
                                        <dt>{i18n.t("field-entries_open")}</dt>
                                        <dd><time datetime=r.entries_open.iso_utc()>{r.entries_open.vn_datetime()}</time></dd>
                                        <dt>{i18n.t("field-entries_close")}</dt>
                                        <dd><time datetime=r.entries_close.iso_utc()>{r.entries_close.vn_datetime()}</time></dd>
                                        <dt>{i18n.t("field-judging_close")}</dt>
                                        <dd><time datetime=r.judging_close.iso_utc()>{r.judging_close.vn_datetime()}</time></dd>
                                    </dl>
                                </li>
                            }).collect_view()}
                        </ul>
                        <p class="hint">{i18n.t("times-are-vietnam")}</p>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
