//! The one place an account is created: by signing up, by the first
//! set-up, by an administrator's invitation and by the demonstration's
//! loader. The account is stored with its installation-wide role in the
//! caller's write transaction; a taken e-mail address or phone number
//! comes back as the field error of that field.

use crate::db::users::{self, NewUser};
use crate::db::Conn;
use crate::domain::administration::AccountStatus;
use crate::domain::ids::UserId;
use crate::domain::role::{Role, RoleGrant};
use crate::domain::time::Timestamp;
use crate::error::AppError;

/// An account to create, its fields already checked and normalised.
pub struct NewAccount<'a> {
    /// Display name.
    pub name: &'a str,
    /// Normalised e-mail address.
    pub email: Option<&'a str>,
    /// Normalised phone number.
    pub phone: Option<&'a str>,
    /// The password's hash; `None` for an invited person, whose account
    /// waits (status `invited`) until they choose a password.
    pub password_hash: Option<&'a str>,
    /// The installation-wide role it starts with, if any (a round's roles
    /// are given later, on the round).
    pub role: Option<Role>,
    /// Who gives the role (`None` when the account creates itself).
    pub granted_by: Option<UserId>,
}

/// Creates the account, and its role, in the caller's transaction.
pub async fn create_account(conn: &mut Conn, account: &NewAccount<'_>, now: Timestamp) -> Result<UserId, AppError> {
    let id = UserId::new();
    users::insert_user(
        conn,
        &NewUser {
            id,
            name: account.name,
            email: account.email,
            phone: account.phone,
            password_hash: account.password_hash,
            status: if account.password_hash.is_some() {
                AccountStatus::Active
            } else {
                AccountStatus::Invited
            },
            now,
        },
    )
    .await?;
    if let Some(role) = account.role {
        users::grant_role(conn, id, &RoleGrant::global(role), account.granted_by, now).await?;
    }
    Ok(id)
}
