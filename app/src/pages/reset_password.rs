//! Setting a new password through a one-time link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::password_reset::{password_reset_info, ResetPassword};
use crate::components::form::{field_errors, island_setup, Field, FormStatus};
use crate::components::status::{LoadError, Loading};
use crate::domain::account::{PASSWORD_MAX, PASSWORD_MIN};
use crate::i18n::{use_i18n, Arg};

/// Whose password, until when, and the form.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.with_untracked(|p| p.get("token")).unwrap_or_default();
    let info = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        password_reset_info,
    );
    view! {
        <Title text=i18n.t("reset-title")/>
        <div class="narrow">
            <h1>{i18n.t("reset-title")}</h1>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match info.await {
                            Ok(reset) => view! {
                                <p>{i18n.t_with("reset-intro", &[("name", Arg::Text(reset.name.clone()))])}</p>
                                <p class="hint">{i18n.t_with("reset-expires", &[
                                    ("date", Arg::Text(reset.expires_at.vn_date())),
                                    ("time", Arg::Text(reset.expires_at.vn_time())),
                                ])}</p>
                                <ResetPasswordForm token/>
                            }.into_any(),
                            Err(error) => view! {
                                <LoadError error/>
                                <p><a href="/forgot-password">{i18n.t("forgot-title")}</a></p>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The new password, twice.
#[island]
fn ResetPasswordForm(token: String) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<ResetPassword>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <input type="hidden" name="token" value=token/>
            <Field name="password" label=i18n.t("field-new_password") errors kind="password" required=true
                minlength=PASSWORD_MIN maxlength=PASSWORD_MAX autocomplete="new-password"
                hint=i18n.t_with("password-hint", &[("min", Arg::Num(PASSWORD_MIN as i64))])/>
            <Field name="password_confirm" label=i18n.t("field-new_password_confirm") errors
                kind="password" required=true maxlength=PASSWORD_MAX autocomplete="new-password"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("reset-submit")}
            </button>
        </ActionForm>
    }
}
