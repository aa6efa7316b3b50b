//! Helpers at the edge of every server function.

use leptos::prelude::*;

use crate::auth::principal::{require_administrator, require_principal, set_cookie, Administrator, Principal};
use crate::auth::request::{is_plain_form_post, parts};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::request::app_state;

/// The cookie that carries a failed plain form's values back to the page,
/// so that nothing typed is lost when JavaScript is off: `Secure` and
/// `__Host-` prefixed under https, like the session cookie.
pub fn form_memory_cookie(https: bool) -> &'static str {
    if https {
        "__Host-tb_form"
    } else {
        "tb_form"
    }
}

/// The cookie's attributes after its value (`; Secure` under https).
pub fn form_memory_attributes(https: bool) -> &'static str {
    if https {
        "; Path=/; HttpOnly; SameSite=Lax; Secure"
    } else {
        "; Path=/; HttpOnly; SameSite=Lax"
    }
}

/// Ends a server function. Over HTTP, an error is told in the caller's
/// language (the browser has no message catalogue) and a JSON caller gets
/// its HTTP status (a plain form gets the redirect Leptos makes, carrying
/// the error). A page rendering on the server, which calls server
/// functions directly, gets the error as it is and keeps its own status.
pub fn finish<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    let called_over_http = parts().is_some_and(|p| p.uri.path().starts_with("/api/"));
    if !called_over_http {
        return result;
    }
    result.map_err(|error| {
        if !is_plain_form_post() {
            if let (Some(options), Ok(status)) = (
                use_context::<leptos_axum::ResponseOptions>(),
                http::StatusCode::from_u16(error.status()),
            ) {
                options.set_status(status);
                if error.kind() == &AppError::Busy {
                    options.insert_header(
                        http::header::RETRY_AFTER,
                        http::HeaderValue::from(crate::infra::work_queue::RETRY_AFTER_SECONDS),
                    );
                }
            }
        }
        error.told(crate::i18n::I18n::new(crate::app::page_lang()))
    })
}

/// Like [`finish`], and when a plain form failed, remembers the non-secret
/// values it carried so the page shows them again.
pub fn finish_form<T>(result: Result<T, AppError>, path: &str, fields: &[(&str, &str)]) -> Result<T, AppError> {
    if result.is_err() && is_plain_form_post() {
        let memory = serde_json::json!({
            "path": path,
            "fields": fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<std::collections::HashMap<_, _>>(),
        });
        let encoded = url_encode(&memory.to_string());
        let https = app_state().is_ok_and(|s| s.config.https());
        if encoded.len() < 3500 {
            set_cookie(&format!(
                "{}={encoded}; Max-Age=120{}",
                form_memory_cookie(https),
                form_memory_attributes(https)
            ));
        }
    }
    finish(result)
}

fn url_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Runs a use case with the application's state.
pub async fn with_state<T>(use_case: impl AsyncFnOnce(&AppState) -> Result<T, AppError>) -> Result<T, AppError> {
    let state = app_state()?;
    use_case(&state).await
}

/// Runs a use case for the signed-in caller; anyone else is
/// [`AppError::Unauthenticated`].
pub async fn signed_in<T>(
    use_case: impl AsyncFnOnce(&AppState, Principal) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let state = app_state()?;
    let principal = require_principal(&state).await?;
    use_case(&state, principal).await
}

/// Runs a use case for a caller proven to be an administrator.
pub async fn as_administrator<T>(
    use_case: impl AsyncFnOnce(&AppState, Administrator) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let state = app_state()?;
    let admin = require_administrator(&state).await?;
    use_case(&state, admin).await
}
