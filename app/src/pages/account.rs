//! The signed-in person's own page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::rounds::view::list_my_rounds;
use crate::api::sessions::{list_my_sessions, EndSession};
use crate::components::form::{notice_is, FormStatus};
use crate::components::layout::use_session;
use crate::components::status::{LoadError, Loading};
use crate::domain::account::format_phone;
use crate::domain::role::RoleGrant;
use crate::error::AppError;
use crate::i18n::Tell;
use crate::i18n::{use_i18n, I18n};

/// The name of a role grant in the page's language.
pub fn role_name(i18n: I18n, grant: &RoleGrant) -> String {
    i18n.t(&format!("role-{}", grant.role.code().replace('_', "-")))
}

/// Name, contacts and roles, with the way to change the password.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let rounds = Resource::new(|| (), |()| list_my_rounds());
    view! {
        <Title text=i18n.t("account-title")/>
        <h1>{i18n.t("account-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(user)) => view! {
                        <dl class="facts">
                            <dt>{i18n.t("field-name")}</dt>
                            <dd>{user.name.clone()}</dd>
                            <dt>{i18n.t("field-email")}</dt>
                            <dd>{user.email.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{i18n.t("field-phone")}</dt>
                            <dd>{user.phone.as_deref().map(format_phone).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{i18n.t("account-roles")}</dt>
                            <dd>
                                <ul class="chips">
                                    {user.roles.iter().map(|g| view! { <li>{role_name(i18n, g)}</li> }).collect_view()}
                                </ul>
                            </dd>
                        </dl>
                        {user.needs_second_factor.then(|| view! {
                            <p class="alert alert-warning" role="status">
                                {i18n.t("account-two-step-needed")}" "
                                <a href="/account/two-step">{i18n.t("account-two-step")}</a>
                            </p>
                        })}
                        <p class="actions">
                            <a class="button button-secondary" href="/account/password">{i18n.t("password-title")}</a>
                            " "
                            <a class="button button-secondary" href="/account/two-step">{i18n.t("account-two-step")}</a>
                        </p>
                        <AccountSessions/>
                        <h2>{i18n.t("account-rounds-title")}</h2>
                        {match rounds.await {
                            Ok(list) if !list.is_empty() => view! {
                                <ul>
                                    {list.into_iter().filter(|r| !r.my_roles.is_empty()).map(|r| {
                                        let roles = r.my_roles.iter().map(|role| role_name(i18n, &RoleGrant::global(*role))).collect::<Vec<_>>().join(", ");
                                        view! {
                                            <li>
                                                <a href=format!("/rounds/{}", r.id)>{r.name.clone()}</a>
                                                " — "{roles}" ("{r.state.tell(i18n)}")"
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                {user.is_admin.then(|| view! { <p><a href="/rounds">{i18n.t("rounds-all")}</a></p> })}
                            }.into_any(),
                            _ => view! { <p class="empty">{i18n.t("account-rounds-none")}</p> }.into_any(),
                        }}
                        {user.is_admin.then(|| view! {
                            <h2>{i18n.t("account-admin-title")}</h2>
                            <ul>
                                <li><a href="/admin/accounts">{i18n.t("nav-admin-accounts")}</a></li>
                                <li><a href="/admin/audit">{i18n.t("nav-admin-audit")}</a></li>
                                <li><a href="/admin/outbox">{i18n.t("nav-admin-outbox")}</a></li>
                            </ul>
                        })}
                    }.into_any(),
                    Ok(None) => view! { <LoadError error=AppError::Unauthenticated/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Where the account is signed in, each session but this one with a
/// button that ends it (a plain form: works without JavaScript).
#[component]
fn AccountSessions() -> impl IntoView {
    let i18n = use_i18n();
    let end = ServerAction::<EndSession>::new();
    let list = Resource::new(move || end.version().get(), |_| list_my_sessions());
    view! {
        <h2>{i18n.t("account-sessions-title")}</h2>
        <p class="hint">{i18n.t("account-sessions-hint")}</p>
        <FormStatus action=end notice=notice_is("session-ended") success_key="notice-session-ended"/>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(sessions) => view! {
                        <ul class="sessions">
                            {sessions.into_iter().map(|s| view! {
                                <li>
                                    <span>{i18n.t("account-session-started")}" "{s.created_at.vn_datetime()}</span>
                                    " · "
                                    <span>{i18n.t("account-session-seen")}" "{s.last_seen_at.vn_datetime()}</span>
                                    {if s.current {
                                        view! { <strong>" · "{i18n.t("account-session-this")}</strong> }.into_any()
                                    } else {
                                        view! {
                                            <ActionForm action=end attr:class="inline-form">
                                                <input type="hidden" name="key" value=s.key.clone()/>
                                                <button type="submit" class="button button-secondary">{i18n.t("account-session-end")}</button>
                                            </ActionForm>
                                        }.into_any()
                                    }}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}
