//! The public home page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::layout::use_session;
use crate::i18n::use_i18n;

/// What the programme is, for each audience, and where to start.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
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
            </article>
        </section>
        <section aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">{i18n.t("home-rounds-title")}</h2>
            <p class="empty">{i18n.t("home-rounds-empty")}</p>
        </section>
    }
}
