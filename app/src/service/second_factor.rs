//! The use cases behind `crate::api::second_factor`:
//! Sign-in codes from an authenticator app (a second factor): setting one
//! up, turning it off, the sign-in step that asks for the code, and an
//! administrator removing it for someone who lost their phone.

use crate::auth::principal::Administrator;
use crate::auth::principal::Principal;
use crate::auth::principal::{private_cookie, set_cookie};
use crate::auth::request::cookie;
use crate::auth::second_factor::{enrolment_uri, grouped, matching_step, new_secret, qr_path};
use crate::auth::token::{hash_token, looks_like_token, new_token};
use crate::db::second_factor::{self as store, CHALLENGE_ATTEMPTS, CHALLENGE_SECS};
use crate::db::users::{self, UserRecord};
use crate::db::{audit, sessions, throttle};
use crate::domain::account::parse_code;
use crate::domain::administration::AccountStatus;
use crate::domain::audit::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::text::clean_line;
use crate::domain::throttle::ACCOUNT_POLICY;
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::second_factor::{Enrolment, SecondFactorView};
use crate::service::request::{audit_about_user, notice_back, redirect_to};

fn challenge_cookie_name(state: &AppState) -> &'static str {
    if state.config.https() {
        "__Host-tb_challenge"
    } else {
        "tb_challenge"
    }
}

fn challenge_cookie(state: &AppState, token: &str, max_age: i64) -> String {
    private_cookie(state, challenge_cookie_name(state), token, max_age)
}

fn code_error(problem: Problem) -> AppError {
    FieldError::new("code", problem).into()
}

fn unix_secs(now: Timestamp) -> u64 {
    u64::try_from(now.millis() / 1000).unwrap_or(0)
}

/// Counts a code against the account before it is checked (a right
/// one takes it back): five wrong ones make the account wait, however
/// many sign-ins they are spread over.
async fn count_code(state: &AppState, user: UserId, now: Timestamp) -> Result<String, AppError> {
    let key = format!("second-factor:{user}");
    let mut conn = state.store.pool().acquire().await?;
    throttle::count_attempt(&mut conn, &key, &ACCOUNT_POLICY, now)
        .await?
        .map_err(|until| AppError::Throttled { until })?;
    Ok(key)
}

/// Whether `code` is the app's code now for the account's confirmed
/// secret, recording its step as used (a code is good once).
async fn accept_code(state: &AppState, user: UserId, code: &str, now: Timestamp) -> Result<bool, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let (factor, _) = store::second_factor_of(&mut conn, user).await?;
    let Some(step) = factor.and_then(|f| matching_step(&f.secret, code, unix_secs(now))) else {
        return Ok(false);
    };
    Ok(store::use_step(&mut conn, user, step as i64).await?)
}

pub async fn state(state: &AppState, principal: Principal) -> Result<SecondFactorView, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let (factor, pending) = store::second_factor_of(&mut conn, principal.id()).await?;
    let user = users::get_user(&mut conn, principal.id())
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let admin = principal.needs_second_factor() || principal.is_administrator();
    let enrolment = match (&factor, pending) {
        (None, Some(secret)) => {
            let account = user.email.or(user.phone).unwrap_or(user.name);
            let uri = enrolment_uri(&secret, &account).ok_or(AppError::Internal)?;
            let (qr_path, qr_size) = qr_path(&uri).ok_or(AppError::Internal)?;
            Some(Enrolment {
                secret: grouped(&secret),
                qr_path,
                qr_size,
            })
        }
        _ => None,
    };
    Ok(SecondFactorView {
        enabled: factor.is_some(),
        required: state.config.require_admin_totp && admin,
        enrolment,
    })
}

pub async fn begin(state: &AppState, principal: Principal) -> Result<(), AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let (factor, _) = store::second_factor_of(&mut conn, principal.id()).await?;
    if factor.is_some() {
        return Err(AppError::Conflict);
    }
    store::set_pending(&mut conn, principal.id(), &new_secret(), Timestamp::now()).await?;
    redirect_to("/account/two-step?notice=second-factor-begun");
    Ok(())
}

