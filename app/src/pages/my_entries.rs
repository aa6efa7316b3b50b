//! The entrant's dashboard: their entries and the rounds taking entries.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::entries::edit::StartEntry;
use crate::api::entries::view::list_my_entries;
use crate::components::form::FormStatus;
use crate::components::outcome::result_text;
use crate::components::status::{LoadError, Loading};
use crate::i18n::{use_i18n, Arg};

/// The dashboard.
#[component]
pub fn MyEntriesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |()| list_my_entries());
    let start = ServerAction::<StartEntry>::new();
    view! {
        <Title text=i18n.t("entries-title")/>
        <h1>{i18n.t("entries-title")}</h1>
        <FormStatus action=start/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let d = match data.await {
                    Ok(d) => d,
                    Err(error) => return view! { <LoadError error/> }.into_any(),
                };
                let profile = if d.has_business {
                    view! { <p><a href="/business">{i18n.t("business-edit")}</a></p> }.into_any()
                } else {
                    view! {
                        <p class="alert alert-info">{i18n.t("business-first")}" "<a href="/business">{i18n.t("business-title")}</a></p>
                    }.into_any()
                };
                let no_entries = d.entries.is_empty();
                let entries = d.entries.clone().into_iter().map(|e| {
                    let name = e.product_name.clone().unwrap_or_else(|| i18n.t("entry-untitled"));
                    view! {
                        <li class="card">
                            <h3><a href=format!("/entries/{}", e.id)>{name}</a></h3>
                            <p>
                                <span class=format!("status entry-{}", e.state.code())>{i18n.t(&format!("entry-state-{}", e.state.code()))}</span>
                                " "{e.round_name.clone()}
                            </p>
                            <p class="hint">{i18n.t_with("deadline-at", &[("time", Arg::Text(e.entries_close.vn_time())), ("date", Arg::Text(e.entries_close.vn_date()))])}</p>
                            {e.outcome.map(|(recognised, nominated)| view! {
                                <p><strong>{result_text(i18n, recognised, nominated)}</strong></p>
                            })}
                            {e.certificate.clone().map(|(number, until)| view! {
                                <p>
                                    {i18n.t_with("entry-certificate", &[("number", Arg::Text(number)), ("date", Arg::Text(until.vn_date()))])}
                                    " "
                                    {if e.certificate_revoked {
                                        view! { <strong>{i18n.t("verify-revoked")}</strong> }.into_any()
                                    } else {
                                        view! { <a href=format!("/entries/{}/certificate.pdf", e.id) download="">{i18n.t("entry-certificate-download")}</a> }.into_any()
                                    }}
                                </p>
                            })}
                            {e.published.then(|| view! {
                                <p><a href=format!("/entries/{}/feedback", e.id)>{i18n.t("entry-feedback-link")}</a></p>
                            })}
                            {(e.state == crate::domain::entry::EntryState::Returned).then(|| e.message.clone().map(|m| view! {
                                <p class="alert alert-warning message-text">{i18n.t("entry-returned-message")}" "{m}</p>
                            })).flatten()}
                        </li>
                    }
                }).collect_view();
                let has_business = d.has_business;
                let no_open = d.open_rounds.is_empty();
                let open = d.open_rounds.clone().into_iter().map(|r| view! {
                    <li class="card">
                        <h3>{r.name.clone()}</h3>
                        <p class="hint">{r.level.get(i18n.lang).to_owned()}" · "{r.territory.get(i18n.lang).to_owned()}</p>
                        <p class="hint">{i18n.t_with("deadline-at", &[("time", Arg::Text(r.entries_close.vn_time())), ("date", Arg::Text(r.entries_close.vn_date()))])}</p>
                        {has_business.then(|| view! {
                            <ActionForm action=start>
                                <input type="hidden" name="round" value=r.id.to_string()/>
                                <button type="submit" class="button">{i18n.t("entry-start")}</button>
                            </ActionForm>
                        })}
                    </li>
                }).collect_view();
                view! {
                    {profile}
                    <h2>{i18n.t("entries-mine")}</h2>
                    {no_entries.then(|| view! { <p class="empty">{i18n.t("entries-none")}</p> })}
                    <ul class="round-list">{entries}</ul>
                    <h2>{i18n.t("entries-open-rounds")}</h2>
                    {no_open.then(|| view! { <p class="empty">{i18n.t("entries-no-open-round")}</p> })}
                    <ul class="round-list">{open}</ul>
                }.into_any()
            })}
        </Suspense>
    }
}
