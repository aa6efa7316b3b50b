//! The second step of signing in: the code from the authenticator app.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::second_factor::SignInCode;
use crate::components::form::{field_errors, island_setup, Field, FormStatus};
use crate::domain::validation::FieldError;
use crate::i18n::use_i18n;

/// Asks for the six digits the app shows now.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("sign-in-code-title")/>
        <div class="narrow">
            <h1>{i18n.t("sign-in-code-title")}</h1>
            <p>{i18n.t("sign-in-code-intro")}</p>
            <SignInCodeForm/>
            <p class="aside"><a href="/sign-in">{i18n.t("sign-in-code-again")}</a></p>
        </div>
    }
}

/// The code field.
#[island]
fn SignInCodeForm() -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<SignInCode>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <CodeField errors id="f-code"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("sign-in-code-submit")}
            </button>
        </ActionForm>
    }
}

/// The six digits from an authenticator app, as every form that asks for
/// them shows the field (numeric keypad, the browser's one-time-code fill).
#[component]
pub fn CodeField(errors: Signal<Vec<FieldError>>, #[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Field name="code" id label=i18n.t("field-code") errors required=true maxlength=9
            inputmode="numeric" autocomplete="one-time-code" hint=i18n.t("field-code-hint")/>
    }
}
