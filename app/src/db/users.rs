//! Accounts and their role grants.

use std::collections::HashMap;

use sqlx::Row;

use super::{like_pattern, map_unique, placeholders, Conn, StoreError};
use crate::domain::administration::AccountStatus;
use crate::domain::ids::UserId;
use crate::domain::role::RoleGrant;
use crate::domain::text::fold_for_search;
use crate::domain::time::Timestamp;

/// An account as stored (without its password hash).
#[derive(Clone, Debug, PartialEq)]
pub struct UserRecord {
    /// The account.
    pub id: UserId,
    /// Display name.
    pub name: String,
    /// Normalised e-mail address.
    pub email: Option<String>,
    /// Normalised phone number.
    pub phone: Option<String>,
    /// Where the account stands.
    pub status: AccountStatus,
    /// When it was created.
    pub created_at: Timestamp,
    /// Whether signing in also asks for a code from an authenticator app.
    pub second_factor: bool,
}

/// What sign-in needs: the account and its password hash.
#[derive(Clone)]
pub struct LoginRecord {
    /// The account.
    pub user: UserRecord,
    /// The PHC string of the password hash; `None` until set.
    pub password_hash: Option<String>,
}

impl std::fmt::Debug for LoginRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRecord")
            .field("user", &self.user)
            .field("password_hash", &"[redacted]")
            .finish()
    }
}

const USER_COLUMNS: &str = "id, name, email, phone, status, created_at, \
     CAST(CASE WHEN totp_secret IS NULL THEN 0 ELSE 1 END AS BIGINT) AS second_factor";

fn user_from_row(row: &sqlx::any::AnyRow) -> Result<UserRecord, sqlx::Error> {
    Ok(UserRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        status: row.try_get("status")?,
        created_at: Timestamp(row.try_get("created_at")?),
        second_factor: row.try_get::<i64, _>("second_factor")? == 1,
    })
}

fn search_text(name: &str, email: Option<&str>, phone: Option<&str>) -> String {
    fold_for_search(&format!(
        "{name} {} {}",
        email.unwrap_or_default(),
        phone.unwrap_or_default()
    ))
}

/// A new account to store.
#[derive(Clone)]
pub struct NewUser<'a> {
    /// Its id.
    pub id: UserId,
    /// Display name.
    pub name: &'a str,
    /// Normalised e-mail address.
    pub email: Option<&'a str>,
    /// Normalised phone number.
    pub phone: Option<&'a str>,
    /// Password hash, if the password is already set.
    pub password_hash: Option<&'a str>,
    /// Initial status.
    pub status: AccountStatus,
    /// Creation time.
    pub now: Timestamp,
}

/// Stores a new account. A taken e-mail address or phone number comes
/// back as [`StoreError::Duplicate`] naming the field.
pub async fn insert_user(conn: &mut Conn, user: &NewUser<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO users (id, name, email, phone, password_hash, status, search_text, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(user.id)
    .bind(user.name)
    .bind(user.email)
    .bind(user.phone)
    .bind(user.password_hash)
    .bind(user.status)
    .bind(search_text(user.name, user.email, user.phone))
    .bind(user.now.millis())
    .execute(&mut *conn)
    .await
    .map_err(|e| map_unique(e, &["email", "phone"]))?;
    Ok(())
}

/// Whether any account exists (an empty installation has none).
pub async fn any_user(conn: &mut Conn) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT 1 AS one FROM users LIMIT 1")
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_some())
}

/// The account with this e-mail address or phone number, with its hash.
pub async fn find_login(conn: &mut Conn, column: LoginColumn, value: &str) -> Result<Option<LoginRecord>, StoreError> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, password_hash FROM users WHERE {} = $1",
        column.name()
    );
    let row = sqlx::query(&sql).bind(value).fetch_optional(&mut *conn).await?;
    row.map(|row| {
        Ok::<_, sqlx::Error>(LoginRecord {
            user: user_from_row(&row)?,
            password_hash: row.try_get("password_hash")?,
        })
    })
    .transpose()
    .map_err(StoreError::from)
}

/// Which column identifies the account at sign-in.
#[derive(Clone, Copy, Debug)]
pub enum LoginColumn {
    /// By e-mail address.
    Email,
    /// By phone number.
    Phone,
}

impl LoginColumn {
    fn name(self) -> &'static str {
        match self {
            LoginColumn::Email => "email",
            LoginColumn::Phone => "phone",
        }
    }
}

/// The account's password hash.
pub async fn password_hash(conn: &mut Conn, id: UserId) -> Result<Option<String>, StoreError> {
    let hash: Option<Option<String>> = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(hash.flatten())
}

/// One account.
pub async fn get_user(conn: &mut Conn, id: UserId) -> Result<Option<UserRecord>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(|r| user_from_row(&r)).transpose()?)
}

/// One account by e-mail address.
pub async fn find_by_email(conn: &mut Conn, email: &str) -> Result<Option<UserRecord>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
    let row = sqlx::query(&sql).bind(email).fetch_optional(&mut *conn).await?;
    Ok(row.map(|r| user_from_row(&r)).transpose()?)
}

