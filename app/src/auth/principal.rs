//! Who is asking. A server function starts by getting a [`Principal`]
//! from the session cookie; functions that need a role take the typed
//! principal that only the check can produce ([`Administrator`]), so an
//! unchecked call does not compile.

use leptos::prelude::*;

use super::request::cookie;
use super::token::{hash_token, looks_like_token, new_token};
use crate::db::{sessions, users, Conn};
use crate::domain::ids::UserId;
use crate::domain::role::{is_administrator, RoleGrant};
use crate::domain::session::{session_alive, should_touch};
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;

/// A signed-in person. The fields are private: only the functions of this
/// module build one, from a session or (outside any request) an account.
#[derive(Clone, Debug)]
pub struct Principal {
    /// Their account.
    id: UserId,
    /// Their display name.
    name: String,
    /// The roles they hold.
    grants: Vec<RoleGrant>,
    /// The hash of the session token this request came with.
    session_hash: String,
    /// An administrator whose installation requires a second factor they
    /// have not set up: their administrator role is held back (not in
    /// `grants`) until they do.
    needs_second_factor: bool,
}

/// A principal proven to hold the installation-wide administrator role.
#[derive(Clone, Debug)]
pub struct Administrator(Principal);

impl Administrator {
    /// The administrator as a person.
    pub fn principal(&self) -> &Principal {
        &self.0
    }
}

impl Principal {
    /// Their account.
    pub fn id(&self) -> UserId {
        self.id
    }

    /// Their display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The roles they hold.
    pub fn grants(&self) -> &[RoleGrant] {
        &self.grants
    }

    /// The hash of the session token this request came with (empty for
    /// a person acting outside any request).
    pub fn session_hash(&self) -> &str {
        &self.session_hash
    }

    /// Whether their administrator role waits for a second factor.
    pub fn needs_second_factor(&self) -> bool {
        self.needs_second_factor
    }

    /// Whether this person is an administrator.
    pub fn is_administrator(&self) -> bool {
        is_administrator(&self.grants)
    }

    /// Proves the administrator role, or refuses.
    pub fn into_administrator(self) -> Result<Administrator, AppError> {
        if self.is_administrator() {
            Ok(Administrator(self))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// A person acting outside any request (the demonstration's loader):
/// their account and the roles it holds now, with no session.
pub async fn principal_without_session(conn: &mut Conn, id: UserId) -> Result<Principal, AppError> {
    let user = users::get_user(conn, id).await?.ok_or(AppError::NotFound)?;
    Ok(Principal {
        id,
        name: user.name,
        grants: users::grants_of(conn, id).await?,
        session_hash: String::new(),
        needs_second_factor: false,
    })
}

/// The name of the session cookie. Over HTTPS it carries the `__Host-`
/// prefix, which browsers only accept with `Secure`, `Path=/` and no
/// `Domain`, so no other site or subdomain can plant or read it.
pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.config.https() {
        "__Host-tb_session"
    } else {
        "tb_session"
    }
}

/// The signed-in person of the current request, if any.
pub async fn current_principal(state: &AppState) -> Result<Option<Principal>, AppError> {
    principal_from_token(state, cookie(session_cookie_name(state)).as_deref()).await
}

/// The signed-in person whose request carries these headers (for plain
/// HTTP handlers such as uploads, outside server functions).
pub async fn principal_from_headers(
    state: &AppState,
    headers: &http::HeaderMap,
) -> Result<Option<Principal>, AppError> {
    let token = super::request::cookie_in(headers, session_cookie_name(state));
    principal_from_token(state, token.as_deref()).await
}

async fn principal_from_token(state: &AppState, token: Option<&str>) -> Result<Option<Principal>, AppError> {
    let Some(token) = token.filter(|t| looks_like_token(t)) else {
        return Ok(None);
    };
    let session_hash = hash_token(token);
    let now = Timestamp::now();
    let mut conn = state.store.pool().acquire().await?;
    let Some(session) = sessions::live_session(&mut conn, &session_hash, now).await? else {
        return Ok(None);
    };
    let user_id = session.user;
    let Some(user) = users::get_user(&mut conn, user_id).await? else {
        return Ok(None);
    };
    let mut grants = users::grants_of(&mut conn, user_id).await?;
    // Idle too long (or an administrator's sign-in too old): it ends here.
    if !session_alive(
        &state.config.session_limits(),
        &grants,
        session.created_at,
        session.last_seen_at,
        now,
    ) {
        // Housekeeping: a busy database leaves it to the clean-up, it never
        // fails this request.
        if let Err(error) = sessions::delete_session(&mut conn, &session_hash).await {
            tracing::warn!(%error, "an idle session could not be removed now");
        }
        return Ok(None);
    }
    if should_touch(session.last_seen_at, now) {
        if let Err(error) = sessions::touch_session(&mut conn, &session_hash, now).await {
            tracing::warn!(%error, "a session's last use could not be recorded now");
        }
    }
    // Where administrators must use a second factor, one without it holds
    // no administrator role: every check refuses on its own.
    let needs_second_factor = state.config.require_admin_totp && is_administrator(&grants) && !user.second_factor;
    if needs_second_factor {
        grants.retain(|g| !(g.role == crate::domain::role::Role::Administrator && g.round.is_none()));
    }
    Ok(Some(Principal {
        id: user.id,
        name: user.name,
        grants,
        session_hash,
        needs_second_factor,
    }))
}

/// The signed-in person, or [`AppError::Unauthenticated`].
pub async fn require_principal(state: &AppState) -> Result<Principal, AppError> {
    current_principal(state).await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in administrator, or an error saying why not.
pub async fn require_administrator(state: &AppState) -> Result<Administrator, AppError> {
    require_principal(state).await?.into_administrator()
}

/// Starts a new session for `user` inside the caller's transaction and
/// returns the `Set-Cookie` value. A new token every time: signing in
/// never reuses an identifier someone else could have planted.
pub async fn start_session(state: &AppState, conn: &mut Conn, user: UserId) -> Result<String, AppError> {
    let token = new_token();
    let now = Timestamp::now();
    let lifetime = state.config.session_days * 24 * 3600;
    sessions::insert_session(conn, &hash_token(&token), user, now, now.plus_secs(lifetime)).await?;
    Ok(session_cookie(state, &token, lifetime))
}

/// A `Set-Cookie` value for the session cookie: HttpOnly (no script reads
/// it), SameSite=Lax (not sent on cross-site posts), Secure over HTTPS.
pub fn session_cookie(state: &AppState, token: &str, max_age_secs: i64) -> String {
    private_cookie(state, session_cookie_name(state), token, max_age_secs)
}

/// A `Set-Cookie` value for a cookie only the server reads (a session, a
/// sign-in waiting for its code): HttpOnly, SameSite=Lax, Secure over HTTPS.
pub fn private_cookie(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> String {
    let secure = if state.config.https() { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// Adds a `Set-Cookie` header to the current response.
pub fn set_cookie(value: &str) {
    if let (Some(options), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        options.append_header(http::header::SET_COOKIE, value);
    }
}
