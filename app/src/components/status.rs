//! What a page shows while its data loads or when it cannot be shown.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::error::AppError;
use crate::i18n::use_i18n;

/// A loading indicator, announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{i18n.t("loading")}</p> }
}

/// Why a page's data could not be shown, with the way forward: a sign-in
/// link that comes back here when the person is not signed in.
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = location.pathname.get_untracked();
    // A page whose subject does not exist (or is not the visitor's to
    // see) answers 404, like an unknown address.
    #[cfg(feature = "ssr")]
    if matches!(error.kind(), AppError::NotFound) {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    let sign_in = matches!(error.kind(), AppError::Unauthenticated).then(|| {
        let href = format!("/sign-in?next={}", urlencode(&here));
        view! { <p><a class="button" href=href>{i18n.t("nav-sign-in")}</a></p> }
    });
    view! {
        <div class="alert alert-error" role="alert">
            <p>{error.message(i18n)}</p>
            {sign_in}
        </div>
    }
}

/// Percent-encodes a path for a query value.
pub fn urlencode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