/// A page of accounts, newest first, optionally filtered by a search text
/// that ignores case and diacritics; with the total count.
pub async fn list_users(
    conn: &mut Conn,
    search: Option<&str>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<UserRecord>, i64), StoreError> {
    let pattern = like_pattern(&fold_for_search(search.unwrap_or_default().trim()));
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE search_text LIKE $1 ESCAPE '\\'")
        .bind(&pattern)
        .fetch_one(&mut *conn)
        .await?;
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users WHERE search_text LIKE $1 ESCAPE '\\' \
         ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
    );
    let rows = sqlx::query(&sql)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *conn)
        .await?;
    let users = rows.iter().map(user_from_row).collect::<Result<_, _>>()?;
    Ok((users, total))
}

/// Changes an account's status.
pub async fn set_status(conn: &mut Conn, id: UserId, status: AccountStatus, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status)
        .bind(now.millis())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets an account's password hash.
pub async fn set_password_hash(conn: &mut Conn, id: UserId, hash: &str, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now.millis())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Changes an account's display name.
pub async fn set_name(conn: &mut Conn, id: UserId, name: &str, now: Timestamp) -> Result<(), StoreError> {
    let row = sqlx::query("SELECT email, phone FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let email: Option<String> = row.try_get("email")?;
    let phone: Option<String> = row.try_get("phone")?;
    sqlx::query("UPDATE users SET name = $1, search_text = $2, updated_at = $3 WHERE id = $4")
        .bind(name)
        .bind(search_text(name, email.as_deref(), phone.as_deref()))
        .bind(now.millis())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

fn grant_from_row(row: &sqlx::any::AnyRow) -> Result<RoleGrant, sqlx::Error> {
    Ok(RoleGrant {
        role: row.try_get("role")?,
        round: row.try_get("round_id")?,
    })
}

/// The roles an account holds.
pub async fn grants_of(conn: &mut Conn, user: UserId) -> Result<Vec<RoleGrant>, StoreError> {
    let rows = sqlx::query("SELECT role, round_id FROM role_grants WHERE user_id = $1 ORDER BY granted_at, id")
        .bind(user)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(grant_from_row).collect::<Result<_, _>>()?)
}

/// The roles of several accounts at once.
pub async fn grants_of_many(conn: &mut Conn, users: &[UserId]) -> Result<HashMap<UserId, Vec<RoleGrant>>, StoreError> {
    let mut map: HashMap<UserId, Vec<RoleGrant>> = HashMap::new();
    if users.is_empty() {
        return Ok(map);
    }
    let sql = format!(
        "SELECT user_id, role, round_id FROM role_grants WHERE user_id IN ({}) ORDER BY granted_at, id",
        placeholders(1, users.len())
    );
    let mut query = sqlx::query(&sql);
    for user in users {
        query = query.bind(user);
    }
    for row in query.fetch_all(&mut *conn).await? {
        map.entry(row.try_get::<UserId, _>("user_id")?)
            .or_default()
            .push(grant_from_row(&row)?);
    }
    Ok(map)
}

/// The round of a grant as compared in SQL: `''` for installation-wide.
fn round_key(grant: &RoleGrant) -> String {
    grant.round.map(|r| r.to_string()).unwrap_or_default()
}

/// Gives a role; `false` when the account already had it.
pub async fn grant_role(
    conn: &mut Conn,
    user: UserId,
    grant: &RoleGrant,
    granted_by: Option<UserId>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let existing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM role_grants WHERE user_id = $1 AND role = $2 \
         AND COALESCE(round_id, '') = $3",
    )
    .bind(user)
    .bind(grant.role)
    .bind(round_key(grant))
    .fetch_one(&mut *conn)
    .await?;
    if existing > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO role_grants (id, user_id, role, round_id, granted_by, granted_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(user)
    .bind(grant.role)
    .bind(grant.round)
    .bind(granted_by)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Takes a role away; `false` when the account did not have it.
pub async fn revoke_role(conn: &mut Conn, user: UserId, grant: &RoleGrant) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "DELETE FROM role_grants WHERE user_id = $1 AND role = $2 \
         AND COALESCE(round_id, '') = $3",
    )
    .bind(user)
    .bind(grant.role)
    .bind(round_key(grant))
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() > 0)
}

/// How many active accounts hold the installation-wide administrator role.
pub async fn count_active_admins(conn: &mut Conn) -> Result<usize, StoreError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM role_grants g JOIN users u ON u.id = g.user_id \
         WHERE g.role = 'administrator' AND g.round_id IS NULL AND u.status = 'active'",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Whether any account holds the administrator role (active or not).
pub async fn administrator_exists(conn: &mut Conn) -> Result<bool, StoreError> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM role_grants WHERE role = 'administrator' AND round_id IS NULL")
            .fetch_one(&mut *conn)
            .await?;
    Ok(count > 0)
}
