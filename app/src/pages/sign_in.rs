//! Sign-in with an e-mail address or a phone number.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::session::SignIn;
use crate::components::form::{field_errors, island_setup, remembered, Field, FormStatus, FormValues};
use crate::domain::account::PASSWORD_MAX;
use crate::i18n::use_i18n;

/// The sign-in page; `?next=` is where to go afterwards.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = use_query_map().with_untracked(|q| q.get("next")).unwrap_or_default();
    view! {
        <Title text=i18n.t("sign-in-title")/>
        <div class="narrow">
            <h1>{i18n.t("sign-in-title")}</h1>
            <SignInForm next values=remembered(SignIn::PATH)/>
            <p class="aside">{i18n.t("sign-in-no-account")}" "<a href="/sign-up">{i18n.t("nav-sign-up")}</a></p>
            <p class="aside"><a href="/forgot-password">{i18n.t("sign-in-forgot")}</a></p>
        </div>
    }
}

/// The sign-in form.
#[island]
fn SignInForm(next: String, values: FormValues) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<SignIn>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <input type="hidden" name="next" value=next/>
            <Field name="identifier" label=i18n.t("field-identifier") errors required=true maxlength=254
                autocomplete="username" value=values.get("identifier")/>
            <Field name="password" label=i18n.t("field-password") errors kind="password" required=true
                maxlength=PASSWORD_MAX autocomplete="current-password"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("sign-in-submit")}
            </button>
        </ActionForm>
    }
}
