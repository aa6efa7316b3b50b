//! Helpers at the edge of every server function.

use leptos::prelude::*;

use crate::auth::principal::{set_cookie, Principal};
use crate::auth::request::{current_address, is_plain_form_post, parts};
use crate::db::audit::AuditEntry;
use crate::domain::audit::AuditAction;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;

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

/// The application state, provided to every server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        AppError::Internal
    })
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

/// Sends the browser to `path` after success (client-side navigation
/// when JavaScript is on, a 302 otherwise).
pub fn redirect_to(path: &str) {
    leptos_axum::redirect(path);
}

/// After a plain form succeeded, goes back to the page it came from with
/// `?notice=<key>` so the page can say what happened. JSON callers read
/// the result instead.
pub fn notice_back(notice: &str) {
    if !is_plain_form_post() {
        return;
    }
    let referer = parts()
        .and_then(|p| p.headers.get(http::header::REFERER).cloned())
        .and_then(|v| v.to_str().ok().map(str::to_owned));
    let Some(referer) = referer.and_then(|r| url::Url::parse(&r).ok()) else {
        return;
    };
    let kept: Vec<(String, String)> = referer
        .query_pairs()
        .filter(|(k, _)| !matches!(k.as_ref(), "__err" | "__path" | "notice"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in &kept {
        query.append_pair(k, v);
    }
    query.append_pair("notice", notice);
    leptos_axum::redirect(&format!("{}?{}", referer.path(), query.finish()));
}

/// An audit row with the time, the caller's address and (if signed in)
/// the actor filled in.
pub fn audit_entry(action: AuditAction, actor: Option<&Principal>) -> AuditEntry {
    AuditEntry {
        at: Some(Timestamp::now()),
        actor: actor.map(|p| p.id()),
        actor_name: actor.map(|p| p.name().to_owned()),
        action: Some(action),
        address: current_address(),
        ..AuditEntry::default()
    }
}

/// An audit row about an account (its id and name as the target).
pub fn audit_about_user(
    action: AuditAction,
    actor: Option<&Principal>,
    user: crate::domain::ids::UserId,
    name: &str,
) -> AuditEntry {
    let mut entry = audit_entry(action, actor);
    entry.target_type = Some("user");
    entry.target_id = Some(user.to_string());
    entry.target_name = Some(name.to_owned());
    entry
}
