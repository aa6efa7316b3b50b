//! The use cases behind `crate::api::session`:
//! Signing up, in and out, and changing one's password.

use crate::auth::password::{hash_password, verify_password};
use crate::auth::principal::Principal;
use crate::auth::principal::{current_principal, session_cookie, session_cookie_name, set_cookie, start_session};
use crate::auth::request::{cookie, current_address};
use crate::auth::token::hash_token;
use crate::db::users::{self, LoginColumn};
use crate::db::{audit, sessions, throttle};
use crate::domain::account::{check_new_password, check_sign_up, Identifier};
use crate::domain::administration::AccountStatus;
use crate::domain::audit::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::role::Role;
use crate::domain::session::local_path;
use crate::domain::throttle::{check_throttle, later_lock, ThrottlePolicy, ACCOUNT_POLICY, ADDRESS_POLICY};
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::session::SignedInUser;
use crate::service::new_account::{create_account, NewAccount};
use crate::service::request::{audit_about_user, audit_entry, notice_back, redirect_to};

/// Sign-ups from one address: thirty an hour (a commune's producers may
/// sign up together from one office), then an hour's wait.
const SIGN_UP_POLICY: ThrottlePolicy = ThrottlePolicy {
    free_failures: 30,
    first_lock_secs: 3600,
    max_lock_secs: 3600,
    forget_after_secs: 3600,
};

pub async fn current_user(state: &AppState) -> Result<Option<SignedInUser>, AppError> {
    let Some(principal) = current_principal(state).await? else {
        return Ok(None);
    };
    let mut conn = state.store.pool().acquire().await?;
    let Some(user) = users::get_user(&mut conn, principal.id()).await? else {
        return Ok(None);
    };
    Ok(Some(SignedInUser {
        id: user.id,
        is_admin: principal.is_administrator(),
        name: user.name,
        email: user.email,
        phone: user.phone,
        roles: principal.grants().to_vec(),
        second_factor: user.second_factor,
        needs_second_factor: principal.needs_second_factor(),
    }))
}

pub async fn sign_up(
    state: &AppState,
    name: &str,
    email: &str,
    phone: &str,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let account = check_sign_up(name, email, phone, &password, &password_confirm)?;
    let now = Timestamp::now();
    // Counted before the password is hashed and the account written, so
    // a burst of sign-ups from one address costs at most its quota.
    if let Some(address) = current_address() {
        let mut conn = state.store.pool().acquire().await?;
        throttle::count_attempt(&mut conn, &format!("signup:{address}"), &SIGN_UP_POLICY, now)
            .await?
            .map_err(|until| AppError::Throttled { until })?;
    }
    let hash = hash_password(password).await?;
    let mut tx = state.store.write().await?;
    let id = create_account(
        &mut tx,
        &NewAccount {
            name: &account.name,
            email: account.email.as_ref().map(|e| e.as_str()),
            phone: account.phone.as_ref().map(|p| p.as_str()),
            password_hash: Some(hash.as_str()),
            role: Some(Role::Entrant),
            granted_by: None,
        },
        now,
    )
    .await?;
    let mut entry = audit_entry(AuditAction::SignedUp, None);
    entry.actor = Some(id);
    entry.actor_name = Some(account.name.clone());
    entry.target_type = Some("user");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(account.name.clone());
    audit::append(&mut tx, entry).await?;
    let cookie = start_session(state, &mut tx, id).await?;
    tx.commit().await?;
    set_cookie(&cookie);
    redirect_to("/account");
    Ok(())
}

pub async fn sign_in(state: &AppState, identifier: &str, password: String, next: Option<&str>) -> Result<(), AppError> {
    let identifier = Identifier::parse("identifier", identifier)?;
    if password.is_empty() {
        return Err(FieldError::new("password", Problem::Required).into());
    }
    let now = Timestamp::now();
    let account_key = identifier.throttle_key();
    let address_key = current_address().map(|a| format!("address:{a}"));

    let (column, value) = match &identifier {
        Identifier::Email(e) => (LoginColumn::Email, e.as_str().to_owned()),
        Identifier::Phone(p) => (LoginColumn::Phone, p.as_str().to_owned()),
    };
    // The attempt is counted against the account and the address before
    // the password is checked, atomically, so parallel guesses cannot
    // slip through one window; a right password takes it back.
    let mut conn = state.store.pool().acquire().await?;
    let login = users::find_login(&mut conn, column, &value).await?;
    let account_count = throttle::count_attempt(&mut conn, &account_key, &ACCOUNT_POLICY, now).await?;
    let address_count = match (&address_key, &account_count) {
        (Some(key), Ok(_)) => Some(throttle::count_attempt(&mut conn, key, &ADDRESS_POLICY, now).await?),
        _ => None,
    };
    drop(conn);
    let before = later_lock(
        account_count.map(|_| ()),
        address_count.map_or(Ok(()), |c| c.map(|_| ())),
    );
    if let Err(until) = before {
        if account_count.is_ok() {
            // The account's attempt was counted, the address refused it.
            let mut conn = state.store.pool().acquire().await?;
            throttle::forgive_attempt(&mut conn, &account_key, &ACCOUNT_POLICY).await?;
        }
        record_sign_in_failure(state, &value, login.as_ref().map(|l| l.user.id), "throttled").await?;
        return Err(AppError::Throttled { until });
    }
    let after = later_lock(
        account_count.and_then(|s| check_throttle(Some(&s), now)),
        address_count.map_or(Ok(()), |c| c.and_then(|s| check_throttle(Some(&s), now))),
    );

    let hash = login.as_ref().and_then(|l| l.password_hash.clone());
    let verified = verify_password(password, hash).await?;
    // A disabled account with the right password is answered exactly
    // as a wrong password: the answer tells nothing about the account.
    let active = login.as_ref().is_some_and(|l| l.user.status == AccountStatus::Active);
    let Some(login) = login.filter(|_| verified && active) else {
        let reason = if verified { "disabled" } else { "wrong_credentials" };
        let mut tx = state.store.write().await?;
        let mut entry = audit_entry(AuditAction::SignInFailed, None);
        entry.target_type = Some("identifier");
        entry.target_name = Some(value.clone());
        entry.details = Some(serde_json::json!({ "reason": reason }));
        audit::append(&mut tx, entry).await?;
        tx.commit().await?;
        return Err(match after {
            Err(until) => AppError::Throttled { until },
            Ok(()) => AppError::WrongCredentials,
        });
    };
    if let Some(key) = &address_key {
        let mut conn = state.store.pool().acquire().await?;
        throttle::forgive_attempt(&mut conn, key, &ADDRESS_POLICY).await?;
    }
    if login.user.second_factor {
        // The password was right; the code is asked on a page of its
        // own, so a browser without JavaScript loses nothing typed.
        return crate::service::second_factor::start_challenge(state, &login.user, &account_key, next).await;
    }
    finish_sign_in(state, &login.user, Some(&account_key), next, false).await
}

