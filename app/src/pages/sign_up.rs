//! Sign-up for business representatives.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::session::SignUp;
use crate::components::form::{field_errors, remembered, Field, FormStatus};
use crate::components::layout::use_session;
use crate::domain::account::{EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN};
use crate::i18n::use_i18n;

/// The sign-up form: name, e-mail or phone (or both), password twice.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let action = ServerAction::<SignUp>::new();
    let errors = field_errors(action);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            session.refresh();
        }
    });
    let path = SignUp::PATH;
    view! {
        <Title text=i18n.t("sign-up-title")/>
        <div class="narrow">
            <h1>{i18n.t("sign-up-title")}</h1>
            <p>{i18n.t("sign-up-intro")}</p>
            <ActionForm action=action>
                <FormStatus action=action/>
                <Field name="name" label=i18n.t("field-name") errors required=true maxlength=NAME_MAX
                    autocomplete="name" value=remembered(path, "name")
                    hint=i18n.t("sign-up-name-hint")/>
                <Field name="email" label=i18n.t("field-email") errors kind="email" maxlength=EMAIL_MAX
                    autocomplete="email" inputmode="email" value=remembered(path, "email")
                    hint=i18n.t("sign-up-contact-hint")/>
                <Field name="phone" label=i18n.t("field-phone") errors kind="tel" maxlength=20
                    autocomplete="tel" inputmode="tel" value=remembered(path, "phone")/>
                <Field name="password" label=i18n.t("field-password") errors kind="password" required=true
                    minlength=PASSWORD_MIN maxlength=PASSWORD_MAX autocomplete="new-password"
                    hint=i18n.t_with("password-hint", &[("min", crate::i18n::Arg::Num(PASSWORD_MIN as i64))])/>
                <Field name="password_confirm" label=i18n.t("field-password_confirm") errors kind="password"
                    required=true maxlength=PASSWORD_MAX autocomplete="new-password"/>
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {i18n.t("sign-up-submit")}
                </button>
            </ActionForm>
            <p class="aside">{i18n.t("sign-up-have-account")}" "<a href="/sign-in">{i18n.t("nav-sign-in")}</a></p>
        </div>
    }
}
