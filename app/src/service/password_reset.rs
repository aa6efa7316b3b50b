//! The use cases behind `crate::api::password_reset`:
//! Setting a new password through a one-time link: asked for by the person
//! (sent to their e-mail address), or issued by an administrator for
//! someone who signed up with a phone number and cannot receive e-mail.

use crate::auth::password::hash_password;
use crate::auth::principal::Administrator;
use crate::auth::principal::{set_cookie, start_session};
use crate::auth::request::current_address;
use crate::db::outbox::NewMessage;
use crate::db::password_resets::{self, ResetRecord};
use crate::db::users::{self, LoginColumn, UserRecord};
use crate::db::{audit, sessions, throttle, Conn};
use crate::domain::account::{check_new_password, Identifier};
use crate::domain::administration::{link_usable, AccountStatus, AdminRefusal, ADMIN_RESET_HOURS, SELF_RESET_HOURS};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{ResetId, UserId};
use crate::domain::throttle::{check_throttle, later_lock, record_failure, ThrottlePolicy};
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::i18n::{Arg, I18n, Lang};
use crate::infra::state::AppState;
use crate::model::password_reset::ResetView;
use crate::service::one_time_link::{new_link, token_hash, NewLink};
use crate::service::request::{audit_entry, notice_back, redirect_to};

/// Reset requests: three an hour per identifier and ten per address.
const PER_IDENTIFIER: ThrottlePolicy = ThrottlePolicy {
    free_failures: 3,
    first_lock_secs: 3600,
    max_lock_secs: 3600,
    forget_after_secs: 3600,
};
const PER_ADDRESS: ThrottlePolicy = ThrottlePolicy {
    free_failures: 10,
    first_lock_secs: 3600,
    max_lock_secs: 3600,
    forget_after_secs: 3600,
};

