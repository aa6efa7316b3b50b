//! The audit log, newest first.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::audit::list_audit;
use crate::components::status::{LoadError, Loading};
use crate::domain::audit::AuditAction;
use crate::i18n::use_i18n;

/// The translation key of an action code.
fn action_key(code: &str) -> String {
    format!("audit-{}", code.replace(['.', '_'], "-"))
}

/// Who did what to whom, when and from where.
#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let before = move || query.with(|q| q.get("before").and_then(|b| b.parse::<i64>().ok()));
    let action = move || query.with(|q| q.get("action")).filter(|a| !a.is_empty());
    let rows = Resource::new(
        move || (before(), action()),
        |(before, action)| list_audit(before, action),
    );
    view! {
        <Title text=i18n.t("admin-audit-title")/>
        <h1>{i18n.t("admin-audit-title")}</h1>
        <form method="get" action="/admin/audit" class="search-form">
            <label for="action-filter">{i18n.t("audit-filter-label")}</label>
            <select id="action-filter" name="action">
                <option value="">{i18n.t("audit-filter-all")}</option>
                {AuditAction::ALL.into_iter().map(|a| {
                    let selected = action().as_deref() == Some(a.code());
                    view! { <option value=a.code() selected=selected>{i18n.t(&action_key(a.code()))}</option> }
                }).collect_view()}
            </select>
            <button type="submit" class="button button-secondary">{i18n.t("audit-filter-submit")}</button>
        </form>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(page) if page.rows.is_empty() => view! { <p class="empty">{i18n.t("audit-empty")}</p> }.into_any(),
                    Ok(page) => {
                        let older = page.older.map(|seq| {
                            let filter = action().map(|a| format!("&action={a}")).unwrap_or_default();
                            format!("/admin/audit?before={seq}{filter}")
                        });
                        view! {
                            <div class="table-wrap" role="region" aria-label=i18n.t("admin-audit-title") tabindex="0">
                                <table class="audit">
                                    <thead><tr>
                                        <th scope="col">{i18n.t("col-time")}</th>
                                        <th scope="col">{i18n.t("col-actor")}</th>
                                        <th scope="col">{i18n.t("col-action")}</th>
                                        <th scope="col">{i18n.t("col-target")}</th>
                                        <th scope="col">{i18n.t("col-address")}</th>
                                        <th scope="col">{i18n.t("col-details")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {page.rows.into_iter().map(|row| view! {
                                            <tr>
                                                <td><time datetime=row.at.iso_utc()>{row.at.vn_datetime()}</time></td>
                                                <td>{row.actor.unwrap_or_else(|| "—".into())}</td>
                                                <td>{i18n.t(&action_key(&row.action))}</td>
                                                <td>{row.target.unwrap_or_else(|| "—".into())}</td>
                                                <td>{row.address.unwrap_or_else(|| "—".into())}</td>
                                                <td><code class="details">{row.details.unwrap_or_default()}</code></td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            {older.map(|href| view! { <nav class="pager" aria-label=i18n.t("pager-label")><a href=href rel="next">{i18n.t("audit-older")}</a></nav> })}
                        }.into_any()
                    }
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}
