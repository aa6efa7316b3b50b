//! The use cases behind `crate::api::invitation`:
//! Accepting an invitation: the invitee opens the one-time link, chooses
//! a name and a password, and is signed in.

use crate::auth::password::hash_password;
use crate::auth::principal::{set_cookie, start_session};
use crate::db::invitations::{self, InvitationRecord};
use crate::db::{audit, users, Conn};
use crate::domain::account::{check_new_password, parse_name};
use crate::domain::administration::{link_usable, AccountStatus};
use crate::domain::audit::AuditAction;
use crate::domain::time::Timestamp;
use crate::domain::validation::Checker;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::invitation::InvitationView;
use crate::service::one_time_link::token_hash;
use crate::service::request::{audit_entry, redirect_to};

async fn usable(conn: &mut Conn, token: &str, now: Timestamp) -> Result<InvitationRecord, AppError> {
    let invitation = invitations::find_invitation(conn, &token_hash(token)?)
        .await?
        .filter(|i| link_usable(i.expires_at, i.used_at, now))
        .ok_or(AppError::LinkInvalid)?;
    Ok(invitation)
}

pub async fn info(state: &AppState, token: &str) -> Result<InvitationView, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let invitation = usable(&mut conn, token, Timestamp::now()).await?;
    let user = users::get_user(&mut conn, invitation.user)
        .await?
        .filter(|u| u.status == AccountStatus::Invited)
        .ok_or(AppError::LinkInvalid)?;
    Ok(InvitationView {
        email: user.email.unwrap_or_default(),
        name: user.name,
        role: invitation.role,
        invited_by: invitation.invited_by_name,
        expires_at: invitation.expires_at,
    })
}

pub async fn accept(
    state: &AppState,
    token: &str,
    name: &str,
    password: String,
    confirm: String,
) -> Result<(), AppError> {
    let mut checker = Checker::new();
    let name = checker.check(parse_name("name", name));
    checker.check(check_new_password("password", "password_confirm", &password, &confirm));
    checker.finish()?;
    let name = name.unwrap_or_default();
    let invited =
        crate::service::one_time_link::checked(state, async |conn, now| usable(conn, token, now).await).await?;
    // Invitations are for staff (a secretary, a juror, a council
    // member, an administrator): a staff password.
    if invited.role != crate::domain::role::Role::Entrant {
        crate::domain::account::check_staff_password("password", &password)?;
    }
    let hash = hash_password(password).await?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let invitation = usable(&mut tx, token, now).await?;
    let user = users::get_user(&mut tx, invitation.user)
        .await?
        .filter(|u| u.status == AccountStatus::Invited)
        .ok_or(AppError::LinkInvalid)?;
    if !invitations::consume_invitation(&mut tx, invitation.id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    users::set_name(&mut tx, user.id, &name, now).await?;
    users::set_password_hash(&mut tx, user.id, hash.as_str(), now).await?;
    users::set_status(&mut tx, user.id, AccountStatus::Active, now).await?;
    let mut entry = audit_entry(AuditAction::InvitationAccepted, None);
    entry.actor = Some(user.id);
    entry.actor_name = Some(name.clone());
    entry.target_type = Some("user");
    entry.target_id = Some(user.id.to_string());
    entry.target_name = Some(name.clone());
    entry.details = Some(serde_json::json!({ "role": invitation.role.code() }));
    audit::append(&mut tx, entry).await?;
    let cookie = start_session(state, &mut tx, user.id).await?;
    tx.commit().await?;
    set_cookie(&cookie);
    redirect_to("/account");
    Ok(())
}