/// Starts the session of a person whose sign-in is proven (password,
/// and code when they use one), records it and sends them on:
/// an administrator who must set up a second factor goes to do so.
pub(crate) async fn finish_sign_in(
    state: &crate::infra::state::AppState,
    user: &crate::db::users::UserRecord,
    account_key: Option<&str>,
    next: Option<&str>,
    with_code: bool,
) -> Result<(), AppError> {
    let previous_session = cookie(session_cookie_name(state)).map(|t| hash_token(&t));
    let must_enrol = state.config.require_admin_totp && !user.second_factor && {
        let mut conn = state.store.pool().acquire().await?;
        crate::domain::role::is_administrator(&users::grants_of(&mut conn, user.id).await?)
    };
    let mut tx = state.store.write().await?;
    if let Some(key) = account_key {
        throttle::clear_throttle(&mut tx, key).await?;
    }
    if let Some(previous) = previous_session {
        sessions::delete_session(&mut tx, &previous).await?;
    }
    let cookie = start_session(state, &mut tx, user.id).await?;
    let mut entry = audit_entry(AuditAction::SignedIn, None);
    entry.actor = Some(user.id);
    entry.actor_name = Some(user.name.clone());
    entry.target_type = Some("user");
    entry.target_id = Some(user.id.to_string());
    entry.target_name = Some(user.name.clone());
    if with_code {
        entry.details = Some(serde_json::json!({ "second_factor": true }));
    }
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    set_cookie(&cookie);
    let to = if must_enrol {
        "/account/two-step".to_owned()
    } else {
        next.map(local_path)
            .filter(|p| p != "/")
            .unwrap_or_else(|| "/account".into())
    };
    redirect_to(&to);
    Ok(())
}

async fn record_sign_in_failure(
    state: &crate::infra::state::AppState,
    identifier: &str,
    user: Option<UserId>,
    reason: &str,
) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let mut entry = audit_entry(AuditAction::SignInFailed, None);
    entry.target_type = Some("identifier");
    entry.target_id = user.map(|u| u.to_string());
    entry.target_name = Some(identifier.to_owned());
    entry.details = Some(serde_json::json!({ "reason": reason }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn sign_out(state: &AppState) -> Result<(), AppError> {
    let principal = current_principal(state).await?;
    if let Some(principal) = &principal {
        let mut tx = state.store.write().await?;
        sessions::delete_session(&mut tx, principal.session_hash()).await?;
        let mut entry = audit_entry(AuditAction::SignedOut, Some(principal));
        entry.target_type = Some("user");
        entry.target_id = Some(principal.id().to_string());
        entry.target_name = Some(principal.name().to_owned());
        audit::append(&mut tx, entry).await?;
        tx.commit().await?;
    }
    set_cookie(&session_cookie(state, "", 0));
    redirect_to("/");
    Ok(())
}

pub async fn change_password(
    state: &AppState,
    principal: Principal,
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    check_new_password("new_password", "new_password_confirm", &new, &confirm)?;
    if crate::domain::session::is_staff(principal.grants()) {
        crate::domain::account::check_staff_password("new_password", &new)?;
    }
    if current == new {
        return Err(FieldError::new("new_password", Problem::PasswordUnchanged).into());
    }
    let now = Timestamp::now();
    let key = format!("change-password:{}", principal.id());
    // Counted before the password is checked (a right one clears it).
    let mut conn = state.store.pool().acquire().await?;
    throttle::count_attempt(&mut conn, &key, &ACCOUNT_POLICY, now)
        .await?
        .map_err(|until| AppError::Throttled { until })?;
    let stored = users::password_hash(&mut conn, principal.id()).await?;
    drop(conn);
    if !verify_password(current, stored).await? {
        return Err(FieldError::new("current_password", Problem::WrongCurrentPassword).into());
    }
    let hash = hash_password(new).await?;
    let mut tx = state.store.write().await?;
    users::set_password_hash(&mut tx, principal.id(), hash.as_str(), now).await?;
    let ended = sessions::delete_user_sessions(&mut tx, principal.id(), Some(principal.session_hash())).await?;
    crate::db::password_resets::expire_resets_of(&mut tx, principal.id(), now).await?;
    throttle::clear_throttle(&mut tx, &key).await?;
    let mut entry = audit_about_user(
        AuditAction::PasswordChanged,
        Some(&principal),
        principal.id(),
        principal.name(),
    );
    entry.details = Some(serde_json::json!({ "other_sessions_ended": ended }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back("password-changed");
    Ok(())
}
