//! The rounds a person works on (all of them for administrators).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::rounds::view::list_my_rounds;
use crate::components::layout::use_session;
use crate::components::status::{LoadError, Loading};
use crate::i18n::use_i18n;
use crate::i18n::Tell;
use crate::pages::account::role_name;

/// The list, with the way to create a round for administrators.
#[component]
pub fn RoundsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let rounds = Resource::new(|| (), |()| list_my_rounds());
    view! {
        <Title text=i18n.t("rounds-title")/>
        <h1>{i18n.t("rounds-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let is_admin = matches!(session.user.await, Ok(Some(ref u)) if u.is_admin);
                match rounds.await {
                    Ok(list) => view! {
                        {is_admin.then(|| view! {
                            <p class="actions">
                                <a class="button" href="/rounds/new">{i18n.t("round-new-title")}</a>
                                <a class="button button-secondary" href="/admin/geography">{i18n.t("geography-title")}</a>
                            </p>
                        })}
                        {list.is_empty().then(|| view! { <p class="empty">{i18n.t("rounds-empty")}</p> })}
                        <ul class="round-list">
                            {list.into_iter().map(|r| {
                                let roles = r.my_roles.iter().map(|role| role_name(i18n, &crate::domain::role::RoleGrant::global(*role))).collect::<Vec<_>>().join(", ");
                                view! {
                                    <li class="card">
                                        <h2><a href=format!("/rounds/{}", r.id)>{r.name.clone()}</a></h2>
                                        <p>
                                            <span class=format!("status state-{}", r.state.code())>{r.state.tell(i18n)}</span>
                                            " "{r.level.get(i18n.lang).to_owned()}" · "{r.territory.get(i18n.lang).to_owned()}" · "{r.year}
                                        </p>
                                        <p class="hint">{i18n.t("field-entries_close")}": "
                                            <time datetime=r.settings.entries_close.iso_utc()>{r.settings.entries_close.vn_datetime()}</time>
                                        </p>
                                        {(!roles.is_empty()).then(|| view! { <p class="hint">{i18n.t("rounds-my-roles")}": "{roles.clone()}</p> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
