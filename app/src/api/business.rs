//! The signed-in representative's business profile.

// The save function takes the form's fields one by one, as the plain HTML
// form posts them.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::ServerFn;

use crate::domain::business::BusinessForm;
use crate::error::AppError;

/// The caller's profile, if they have one.
#[server(endpoint = "my_business")]
pub async fn my_business() -> Result<Option<BusinessForm>, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::mine(state, principal).await).await)
}

/// Creates or updates the caller's profile.
#[server(endpoint = "save_business")]
pub async fn save_business(
    business_name: String,
    legal_form: String,
    registration_number: String,
    tax_code: String,
    province: String,
    commune: String,
    street: String,
    representative: String,
    position: String,
    business_phone: String,
    business_email: String,
) -> Result<(), AppError> {
    let form = BusinessForm {
        business_name,
        legal_form,
        registration_number,
        tax_code,
        province,
        commune,
        street,
        representative,
        position,
        business_phone,
        business_email,
    };
    let result = boundary::signed_in(async |state, principal| imp::save(state, principal, &form).await).await;
    let memory = [
        ("business_name", form.business_name.as_str()),
        ("legal_form", form.legal_form.as_str()),
        ("registration_number", form.registration_number.as_str()),
        ("tax_code", form.tax_code.as_str()),
        ("province", form.province.as_str()),
        ("commune", form.commune.as_str()),
        ("street", form.street.as_str()),
        ("representative", form.representative.as_str()),
        ("position", form.position.as_str()),
        ("business_phone", form.business_phone.as_str()),
        ("business_email", form.business_email.as_str()),
    ];
    boundary::finish_form(result, SaveBusiness::PATH, &memory)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::business as imp;
