//! The use cases behind `crate::api::accounts`:
//! Account administration: the list, invitations, roles, disabling.
//! Every function here needs the administrator role.

use crate::auth::principal::Administrator;
use crate::db::outbox::NewMessage;
use crate::db::users::{self, UserRecord};
use crate::db::{audit, invitations, sessions, Conn};
use crate::domain::account::Email;
use crate::domain::administration::{check_disable, check_revoke, AccountStatus, AdminRefusal, INVITATION_DAYS};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{InvitationId, UserId};
use crate::domain::role::{is_administrator, Role, RoleGrant};
use crate::domain::text::clean_line;
use crate::domain::time::Timestamp;
use crate::domain::validation::{Checker, FieldError, Problem};
use crate::error::AppError;
use crate::i18n::{Arg, I18n, Lang};
use crate::infra::state::AppState;
use crate::model::accounts::{AccountPage, AccountRow, Delivery, ACCOUNTS_PER_PAGE};
use crate::service::new_account::{create_account, NewAccount};
use crate::service::one_time_link::{new_link, NewLink};
use crate::service::request::{audit_entry, notice_back};

pub async fn list(
    state: &AppState,
    admin: Administrator,
    search: Option<&str>,
    page: i64,
) -> Result<AccountPage, AppError> {
    let search = clean_line("search", search.unwrap_or_default(), 200, false)?;
    let page = page.clamp(1, 100_000);
    let mut conn = state.store.pool().acquire().await?;
    let (records, total) = users::list_users(
        &mut conn,
        search.as_deref(),
        (page - 1) * ACCOUNTS_PER_PAGE,
        ACCOUNTS_PER_PAGE,
    )
    .await?;
    let ids: Vec<UserId> = records.iter().map(|r| r.id).collect();
    let mut grants = users::grants_of_many(&mut conn, &ids).await?;
    let accounts = records
        .into_iter()
        .map(|r| AccountRow {
            roles: grants.remove(&r.id).unwrap_or_default(),
            id: r.id,
            name: r.name,
            email: r.email,
            phone: r.phone,
            status: r.status,
            created_at: r.created_at,
            second_factor: r.second_factor,
        })
        .collect();
    Ok(AccountPage {
        accounts,
        total,
        page,
        me: admin.principal().id(),
    })
}

fn parse_invitable_role(field: &str, code: &str) -> Result<Role, FieldError> {
    Role::from_code(code)
        .filter(|r| Role::INVITABLE.contains(r))
        .ok_or_else(|| FieldError::new(field, Problem::NotAChoice))
}

