//! Account administration: invite, search, roles, disable/enable.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::{
    list_accounts, AccountRow, Delivery, DisableAccount, EnableAccount, GrantRole, InviteAccount, ResendInvitation,
    RevokeRole, ACCOUNTS_PER_PAGE,
};
use crate::api::password_reset::IssuePasswordReset;
use crate::api::second_factor::ClearSecondFactor;
use crate::components::form::{field_errors, notice_is, remembered, Field, FormStatus};
use crate::components::status::{urlencode, LoadError, Loading};
use crate::domain::account::{format_phone, EMAIL_MAX, NAME_MAX};
use crate::domain::administration::AccountStatus;
use crate::domain::ids::UserId;
use crate::domain::number::format_int;
use crate::domain::role::Role;
use crate::i18n::{use_i18n, Arg};
use crate::pages::account::role_name;

/// The actions of the page, shared by every row.
#[derive(Clone, Copy)]
struct Actions {
    disable: ServerAction<DisableAccount>,
    enable: ServerAction<EnableAccount>,
    resend: ServerAction<ResendInvitation>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeRole>,
    reset: ServerAction<IssuePasswordReset>,
    clear_code: ServerAction<ClearSecondFactor>,
}

/// The account list with its forms.
#[component]
pub fn AdminAccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q")).filter(|s| !s.trim().is_empty());
    let page = move || {
        query
            .with(|q| q.get("page").and_then(|p| p.parse::<i64>().ok()))
            .unwrap_or(1)
    };
    let invite = ServerAction::<InviteAccount>::new();
    let actions = Actions {
        disable: ServerAction::new(),
        enable: ServerAction::new(),
        resend: ServerAction::new(),
        grant: ServerAction::new(),
        revoke: ServerAction::new(),
        reset: ServerAction::new(),
        clear_code: ServerAction::new(),
    };
    let versions = move || {
        (
            invite.version().get(),
            actions.disable.version().get(),
            actions.enable.version().get(),
            actions.resend.version().get(),
            actions.grant.version().get(),
            actions.revoke.version().get(),
            actions.reset.version().get(),
            actions.clear_code.version().get(),
        )
    };
    let accounts = Resource::new(
        move || (search(), page(), versions()),
        |(search, page, _)| list_accounts(search, Some(page)),
    );
    let errors = field_errors(invite);
    let held = move || matches!(invite.value().get(), Some(Ok(Delivery::Held))) || notice_is("invited-held");
    let values = remembered(InviteAccount::PATH);
    view! {
        <Title text=i18n.t("admin-accounts-title")/>
        <h1>{i18n.t("admin-accounts-title")}</h1>
        <section class="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{i18n.t("invite-title")}</h2>
            <p>{i18n.t("invite-intro")}</p>
            <ActionForm action=invite>
                <FormStatus action=invite notice=notice_is("invited") || notice_is("invited-held") success_key="notice-invited"/>
                {move || held().then(|| view! {
                    <p class="alert alert-info" role="status">
                        {i18n.t("notice-invitation-held")}" "<a href="/admin/outbox">{i18n.t("nav-admin-outbox")}</a>
                    </p>
                })}
                <div class="form-row">
                    <Field name="email" label=i18n.t("field-email") errors kind="email" required=true
                        maxlength=EMAIL_MAX value=values.get("email")/>
                    <Field name="name" label=i18n.t("field-invite-name") errors maxlength=NAME_MAX
                        value=values.get("name") hint=i18n.t("invite-name-hint")/>
                    <div class="field">
                        <label for="f-role">{i18n.t("field-role")}</label>
                        <select id="f-role" name="role" required=true>
                            {Role::INVITABLE.into_iter().map(|role| {
                                let code = role.code();
                                let selected = values.get("role").as_deref() == Some(code);
                                view! { <option value=code selected=selected>{i18n.t(&format!("role-{}", code.replace('_', "-")))}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <button type="submit" class="button" disabled=move || invite.pending().get()>{i18n.t("invite-submit")}</button>
            </ActionForm>
        </section>

        <section aria-labelledby="list-heading">
            <h2 id="list-heading">{i18n.t("admin-accounts-list")}</h2>
            <form method="get" action="/admin/accounts" role="search" class="search-form">
                <label for="q">{i18n.t("search-label")}</label>
                <input id="q" name="q" type="search" maxlength=200 value=search/>
                <button type="submit" class="button button-secondary">{i18n.t("search-submit")}</button>
            </form>
            <FormStatus action=actions.disable notice=notice_is("account-disabled") success_key="notice-account-disabled"/>
            <FormStatus action=actions.enable notice=notice_is("account-enabled") success_key="notice-account-enabled"/>
            <FormStatus action=actions.resend notice=notice_is("invitation-renewed") success_key="notice-invitation-renewed"/>
            <FormStatus action=actions.grant notice=notice_is("role-granted") success_key="notice-role-granted"/>
            <FormStatus action=actions.revoke notice=notice_is("role-revoked") success_key="notice-role-revoked"/>
            <FormStatus action=actions.reset notice=notice_is("reset-issued") success_key="notice-reset-issued"/>
            <FormStatus action=actions.clear_code notice=notice_is("second-factor-cleared") success_key="notice-second-factor-cleared"/>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(list) => {
                            let total = list.total;
                            let page = list.page;
                            let me = list.me;
                            let pages = (total + ACCOUNTS_PER_PAGE - 1) / ACCOUNTS_PER_PAGE;
                            let link = move |p: i64| {
                                let q = search().map(|s| format!("&q={}", urlencode(&s))).unwrap_or_default();
                                format!("/admin/accounts?page={p}{q}")
                            };
                            view! {
                                <p class="count">{i18n.t_with("admin-accounts-count", &[("count", Arg::Num(total)), ("shown", Arg::Text(format_int(total)))])}</p>
                                <div class="table-wrap" role="region" aria-labelledby="list-heading" tabindex="0">
                                    <table class="accounts">
                                        <thead><tr>
                                            <th scope="col">{i18n.t("field-name")}</th>
                                            <th scope="col">{i18n.t("col-contact")}</th>
                                            <th scope="col">{i18n.t("account-roles")}</th>
                                            <th scope="col">{i18n.t("col-status")}</th>
                                            <th scope="col">{i18n.t("col-created")}</th>
                                            <th scope="col">{i18n.t("col-actions")}</th>
                                        </tr></thead>
                                        <tbody>
                                            {list.accounts.into_iter().map(|row| view! { <AccountRowView row me actions/> }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <nav class="pager" aria-label=i18n.t("pager-label")>
                                    {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{i18n.t("pager-previous")}</a> })}
                                    <span>{i18n.t_with("pager-position", &[("page", Arg::Num(page)), ("pages", Arg::Num(pages.max(1)))])}</span>
                                    {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{i18n.t("pager-next")}</a> })}
                                </nav>
                            }.into_any()
                        }
                        Err(error) => view! { <LoadError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One account and its buttons.
#[component]
fn AccountRowView(row: AccountRow, me: UserId, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let id = row.id.to_string();
    let contact = [row.email.clone(), row.phone.as_deref().map(format_phone)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let status_key = format!("status-{}", row.status.code());
    let missing: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| !row.roles.iter().any(|g| g.role == *r && g.round.is_none()))
        .collect();
    let global_roles: Vec<_> = row.roles.iter().filter(|g| g.round.is_none()).cloned().collect();
    let chips = global_roles
        .into_iter()
        .map(|grant| {
            let id = id.clone();
            let code = grant.role.code();
            let label = role_name(i18n, &grant);
            let aria = i18n.t_with(
                "revoke-role-label",
                &[("role", Arg::Text(label.clone())), ("name", Arg::Text(row.name.clone()))],
            );
            view! {
                <li>
                    {label}
                    <ActionForm action=actions.revoke>
                        <input type="hidden" name="user" value=id.clone()/>
                        <input type="hidden" name="role" value=code/>
                        <button type="submit" class="chip-remove" aria-label=aria title=i18n.t("revoke-role")>"×"</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    let grant_form = (!missing.is_empty()).then(|| {
        let id = id.clone();
        let select_id = format!("role-{id}");
        let label = i18n.t_with("grant-role-label", &[("name", Arg::Text(row.name.clone()))]);
        let options = missing
            .iter()
            .map(
                |r| view! { <option value=r.code()>{i18n.t(&format!("role-{}", r.code().replace('_', "-")))}</option> },
            )
            .collect_view();
        view! {
            <ActionForm action=actions.grant>
                <input type="hidden" name="user" value=id.clone()/>
                <label class="visually-hidden" for=select_id.clone()>{label}</label>
                <select id=select_id name="role" class="compact">{options}</select>
                <button type="submit" class="button button-small button-secondary">{i18n.t("grant-role")}</button>
            </ActionForm>
        }
    });
    let resend_form = (row.status == AccountStatus::Invited).then(|| {
        let id = id.clone();
        view! {
            <ActionForm action=actions.resend>
                <input type="hidden" name="user" value=id.clone()/>
                <button type="submit" class="button button-small button-secondary">{i18n.t("resend-invitation")}</button>
            </ActionForm>
        }
    });
    let reset_form = (row.status == AccountStatus::Active).then(|| {
        let id = id.clone();
        view! {
            <ActionForm action=actions.reset>
                <input type="hidden" name="user" value=id/>
                <button type="submit" class="button button-small button-secondary">{i18n.t("issue-reset")}</button>
            </ActionForm>
        }
    });
    let clear_code_form = (row.second_factor && row.id != me).then(|| {
        let id = id.clone();
        let reason_id = format!("clear-reason-{id}");
        view! {
            <ActionForm action=actions.clear_code attr:class="stacked-small">
                <input type="hidden" name="user" value=id.clone()/>
                <label for=reason_id.clone()>{i18n.t("field-reason")}</label>
                <input id=reason_id name="reason" type="text" required maxlength=500 class="compact"/>
                <button type="submit" class="button button-small button-secondary">{i18n.t("accounts-clear-second-factor")}</button>
            </ActionForm>
        }
    });
    let status_form = match (row.status, row.id == me) {
        (AccountStatus::Disabled, _) => Some(
            view! {
                <ActionForm action=actions.enable>
                    <input type="hidden" name="user" value=id.clone()/>
                    <button type="submit" class="button button-small button-secondary">{i18n.t("enable-account")}</button>
                </ActionForm>
            }
            .into_any(),
        ),
        (_, false) => Some(
            view! {
                <ActionForm action=actions.disable>
                    <input type="hidden" name="user" value=id.clone()/>
                    <button type="submit" class="button button-small button-danger">{i18n.t("disable-account")}</button>
                </ActionForm>
            }
            .into_any(),
        ),
        (_, true) => None,
    };
    view! {
        <tr>
            <th scope="row">{row.name.clone()}</th>
            <td>{contact}</td>
            <td>
                <ul class="chips">{chips}</ul>
                {grant_form}
            </td>
            <td>
                <span class=format!("status status-{}", row.status.code())>{i18n.t(&status_key)}</span>
                {row.second_factor.then(|| view! { <br/><small>{i18n.t("accounts-second-factor")}</small> })}
            </td>
            <td><time datetime=row.created_at.iso_utc()>{row.created_at.vn_date()}</time></td>
            <td class="row-actions">{resend_form}{reset_form}{clear_code_form}{status_form}</td>
        </tr>
    }
}
