//! The representative's business profile.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::business::{my_business, SaveBusiness};
use crate::components::form::{field_errors, notice_is, remembered, Choice, Field, FormStatus, Select};
use crate::components::status::{LoadError, Loading};
use crate::domain::business::{BusinessForm, LegalForm};
use crate::i18n::use_i18n;

/// The profile form.
#[component]
pub fn BusinessPage() -> impl IntoView {
    let i18n = use_i18n();
    let profile = Resource::new(|| (), |()| my_business());
    let action = ServerAction::<SaveBusiness>::new();
    let errors = field_errors(action);
    let saved = notice_is("business-saved");
    view! {
        <Title text=i18n.t("business-title")/>
        <div class="narrow">
            <h1>{i18n.t("business-title")}</h1>
            <p>{i18n.t("business-intro")}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let current = match profile.await {
                        Ok(p) => p.unwrap_or_default(),
                        Err(error) => return view! { <LoadError error/> }.into_any(),
                    };
                    let memory = remembered(SaveBusiness::PATH);
                    let v = move |key: &str, value: &str| memory.get(key).unwrap_or_else(|| value.to_owned());
                    let BusinessForm {
                        business_name, legal_form, registration_number, tax_code, province, commune, street,
                        representative, position, business_phone, business_email,
                    } = current;
                    let forms: Vec<Choice> = LegalForm::ALL
                        .iter()
                        .map(|f| Choice { value: f.code().into(), label: i18n.t(&format!("legal-form-{}", f.code().replace('_', "-"))), group: None })
                        .collect();
                    view! {
                        <ActionForm action=action>
                            <FormStatus action notice=saved success_key="notice-business-saved"/>
                            <fieldset>
                                <legend>{i18n.t("business-identity")}</legend>
                                <Field name="business_name" label=i18n.t("field-business_name") errors required=true maxlength=200
                                    value=v("business_name", &business_name)/>
                                <Select name="legal_form" label=i18n.t("field-legal_form") errors choices=forms
                                    value=v("legal_form", &legal_form) empty=i18n.t("choose")/>
                                <Field name="registration_number" label=i18n.t("field-registration_number") errors required=true maxlength=50
                                    value=v("registration_number", &registration_number) hint=i18n.t("registration-hint")/>
                                <Field name="tax_code" label=i18n.t("field-tax_code") errors maxlength=20 inputmode="numeric"
                                    value=v("tax_code", &tax_code) hint=i18n.t("tax-code-hint")/>
                            </fieldset>
                            <fieldset>
                                <legend>{i18n.t("business-address")}</legend>
                                <Field name="province" label=i18n.t("field-province") errors required=true maxlength=100 autocomplete="address-level1"
                                    value=v("province", &province)/>
                                <Field name="commune" label=i18n.t("field-commune") errors required=true maxlength=100 autocomplete="address-level2"
                                    value=v("commune", &commune)/>
                                <Field name="street" label=i18n.t("field-street") errors required=true maxlength=200 autocomplete="street-address"
                                    value=v("street", &street)/>
                            </fieldset>
                            <fieldset>
                                <legend>{i18n.t("business-contact")}</legend>
                                <Field name="representative" label=i18n.t("field-representative") errors required=true maxlength=120
                                    value=v("representative", &representative)/>
                                <Field name="position" label=i18n.t("field-position") errors required=true maxlength=120
                                    value=v("position", &position)/>
                                <Field name="business_phone" label=i18n.t("field-business_phone") errors required=true kind="tel" inputmode="tel" maxlength=20
                                    value=v("business_phone", &business_phone)/>
                                <Field name="business_email" label=i18n.t("field-business_email") errors kind="email" maxlength=254
                                    value=v("business_email", &business_email)/>
                            </fieldset>
                            <button type="submit" class="button">{i18n.t("save")}</button>
                        </ActionForm>
                        <p><a href="/entries">{i18n.t("entries-title")}</a></p>
                    }.into_any()
                })}
            </Suspense>
        </div>
    }
}
