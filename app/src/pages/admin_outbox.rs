//! The outbox: every message written, with its text and its fate.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::outbox::{list_outbox, OUTBOX_PER_PAGE};
use crate::components::status::{LoadError, Loading};
use crate::i18n::{use_i18n, Arg};

/// Messages, newest first; each opens to show its full text.
#[component]
pub fn AdminOutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = move || {
        query
            .with(|q| q.get("page").and_then(|p| p.parse::<i64>().ok()))
            .unwrap_or(1)
    };
    let messages = Resource::new(page, |page| list_outbox(Some(page)));
    view! {
        <Title text=i18n.t("admin-outbox-title")/>
        <h1>{i18n.t("admin-outbox-title")}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match messages.await {
                    Ok(list) => {
                        let pages = (list.total + OUTBOX_PER_PAGE - 1) / OUTBOX_PER_PAGE;
                        let page = list.page;
                        view! {
                            <p class=if list.smtp_enabled { "alert alert-info" } else { "alert alert-warning" }>
                                {if list.smtp_enabled { i18n.t("outbox-smtp-on") } else { i18n.t("outbox-smtp-off") }}
                            </p>
                            {list.messages.is_empty().then(|| view! { <p class="empty">{i18n.t("outbox-empty")}</p> })}
                            <ul class="messages">
                                {list.messages.into_iter().map(|m| {
                                    let status_key = format!("message-status-{}", m.status);
                                    view! {
                                        <li class="message">
                                            <details>
                                                <summary>
                                                    <span class=format!("status status-{}", m.status)>{i18n.t(&status_key)}</span>
                                                    " "<strong>{m.subject.clone()}</strong>
                                                    " — "{m.to.clone()}
                                                    " · "<time datetime=m.created_at.iso_utc()>{m.created_at.vn_datetime()}</time>
                                                </summary>
                                                {m.last_error.clone().map(|e| view! {
                                                    <p class="hint">{i18n.t_with("outbox-last-error", &[("attempts", Arg::Num(m.attempts)), ("error", Arg::Text(e))])}</p>
                                                })}
                                                <pre class="message-body">{m.body.clone()}</pre>
                                            </details>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <nav class="pager" aria-label=i18n.t("pager-label")>
                                {(page > 1).then(|| view! { <a href=format!("/admin/outbox?page={}", page - 1) rel="prev">{i18n.t("pager-previous")}</a> })}
                                <span>{i18n.t_with("pager-position", &[("page", Arg::Num(page)), ("pages", Arg::Num(pages.max(1)))])}</span>
                                {(page < pages).then(|| view! { <a href=format!("/admin/outbox?page={}", page + 1) rel="next">{i18n.t("pager-next")}</a> })}
                            </nav>
                        }.into_any()
                    }
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}
