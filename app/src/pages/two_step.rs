//! Setting up, and turning off, sign-in codes from an authenticator app.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::second_factor::{
    second_factor_state, BeginSecondFactor, ConfirmSecondFactor, Enrolment, RemoveSecondFactor,
};
use crate::components::form::{field_errors, island_setup, notice_is, FormStatus};
use crate::components::status::{LoadError, Loading};
use crate::i18n::use_i18n;
use crate::pages::sign_in_code::CodeField;

/// The page: what is set up, and the one next step.
#[component]
pub fn TwoStepPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Resource::new(|| (), |()| second_factor_state());
    let begun = notice_is("second-factor-begun");
    let on = notice_is("second-factor-on");
    let off = notice_is("second-factor-off");
    view! {
        <Title text=i18n.t("two-step-title")/>
        <div class="narrow">
            <h1>{i18n.t("two-step-title")}</h1>
            <p>{i18n.t("two-step-intro")}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match state.await {
                        Ok(s) => view! {
                            {s.required.then(|| view! {
                                <p class="alert alert-warning" role="status">{i18n.t("two-step-required")}</p>
                            })}
                            {match (s.enabled, s.enrolment) {
                                (true, _) => view! {
                                    <p class="alert alert-success" role="status">
                                        {if on { i18n.t("notice-second-factor-on") } else { i18n.t("two-step-on") }}
                                    </p>
                                    {(!s.required).then(|| view! { <RemoveForm/> })}
                                }.into_any(),
                                (false, Some(enrolment)) => view! { <EnrolmentSteps enrolment begun/> }.into_any(),
                                (false, None) => view! {
                                    {off.then(|| view! {
                                        <p class="alert alert-success" role="status">{i18n.t("notice-second-factor-off")}</p>
                                    })}
                                    <p>{i18n.t("two-step-off")}</p>
                                    <BeginForm/>
                                }.into_any(),
                            }}
                            <p><a href="/account">{i18n.t("two-step-back")}</a></p>
                        }.into_any(),
                        Err(error) => view! { <LoadError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The QR code, the secret to type by hand, and the first code.
#[component]
fn EnrolmentSteps(enrolment: Enrolment, begun: bool) -> impl IntoView {
    let i18n = use_i18n();
    let view_box = format!("0 0 {0} {0}", enrolment.qr_size);
    view! {
        {begun.then(|| view! { <p class="alert alert-info" role="status">{i18n.t("notice-second-factor-begun")}</p> })}
        <ol class="steps">
            <li>{i18n.t("two-step-step-app")}</li>
            <li>
                {i18n.t("two-step-step-scan")}
                <figure class="qr">
                    <svg viewBox=view_box width="220" height="220" role="img"
                        aria-label=i18n.t("two-step-qr-label") shape-rendering="crispEdges">
                        <rect width="100%" height="100%" fill="#fff"/>
                        <path d=enrolment.qr_path fill="#000"/>
                    </svg>
                    <figcaption>
                        {i18n.t("two-step-secret")}" "
                        <code class="secret">{enrolment.secret}</code>
                    </figcaption>
                </figure>
            </li>
            <li>{i18n.t("two-step-step-code")}<ConfirmForm/></li>
        </ol>
    }
}

/// Starts over with a new secret.
#[island]
fn BeginForm() -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<BeginSecondFactor>::new();
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("two-step-begin")}
            </button>
        </ActionForm>
    }
}

/// The first code the app shows.
#[island]
fn ConfirmForm() -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<ConfirmSecondFactor>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action/>
            <CodeField errors id="f-code"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("two-step-confirm")}
            </button>
        </ActionForm>
    }
}

/// Turning the codes off needs a current code.
#[island]
fn RemoveForm() -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<RemoveSecondFactor>::new();
    let errors = field_errors(action);
    view! {
        <h2>{i18n.t("two-step-remove-title")}</h2>
        <ActionForm action=action>
            <FormStatus action=action/>
            <CodeField errors id="f-remove-code"/>
            <button type="submit" class="button button-secondary" disabled=move || action.pending().get()>
                {i18n.t("two-step-remove")}
            </button>
        </ActionForm>
    }
}
