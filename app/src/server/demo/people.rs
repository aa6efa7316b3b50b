//! The demonstration's people: accounts, their roles, and the principals
//! the use cases take, found through the same checks as a real sign-in.

use crate::auth::principal::Principal;
use crate::db::{users, Conn};
use crate::domain::ids::{RoundId, UserId};
use crate::domain::role::{Role, RoleGrant};
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::new_account::{create_account, NewAccount};
use crate::service::rounds::access::RoundManager;

pub(super) async fn account(
    conn: &mut Conn,
    name: &str,
    email: &str,
    hash: &str,
    now: Timestamp,
) -> Result<UserId, AppError> {
    create_account(
        conn,
        &NewAccount {
            name,
            email: Some(email),
            phone: None,
            password_hash: Some(hash),
            role: None,
            granted_by: None,
        },
        now,
    )
    .await
}

pub(super) async fn grant(
    conn: &mut Conn,
    user: UserId,
    role: Role,
    round: Option<RoundId>,
    by: UserId,
    now: Timestamp,
) -> Result<(), AppError> {
    users::grant_role(conn, user, &RoleGrant { role, round }, Some(by), now).await?;
    Ok(())
}

/// A person as the server functions see them after sign-in.
pub(super) async fn principal(state: &AppState, id: UserId) -> Result<Principal, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    crate::auth::principal::principal_without_session(&mut conn, id).await
}

pub(super) async fn manager(state: &AppState, who: &Principal, round: RoundId) -> Result<RoundManager, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    crate::service::rounds::access::manage(who.clone(), &mut conn, &round.to_string()).await
}
