//! Asking for a link to set a new password.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::password_reset::RequestPasswordReset;
use crate::components::form::{field_errors, island_setup, notice_is, remembered, Field, FormStatus, FormValues};
use crate::i18n::use_i18n;

/// The page: an e-mail address (or phone number) to send the link for.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("forgot-title")/>
        <div class="narrow">
            <h1>{i18n.t("forgot-title")}</h1>
            <p>{i18n.t("forgot-intro")}</p>
            <ForgotPasswordForm sent=notice_is("reset-requested") values=remembered(RequestPasswordReset::PATH)/>
            <p class="aside">{i18n.t("forgot-phone")}</p>
            <p class="aside"><a href="/sign-in">{i18n.t("nav-sign-in")}</a></p>
        </div>
    }
}

/// The request form.
#[island]
fn ForgotPasswordForm(sent: bool, values: FormValues) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<RequestPasswordReset>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action notice=sent success_key="notice-reset-requested"/>
            <Field name="identifier" label=i18n.t("field-identifier") errors required=true maxlength=254
                autocomplete="username" value=values.get("identifier")/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("forgot-submit")}
            </button>
        </ActionForm>
    }
}
