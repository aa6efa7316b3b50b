//! Accepting an invitation.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::invitation::{invitation_info, AcceptInvitation};
use crate::components::form::{field_errors, island_setup, remembered, Field, FormStatus, FormValues};
use crate::components::status::{LoadError, Loading};
use crate::domain::account::{NAME_MAX, PASSWORD_MAX, PASSWORD_MIN};
use crate::i18n::{use_i18n, Arg};

/// Who invited, for which role, and the form to choose a password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.with_untracked(|p| p.get("token")).unwrap_or_default();
    let info = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        invitation_info,
    );
    view! {
        <Title text=i18n.t("invitation-title")/>
        <div class="narrow">
            <h1>{i18n.t("invitation-title")}</h1>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match info.await {
                            Ok(invitation) => {
                                let role = i18n.t(&format!("role-{}", invitation.role.code().replace('_', "-")));
                                let intro = i18n.t_with("invitation-intro", &[
                                    ("inviter", Arg::Text(invitation.invited_by.clone().unwrap_or_else(|| "—".into()))),
                                    ("role", Arg::Text(role)),
                                ]);
                                let expiry = i18n.t_with("invitation-expires", &[
                                    ("date", Arg::Text(invitation.expires_at.vn_date())),
                                    ("time", Arg::Text(invitation.expires_at.vn_time())),
                                ]);
                                let mut values = remembered(AcceptInvitation::PATH);
                                values.0.entry("name".into()).or_insert(invitation.name.clone());
                                view! {
                                    <p>{intro}</p>
                                    <p class="hint">{expiry}</p>
                                    <p class="readonly-field">
                                        <span class="label">{i18n.t("field-email")}</span>
                                        " "
                                        <strong>{invitation.email.clone()}</strong>
                                    </p>
                                    <InvitationForm token values/>
                                }.into_any()
                            }
                            Err(error) => view! { <LoadError error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The invitee's name and password.
#[island]
fn InvitationForm(token: String, values: FormValues) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<AcceptInvitation>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <input type="hidden" name="token" value=token/>
            <Field name="name" label=i18n.t("field-name") errors required=true maxlength=NAME_MAX
                autocomplete="name" value=values.get("name")/>
            <Field name="password" label=i18n.t("field-password") errors kind="password" required=true
                minlength=PASSWORD_MIN maxlength=PASSWORD_MAX autocomplete="new-password"
                hint=i18n.t_with("password-hint", &[("min", Arg::Num(PASSWORD_MIN as i64))])/>
            <Field name="password_confirm" label=i18n.t("field-password_confirm") errors
                kind="password" required=true maxlength=PASSWORD_MAX autocomplete="new-password"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("invitation-submit")}
            </button>
        </ActionForm>
    }
}
