//! The signed-in person's own page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::layout::use_session;
use crate::components::status::{LoadError, Loading};
use crate::domain::account::format_phone;
use crate::domain::role::RoleGrant;
use crate::error::AppError;
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
                        <p><a class="button button-secondary" href="/account/password">{i18n.t("password-title")}</a></p>
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