pub async fn request(state: &AppState, identifier: &str) -> Result<(), AppError> {
    let identifier = Identifier::parse("identifier", identifier)?;
    let now = Timestamp::now();
    let identifier_key = format!("reset:{}", identifier.throttle_key());
    let address_key = current_address().map(|a| format!("reset-address:{a}"));
    let mut tx = state.store.write().await?;
    let by_identifier = throttle::get_throttle(&mut tx, &identifier_key).await?;
    let by_address = match &address_key {
        Some(key) => throttle::get_throttle(&mut tx, key).await?,
        None => None,
    };
    later_lock(
        check_throttle(by_identifier.as_ref(), now),
        check_throttle(by_address.as_ref(), now),
    )
    .map_err(|until| AppError::Throttled { until })?;
    throttle::put_throttle(
        &mut tx,
        &identifier_key,
        &record_failure(&PER_IDENTIFIER, by_identifier, now),
    )
    .await?;
    if let Some(key) = &address_key {
        throttle::put_throttle(&mut tx, key, &record_failure(&PER_ADDRESS, by_address, now)).await?;
    }
    let (column, value) = match &identifier {
        Identifier::Email(e) => (LoginColumn::Email, e.as_str().to_owned()),
        Identifier::Phone(p) => (LoginColumn::Phone, p.as_str().to_owned()),
    };
    let account = users::find_login(&mut tx, column, &value).await?.map(|l| l.user);
    let mut entry = audit_entry(AuditAction::PasswordResetRequested, None);
    entry.target_type = Some("identifier");
    entry.target_name = Some(value);
    entry.target_id = account.as_ref().map(|a| a.id.to_string());
    // Only active accounts with an e-mail address get a link by e-mail;
    // the answer is the same either way.
    let sent = match account.filter(|a| a.status == AccountStatus::Active && a.email.is_some()) {
        Some(account) => {
            issue_link(state, &mut tx, &account, None, SELF_RESET_HOURS, now).await?;
            true
        }
        None => false,
    };
    entry.details = Some(serde_json::json!({ "link_sent": sent }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("reset-requested");
    Ok(())
}

/// Stores a fresh link (ending older ones) and queues its message.
async fn issue_link(
    state: &AppState,
    conn: &mut Conn,
    account: &UserRecord,
    issued_by: Option<UserId>,
    hours: i64,
    now: Timestamp,
) -> Result<(), AppError> {
    let NewLink { token, hash, expires } = new_link(now, hours);
    password_resets::expire_resets_of(conn, account.id, now).await?;
    password_resets::insert_reset(conn, ResetId::new(), account.id, &hash, issued_by, now, expires).await?;
    let link = state.config.link(&format!("/reset-password/{token}"));
    let text = |lang: Lang| {
        I18n::new(lang).t_with(
            "mail-reset-body",
            &[
                ("name", Arg::Text(account.name.clone())),
                ("link", Arg::Text(link.clone())),
                ("date", Arg::Text(expires.vn_date())),
                ("time", Arg::Text(expires.vn_time())),
            ],
        )
    };
    let to = account
        .email
        .clone()
        .or_else(|| account.phone.clone())
        .unwrap_or_default();
    let message = NewMessage {
        to,
        subject: format!(
            "{} / {}",
            I18n::new(Lang::Vi).t("mail-reset-subject"),
            I18n::new(Lang::En).t("mail-reset-subject")
        ),
        body: format!("{}\n\n----------\n\n{}", text(Lang::Vi), text(Lang::En)),
        kind: "password_reset",
    };
    state.mail.queue(conn, &message).await?;
    Ok(())
}

async fn usable(conn: &mut Conn, token: &str, now: Timestamp) -> Result<(ResetRecord, UserRecord), AppError> {
    let reset = password_resets::find_reset(conn, &token_hash(token)?)
        .await?
        .filter(|r| link_usable(r.expires_at, r.used_at, now))
        .ok_or(AppError::LinkInvalid)?;
    let user = users::get_user(conn, reset.user)
        .await?
        .filter(|u| u.status == AccountStatus::Active)
        .ok_or(AppError::LinkInvalid)?;
    Ok((reset, user))
}

pub async fn info(state: &AppState, token: &str) -> Result<ResetView, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let (reset, user) = usable(&mut conn, token, Timestamp::now()).await?;
    Ok(ResetView {
        name: user.name,
        expires_at: reset.expires_at,
    })
}

pub async fn reset(state: &AppState, token: &str, password: String, confirm: String) -> Result<(), AppError> {
    check_new_password("password", "password_confirm", &password, &confirm)?;
    let staff = crate::service::one_time_link::checked(state, async |conn, now| {
        let (_, user) = usable(conn, token, now).await?;
        Ok(crate::domain::session::is_staff(
            &users::grants_of(conn, user.id).await?,
        ))
    })
    .await?;
    if staff {
        crate::domain::account::check_staff_password("password", &password)?;
    }
    let hash = hash_password(password).await?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let (reset, user) = usable(&mut tx, token, now).await?;
    if !password_resets::consume_reset(&mut tx, reset.id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    users::set_password_hash(&mut tx, user.id, hash.as_str(), now).await?;
    let ended = sessions::delete_user_sessions(&mut tx, user.id, None).await?;
    password_resets::expire_resets_of(&mut tx, user.id, now).await?;
    let mut entry = audit_entry(AuditAction::PasswordReset, None);
    entry.actor = Some(user.id);
    entry.actor_name = Some(user.name.clone());
    entry.target_type = Some("user");
    entry.target_id = Some(user.id.to_string());
    entry.target_name = Some(user.name.clone());
    entry.details = Some(serde_json::json!({ "sessions_ended": ended }));
    audit::append(&mut tx, entry).await?;
    let cookie = start_session(state, &mut tx, user.id).await?;
    tx.commit().await?;
    set_cookie(&cookie);
    redirect_to("/account");
    Ok(())
}

pub async fn issue(state: &AppState, admin: Administrator, user: &str) -> Result<(), AppError> {
    let id = UserId::parse(user).ok_or(AppError::NotFound)?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let account = users::get_user(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if account.status != AccountStatus::Active {
        return Err(AdminRefusal::NothingToChange.into());
    }
    issue_link(
        state,
        &mut tx,
        &account,
        Some(admin.principal().id()),
        ADMIN_RESET_HOURS,
        now,
    )
    .await?;
    let mut entry = audit_entry(AuditAction::PasswordResetIssued, Some(admin.principal()));
    entry.target_type = Some("user");
    entry.target_id = Some(account.id.to_string());
    entry.target_name = Some(account.name.clone());
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("reset-issued");
    Ok(())
}
