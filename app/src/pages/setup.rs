//! The first administrator's page, reached through the setup link.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::setup::{setup_link_status, CompleteSetup};
use crate::components::form::{field_errors, island_setup, remembered, Field, FormStatus, FormValues};
use crate::components::status::{LoadError, Loading};
use crate::domain::account::{EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN};
use crate::error::AppError;
use crate::i18n::{use_i18n, Arg};

/// Creates the first administrator while the link is unused.
#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.with_untracked(|p| p.get("token")).unwrap_or_default();
    let status = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        setup_link_status,
    );
    view! {
        <Title text=i18n.t("setup-title")/>
        <div class="narrow">
            <h1>{i18n.t("setup-title")}</h1>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match status.await {
                            Ok(true) => view! {
                                <p>{i18n.t("setup-intro")}</p>
                                <SetupForm token values=remembered(CompleteSetup::PATH)/>
                            }.into_any(),
                            Ok(false) => view! { <LoadError error=AppError::LinkInvalid/> }.into_any(),
                            Err(error) => view! { <LoadError error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The first administrator's details and password.
#[island]
fn SetupForm(token: String, values: FormValues) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<CompleteSetup>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <input type="hidden" name="token" value=token/>
            <Field name="name" label=i18n.t("field-name") errors required=true maxlength=NAME_MAX
                autocomplete="name" value=values.get("name")/>
            <Field name="email" label=i18n.t("field-email") errors kind="email" maxlength=EMAIL_MAX
                autocomplete="email" value=values.get("email") hint=i18n.t("sign-up-contact-hint")/>
            <Field name="phone" label=i18n.t("field-phone") errors kind="tel" maxlength=20
                autocomplete="tel" value=values.get("phone")/>
            <Field name="password" label=i18n.t("field-password") errors kind="password" required=true
                minlength=PASSWORD_MIN maxlength=PASSWORD_MAX autocomplete="new-password"
                hint=i18n.t_with("password-hint", &[("min", Arg::Num(PASSWORD_MIN as i64))])/>
            <Field name="password_confirm" label=i18n.t("field-password_confirm") errors
                kind="password" required=true maxlength=PASSWORD_MAX autocomplete="new-password"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("setup-submit")}
            </button>
        </ActionForm>
    }
}
