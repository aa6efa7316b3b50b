//! Sign-up for business representatives.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::session::SignUp;
use crate::components::form::{field_errors, island_setup, remembered, Field, FormStatus, FormValues};
use crate::domain::account::{EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN};
use crate::i18n::{use_i18n, Arg};

/// The sign-up page.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("sign-up-title")/>
        <div class="narrow">
            <h1>{i18n.t("sign-up-title")}</h1>
            <p>{i18n.t("sign-up-intro")}</p>
            <SignUpForm values=remembered(SignUp::PATH)/>
            <p class="aside">{i18n.t("sign-up-have-account")}" "<a href="/sign-in">{i18n.t("nav-sign-in")}</a></p>
        </div>
    }
}

/// The sign-up form: name, e-mail or phone (or both), password twice.
#[island]
fn SignUpForm(values: FormValues) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<SignUp>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <Field name="name" label=i18n.t("field-name") errors required=true maxlength=NAME_MAX
                autocomplete="name" value=values.get("name") hint=i18n.t("sign-up-name-hint")/>
            <Field name="email" label=i18n.t("field-email") errors kind="email" maxlength=EMAIL_MAX
                autocomplete="email" inputmode="email" value=values.get("email")
                hint=i18n.t("sign-up-contact-hint")/>
            <Field name="phone" label=i18n.t("field-phone") errors kind="tel" maxlength=20
                autocomplete="tel" inputmode="tel" value=values.get("phone")/>
            <Field name="password" label=i18n.t("field-password") errors kind="password" required=true
                minlength=PASSWORD_MIN maxlength=PASSWORD_MAX autocomplete="new-password"
                hint=i18n.t_with("password-hint", &[("min", Arg::Num(PASSWORD_MIN as i64))])/>
            <Field name="password_confirm" label=i18n.t("field-password_confirm") errors kind="password"
                required=true maxlength=PASSWORD_MAX autocomplete="new-password"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("sign-up-submit")}
            </button>
        </ActionForm>
    }
}
