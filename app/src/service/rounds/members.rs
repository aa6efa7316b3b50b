//! The use cases behind `crate::api::rounds::members`:
//! Giving people roles in a round (administrators): secretaries, jurors
//! with the product groups they score, council members and the chair.

use crate::auth::principal::Administrator;
use crate::db::rounds::{self, RoundRecord};
use crate::db::users::{self, LoginColumn};
use crate::db::{audit, round_members, Conn};
use crate::domain::account::Identifier;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{GroupId, UserId};
use crate::domain::role::{Role, RoleGrant};
use crate::domain::time::Timestamp;
use crate::domain::validation::{FieldError, Problem};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::load;

const ROUND_ROLES: [Role; 3] = [Role::Secretary, Role::Juror, Role::CouncilMember];

fn round_role(code: &str) -> Result<Role, AppError> {
    Role::from_code(code)
        .filter(|r| ROUND_ROLES.contains(r))
        .ok_or_else(|| AppError::field(FieldError::new("role", Problem::NotAChoice)))
}

async fn group_ids(conn: &mut Conn, round: &RoundRecord, chosen: &[String]) -> Result<Vec<GroupId>, AppError> {
    let groups = rounds::groups(conn, round.id).await?;
    let mut ids = Vec::new();
    for text in chosen {
        let group = GroupId::parse(text)
            .filter(|g| groups.iter().any(|x| x.id == *g))
            .ok_or_else(|| AppError::field(FieldError::new("groups", Problem::NotAChoice)))?;
        if !ids.contains(&group) {
            ids.push(group);
        }
    }
    Ok(ids)
}

fn entry(
    admin: &Administrator,
    action: AuditAction,
    round: &RoundRecord,
    details: serde_json::Value,
) -> crate::db::audit::AuditEntry {
    let mut entry = audit_entry(action, Some(admin.principal()));
    entry.target_type = Some("round");
    entry.target_id = Some(round.id.to_string());
    entry.target_name = Some(round.settings.name.clone());
    entry.details = Some(details);
    entry
}

pub async fn add(
    state: &AppState,
    admin: Administrator,
    round: &str,
    identifier: &str,
    role: &str,
    groups: Vec<String>,
    chair: bool,
) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let round = load(&mut tx, round).await?;
    let role = round_role(role)?;
    let identifier = Identifier::parse("identifier", identifier)?;
    let (column, value) = match &identifier {
        Identifier::Email(e) => (LoginColumn::Email, e.as_str().to_owned()),
        Identifier::Phone(p) => (LoginColumn::Phone, p.as_str().to_owned()),
    };
    let user = users::find_login(&mut tx, column, &value)
        .await?
        .map(|l| l.user)
        .ok_or_else(|| AppError::field(FieldError::new("identifier", Problem::UnknownAccount)))?;
    let groups = group_ids(&mut tx, &round, &groups).await?;
    if role == Role::Juror && groups.is_empty() {
        return Err(AppError::field(FieldError::new("groups", Problem::Required)));
    }
    let now = Timestamp::now();
    let grant = RoleGrant {
        role,
        round: Some(round.id),
    };
    if !users::grant_role(&mut tx, user.id, &grant, Some(admin.principal().id()), now).await? {
        return Err(AppError::field(FieldError::new("identifier", Problem::AlreadyMember)));
    }
    if role == Role::Juror {
        round_members::set_juror_groups(&mut tx, round.id, user.id, &groups).await?;
    }
    if role == Role::CouncilMember && chair {
        rounds::set_chair(&mut tx, round.id, Some(user.id)).await?;
    }
    let details = serde_json::json!({
        "user": user.id.to_string(), "name": user.name, "role": role.code(),
        "groups": groups.iter().map(|g| g.to_string()).collect::<Vec<_>>(), "chair": chair && role == Role::CouncilMember,
    });
    audit::append(&mut tx, entry(&admin, AuditAction::RoundMemberAdded, &round, details)).await?;
    tx.commit().await?;
    notice_back("member-added");
    Ok(())
}

pub async fn remove(
    state: &AppState,
    admin: Administrator,
    round: &str,
    user: &str,
    role: &str,
) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let round = load(&mut tx, round).await?;
    let role = round_role(role)?;
    let user = UserId::parse(user).ok_or(AppError::NotFound)?;
    let grant = RoleGrant {
        role,
        round: Some(round.id),
    };
    if !users::revoke_role(&mut tx, user, &grant).await? {
        return Err(AppError::NotFound);
    }
    if role == Role::Juror {
        round_members::set_juror_groups(&mut tx, round.id, user, &[]).await?;
    }
    if role == Role::CouncilMember && round.chair == Some(user) {
        rounds::set_chair(&mut tx, round.id, None).await?;
    }
    let details = serde_json::json!({ "user": user.to_string(), "role": role.code() });
    audit::append(&mut tx, entry(&admin, AuditAction::RoundMemberRemoved, &round, details)).await?;
    tx.commit().await?;
    notice_back("member-removed");
    Ok(())
}

pub async fn juror_groups(
    state: &AppState,
    admin: Administrator,
    round: &str,
    user: &str,
    groups: Vec<String>,
) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let round = load(&mut tx, round).await?;
    let user = UserId::parse(user).ok_or(AppError::NotFound)?;
    let members = round_members::members(&mut tx, round.id).await?;
    let before = members
        .iter()
        .find(|m| m.user == user && m.role == Role::Juror)
        .map(|m| m.groups.clone())
        .ok_or(AppError::NotFound)?;
    let groups = group_ids(&mut tx, &round, &groups).await?;
    if groups.is_empty() {
        return Err(AppError::field(FieldError::new("groups", Problem::Required)));
    }
    round_members::set_juror_groups(&mut tx, round.id, user, &groups).await?;
    let details = serde_json::json!({
        "user": user.to_string(),
        "before": before.iter().map(|g| g.to_string()).collect::<Vec<_>>(),
        "after": groups.iter().map(|g| g.to_string()).collect::<Vec<_>>(),
    });
    audit::append(&mut tx, entry(&admin, AuditAction::JurorGroupsChanged, &round, details)).await?;
    tx.commit().await?;
    notice_back("groups-saved");
    Ok(())
}

pub async fn chair(state: &AppState, admin: Administrator, round: &str, user: &str) -> Result<(), AppError> {
    let mut tx = state.store.write().await?;
    let round = load(&mut tx, round).await?;
    let chair = if user.trim().is_empty() {
        None
    } else {
        let user = UserId::parse(user).ok_or(AppError::NotFound)?;
        let members = round_members::members(&mut tx, round.id).await?;
        if !members.iter().any(|m| m.user == user && m.role == Role::CouncilMember) {
            return Err(AppError::field(FieldError::new("user", Problem::NotAChoice)));
        }
        Some(user)
    };
    rounds::set_chair(&mut tx, round.id, chair).await?;
    let details = serde_json::json!({
        "before": round.chair.map(|c| c.to_string()),
        "after": chair.map(|c| c.to_string()),
    });
    audit::append(
        &mut tx,
        entry(&admin, AuditAction::CouncilChairChanged, &round, details),
    )
    .await?;
    tx.commit().await?;
    notice_back("chair-saved");
    Ok(())
}
