//! Changing one's password.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::session::ChangePassword;
use crate::components::form::{field_errors, island_setup, notice_is, Field, FormStatus};
use crate::components::layout::use_session;
use crate::components::status::{LoadError, Loading};
use crate::domain::account::{PASSWORD_MAX, PASSWORD_MIN};
use crate::error::AppError;
use crate::i18n::{use_i18n, Arg};

/// The page: for signed-in people only.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let changed = notice_is("password-changed");
    view! {
        <Title text=i18n.t("password-title")/>
        <div class="narrow">
            <h1>{i18n.t("password-title")}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match session.user.await {
                        Ok(Some(_)) => view! {
                            <p>{i18n.t("password-intro")}</p>
                            <PasswordForm changed/>
                        }.into_any(),
                        Ok(None) => view! { <LoadError error=AppError::Unauthenticated/> }.into_any(),
                        Err(error) => view! { <LoadError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Current password, new password twice. Other sessions end.
#[island]
fn PasswordForm(changed: bool) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<ChangePassword>::new();
    let errors = field_errors(action);
    view! {
        <ActionForm action=action>
            <FormStatus action=action notice=changed success_key="notice-password-changed"/>
            <Field name="current_password" label=i18n.t("field-current_password") errors
                kind="password" required=true maxlength=PASSWORD_MAX autocomplete="current-password"/>
            <Field name="new_password" label=i18n.t("field-new_password") errors kind="password"
                required=true minlength=PASSWORD_MIN maxlength=PASSWORD_MAX autocomplete="new-password"
                hint=i18n.t_with("password-hint", &[("min", Arg::Num(PASSWORD_MIN as i64))])/>
            <Field name="new_password_confirm" label=i18n.t("field-new_password_confirm") errors
                kind="password" required=true maxlength=PASSWORD_MAX autocomplete="new-password"/>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i18n.t("password-submit")}
            </button>
        </ActionForm>
    }
}