pub async fn invite(
    state: &AppState,
    admin: Administrator,
    email: &str,
    name: &str,
    role: &str,
) -> Result<Delivery, AppError> {
    let mut checker = Checker::new();
    let email = checker.check(Email::parse("email", email));
    let name = checker.check(clean_line("name", name, crate::domain::account::NAME_MAX, false));
    let role = checker.check(parse_invitable_role("role", role));
    checker.finish()?;
    let (Some(email), Some(name), Some(role)) = (email, name, role) else {
        return Err(AppError::Internal);
    };
    let name = name.unwrap_or_else(|| email.as_str().split('@').next().unwrap_or_default().to_owned());
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let id = create_account(
        &mut tx,
        &NewAccount {
            name: &name,
            email: Some(email.as_str()),
            phone: None,
            password_hash: None,
            role: Some(role),
            granted_by: Some(admin.principal().id()),
        },
        now,
    )
    .await?;
    let delivery = send_invitation(state, &mut tx, &admin, id, &name, email.as_str(), role, now).await?;
    let mut entry = audit_entry(AuditAction::Invited, Some(admin.principal()));
    entry.target_type = Some("user");
    entry.target_id = Some(id.to_string());
    entry.target_name = Some(name.clone());
    entry.details = Some(serde_json::json!({ "email": email.as_str(), "role": role.code() }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back(if delivery == Delivery::Held {
        "invited-held"
    } else {
        "invited"
    });
    Ok(delivery)
}

pub async fn resend(state: &AppState, admin: Administrator, user: &str) -> Result<Delivery, AppError> {
    let user_id = UserId::parse(user).ok_or(AppError::NotFound)?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let user = users::get_user(&mut tx, user_id).await?.ok_or(AppError::NotFound)?;
    let (AccountStatus::Invited, Some(email)) = (user.status, user.email.clone()) else {
        return Err(AdminRefusal::NothingToChange.into());
    };
    let role = users::grants_of(&mut tx, user.id)
        .await?
        .into_iter()
        .map(|g| g.role)
        .find(|r| Role::INVITABLE.contains(r))
        .unwrap_or(Role::Juror);
    invitations::expire_invitations_of(&mut tx, user.id, now).await?;
    let delivery = send_invitation(state, &mut tx, &admin, user.id, &user.name, &email, role, now).await?;
    let mut entry = audit_entry(AuditAction::InvitationRenewed, Some(admin.principal()));
    entry.target_type = Some("user");
    entry.target_id = Some(user.id.to_string());
    entry.target_name = Some(user.name.clone());
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    state.mail.wake();
    notice_back("invitation-renewed");
    Ok(delivery)
}

/// Stores a fresh invitation link and queues its e-mail, in both
/// languages since we do not know the invitee's.
#[allow(clippy::too_many_arguments)]
async fn send_invitation(
    state: &AppState,
    conn: &mut Conn,
    admin: &Administrator,
    user: UserId,
    name: &str,
    email: &str,
    role: Role,
    now: Timestamp,
) -> Result<Delivery, AppError> {
    let NewLink { token, hash, expires } = new_link(now, INVITATION_DAYS * 24);
    invitations::insert_invitation(
        conn,
        InvitationId::new(),
        user,
        role,
        &hash,
        admin.principal().id(),
        now,
        expires,
    )
    .await?;
    let link = state.config.link(&format!("/invitation/{token}"));
    let text = |lang: Lang| {
        let i18n = I18n::new(lang);
        i18n.t_with(
            "mail-invitation-body",
            &[
                ("name", Arg::Text(name.to_owned())),
                ("inviter", Arg::Text(admin.principal().name().to_owned())),
                (
                    "role",
                    Arg::Text(i18n.t(&format!("role-{}", role.code().replace('_', "-")))),
                ),
                ("link", Arg::Text(link.clone())),
                ("date", Arg::Text(expires.vn_date())),
                ("time", Arg::Text(expires.vn_time())),
            ],
        )
    };
    let message = NewMessage {
        to: email.to_owned(),
        subject: format!(
            "{} / {}",
            I18n::new(Lang::Vi).t("mail-invitation-subject"),
            I18n::new(Lang::En).t("mail-invitation-subject")
        ),
        body: format!("{}\n\n----------\n\n{}", text(Lang::Vi), text(Lang::En)),
        kind: "invitation",
    };
    state.mail.queue(conn, &message).await?;
    Ok(if state.mail.smtp_enabled() {
        Delivery::Queued
    } else {
        Delivery::Held
    })
}

async fn target(conn: &mut Conn, user: &str) -> Result<UserRecord, AppError> {
    let id = UserId::parse(user).ok_or(AppError::NotFound)?;
    users::get_user(conn, id).await?.ok_or(AppError::NotFound)
}

pub async fn set_enabled(state: &AppState, admin: Administrator, user: &str, enable: bool) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let target = target(&mut tx, user).await?;
    let action = if enable {
        if target.status != AccountStatus::Disabled {
            return Err(AdminRefusal::NothingToChange.into());
        }
        users::set_status(&mut tx, target.id, AccountStatus::Active, now).await?;
        AuditAction::AccountEnabled
    } else {
        let grants = users::grants_of(&mut tx, target.id).await?;
        let active_admins = users::count_active_admins(&mut tx).await?;
        check_disable(
            admin.principal().id(),
            target.id,
            target.status,
            is_administrator(&grants),
            active_admins,
        )?;
        users::set_status(&mut tx, target.id, AccountStatus::Disabled, now).await?;
        sessions::delete_user_sessions(&mut tx, target.id, None).await?;
        AuditAction::AccountDisabled
    };
    let mut entry = audit_entry(action, Some(admin.principal()));
    entry.target_type = Some("user");
    entry.target_id = Some(target.id.to_string());
    entry.target_name = Some(target.name.clone());
    entry.details = Some(serde_json::json!({
        "before": target.status.code(),
        "after": if enable { "active" } else { "disabled" },
    }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back(if enable { "account-enabled" } else { "account-disabled" });
    Ok(())
}

pub async fn change_role(
    state: &AppState,
    admin: Administrator,
    user: &str,
    role: &str,
    give: bool,
) -> Result<(), AppError> {
    let role = Role::from_code(role).ok_or_else(|| AppError::field(FieldError::new("role", Problem::NotAChoice)))?;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let target = target(&mut tx, user).await?;
    let grant = RoleGrant::global(role);
    let changed = if give {
        users::grant_role(&mut tx, target.id, &grant, Some(admin.principal().id()), now).await?
    } else {
        let active_admins = users::count_active_admins(&mut tx).await?;
        check_revoke(
            admin.principal().id(),
            target.id,
            role,
            target.status == AccountStatus::Active,
            active_admins,
        )?;
        users::revoke_role(&mut tx, target.id, &grant).await?
    };
    if !changed {
        return Err(AdminRefusal::NothingToChange.into());
    }
    let action = if give {
        AuditAction::RoleGranted
    } else {
        AuditAction::RoleRevoked
    };
    let mut entry = audit_entry(action, Some(admin.principal()));
    entry.target_type = Some("user");
    entry.target_id = Some(target.id.to_string());
    entry.target_name = Some(target.name.clone());
    entry.details = Some(serde_json::json!({ "role": role.code(), "round": null }));
    audit::append(&mut tx, entry).await?;
    tx.commit().await?;
    notice_back(if give { "role-granted" } else { "role-revoked" });
    Ok(())
}