pub async fn confirm(state: &AppState, principal: Principal, code: &str) -> Result<(), AppError> {
    let code = parse_code("code", code)?;
    let now = Timestamp::now();
    let key = count_code(state, principal.id(), now).await?;
    let mut conn = state.store.pool().acquire().await?;
    let (factor, pending) = store::second_factor_of(&mut conn, principal.id()).await?;
    drop(conn);
    if factor.is_some() {
        return Err(AppError::Conflict);
    }
    let Some(pending) = pending else {
        return Err(code_error(Problem::SignInExpired));
    };
    let Some(step) = matching_step(&pending, &code, unix_secs(now)) else {
        return Err(code_error(Problem::WrongCode));
    };
    let mut tx = state.store.write().await?;
    if !store::confirm(&mut tx, principal.id(), &pending, step as i64, now).await? {
        return Err(AppError::Conflict);
    }
    // Sessions opened with the password alone end; this one has just
    // shown the code.
    let ended = sessions::delete_user_sessions(&mut tx, principal.id(), Some(principal.session_hash())).await?;
    throttle::clear_throttle(&mut tx, &key).await?;
    let mut entry = audit_about_user(
        AuditAction::SecondFactorEnabled,
        Some(&principal),
        principal.id(),
        principal.name(),
    );
    entry.details = Some(serde_json::json!({ "other_sessions_ended": ended }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    redirect_to("/account/two-step?notice=second-factor-on");
    Ok(())
}

pub async fn remove(state: &AppState, principal: Principal, code: &str) -> Result<(), AppError> {
    let code = parse_code("code", code)?;
    if state.config.require_admin_totp && principal.is_administrator() {
        return Err(code_error(Problem::SecondFactorRequired));
    }
    let now = Timestamp::now();
    let key = count_code(state, principal.id(), now).await?;
    if !accept_code(state, principal.id(), &code, now).await? {
        return Err(code_error(Problem::WrongCode));
    }
    let mut tx = state.store.write().await?;
    store::remove(&mut tx, principal.id(), now).await?;
    throttle::clear_throttle(&mut tx, &key).await?;
    let entry = audit_about_user(
        AuditAction::SecondFactorRemoved,
        Some(&principal),
        principal.id(),
        principal.name(),
    );
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    redirect_to("/account/two-step?notice=second-factor-off");
    Ok(())
}

pub async fn clear(state: &AppState, admin: Administrator, user: &str, reason: &str) -> Result<(), AppError> {
    let user = UserId::parse(user.trim()).ok_or(AppError::NotFound)?;
    // One line (no control characters), at most 500 characters.
    let Some(reason) = clean_line("reason", reason, 500, false)? else {
        return Err(FieldError::new("reason", Problem::ReasonRequired).into());
    };
    let now = Timestamp::now();
    let mut conn = state.store.pool().acquire().await?;
    let target = users::get_user(&mut conn, user).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    let mut tx = state.store.write().await?;
    if !store::remove(&mut tx, user, now).await? {
        return Err(AppError::Conflict);
    }
    let ended = sessions::delete_user_sessions(&mut tx, user, None).await?;
    let mut entry = audit_about_user(
        AuditAction::SecondFactorRemoved,
        Some(admin.principal()),
        user,
        &target.name,
    );
    entry.details = Some(serde_json::json!({ "reason": reason, "sessions_ended": ended }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("second-factor-cleared");
    Ok(())
}

/// After a right password for an account with a second factor: a
/// waiting sign-in, its cookie, and the page that asks for the code.
pub async fn start_challenge(
    state: &AppState,
    user: &UserRecord,
    account_key: &str,
    next: Option<&str>,
) -> Result<(), AppError> {
    let token = new_token();
    let next = next.map(crate::domain::session::local_path).filter(|p| p != "/");
    let mut tx = state.store.write().await?;
    throttle::clear_throttle(&mut tx, account_key).await?;
    store::insert_challenge(&mut tx, &hash_token(&token), user.id, next.as_deref(), Timestamp::now()).await?;
    tx.commit().await?;
    set_cookie(&challenge_cookie(state, &token, CHALLENGE_SECS));
    redirect_to("/sign-in/code");
    Ok(())
}

pub async fn sign_in_code(state: &AppState, code: &str) -> Result<(), AppError> {
    let code = parse_code("code", code)?;
    let now = Timestamp::now();
    let token = cookie(challenge_cookie_name(state)).filter(|t| looks_like_token(t));
    let Some(token) = token else {
        return Err(code_error(Problem::SignInExpired));
    };
    let hash = hash_token(&token);
    let mut conn = state.store.pool().acquire().await?;
    let challenge = store::try_challenge(&mut conn, &hash, now).await?;
    let user = match &challenge {
        Some(c) => users::get_user(&mut conn, c.user).await?,
        None => None,
    };
    drop(conn);
    let (Some(challenge), Some(user)) = (challenge, user.filter(|u| u.status == AccountStatus::Active)) else {
        set_cookie(&challenge_cookie(state, "", 0));
        return Err(code_error(Problem::SignInExpired));
    };
    let key = count_code(state, user.id, now).await?;
    if !accept_code(state, user.id, &code, now).await? {
        let mut tx = state.store.write().await?;
        let mut entry = audit_about_user(AuditAction::SignInFailed, None, user.id, &user.name);
        entry.details = Some(serde_json::json!({ "reason": "wrong_code" }));
        audit::append(&mut tx, entry).await?;
        let used_up = challenge.attempts + 1 >= CHALLENGE_ATTEMPTS;
        if used_up {
            store::delete_challenge(&mut tx, &hash).await?;
        }
        tx.commit().await?;
        if used_up {
            set_cookie(&challenge_cookie(state, "", 0));
            return Err(code_error(Problem::SignInExpired));
        }
        return Err(code_error(Problem::WrongCode));
    }
    {
        let mut tx = state.store.write().await?;
        store::delete_challenge(&mut tx, &hash).await?;
        throttle::clear_throttle(&mut tx, &key).await?;
        tx.commit().await?;
    }
    set_cookie(&challenge_cookie(state, "", 0));
    crate::service::session::finish_sign_in(state, &user, None, challenge.next.as_deref(), true).await
}
