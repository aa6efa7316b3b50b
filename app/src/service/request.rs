//! The request a use case runs in: the application's state, where the
//! browser goes after success, and the audit row with the caller's
//! address. Server only; the server functions in `api` and the plain
//! handlers in `server` both provide it.

use leptos::prelude::*;

use crate::auth::principal::Principal;
use crate::auth::request::{current_address, is_plain_form_post, parts};
use crate::db::audit::AuditEntry;
use crate::domain::audit::AuditAction;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;

/// The application state, provided to every server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        AppError::Internal
    })
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
