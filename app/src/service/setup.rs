//! The use cases behind `crate::api::setup`:
//! The first administrator, created through the one-time setup link the
//! server prints on its first start.

use crate::auth::password::hash_password;
use crate::auth::principal::{set_cookie, start_session};
use crate::db::users::{self};
use crate::db::{audit, setup};
use crate::domain::account::check_sign_up;
use crate::domain::audit::AuditAction;
use crate::domain::role::Role;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::new_account::{create_account, NewAccount};
use crate::service::one_time_link::token_hash;
use crate::service::request::{audit_entry, redirect_to};

pub async fn status(state: &AppState, token: &str) -> Result<bool, AppError> {
    let Ok(hash) = token_hash(token) else {
        return Ok(false);
    };
    let mut conn = state.store.pool().acquire().await?;
    Ok(!users::administrator_exists(&mut conn).await?
        && setup::setup_token_usable(&mut conn, &hash, Timestamp::now()).await?)
}

pub async fn complete(
    state: &AppState,
    token: &str,
    name: &str,
    email: &str,
    phone: &str,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let link = token_hash(token)?;
    let account = check_sign_up(name, email, phone, &password, &password_confirm)?;
    // The first account administers the installation: a staff password.
    crate::domain::account::check_staff_password("password", &password)?;
    crate::service::one_time_link::checked(state, async |conn, now| {
        let usable = !users::administrator_exists(conn).await? && setup::setup_token_usable(conn, &link, now).await?;
        if usable {
            Ok(())
        } else {
            Err(AppError::LinkInvalid)
        }
    })
    .await?;
    let hash = hash_password(password).await?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    if users::administrator_exists(&mut tx).await? || !setup::consume_setup_tokens(&mut tx, &link, now).await? {
        return Err(AppError::LinkInvalid);
    }
    let id = create_account(
        &mut tx,
        &NewAccount {
            name: &account.name,
            email: account.email.as_ref().map(|e| e.as_str()),
            phone: account.phone.as_ref().map(|p| p.as_str()),
            password_hash: Some(hash.as_str()),
            role: Some(Role::Administrator),
            granted_by: None,
        },
        now,
    )
    .await?;
    let mut entry = audit_entry(AuditAction::SetupCompleted, None);
    entry.actor = Some(id);
    entry.actor_name = Some(account.name.clone());
    entry.target_type = Some("user");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(account.name.clone());
    audit::append(&mut tx, entry).await?;
    let cookie = start_session(state, &mut tx, id).await?;
    tx.commit().await?;
    set_cookie(&cookie);
    redirect_to("/admin/accounts");
    Ok(())
}
