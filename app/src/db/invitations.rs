//! Invitations: one-time links that let an invited person set their
//! password. The account exists (status `invited`) from the moment of the
//! invitation, so roles can be given before it is accepted.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::ids::{InvitationId, UserId};
use crate::domain::role::Role;
use crate::domain::time::Timestamp;

/// An invitation as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct InvitationRecord {
    /// The invitation.
    pub id: InvitationId,
    /// The invited account.
    pub user: UserId,
    /// The role it was invited for.
    pub role: Role,
    /// Who invited.
    pub invited_by: Option<UserId>,
    /// The inviter's name.
    pub invited_by_name: Option<String>,
    /// When the link stops working.
    pub expires_at: Timestamp,
    /// When it was used, if it was.
    pub used_at: Option<Timestamp>,
}

/// Stores an invitation.
#[allow(clippy::too_many_arguments)]
pub async fn insert_invitation(
    conn: &mut Conn,
    id: InvitationId,
    user: UserId,
    role: Role,
    token_hash: &str,
    invited_by: UserId,
    now: Timestamp,
    expires: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO invitations (id, user_id, role, token_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(user)
    .bind(role)
    .bind(token_hash)
    .bind(invited_by)
    .bind(now.millis())
    .bind(expires.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The invitation a token belongs to.
pub async fn find_invitation(conn: &mut Conn, token_hash: &str) -> Result<Option<InvitationRecord>, StoreError> {
    let row = sqlx::query(
        "SELECT i.id, i.user_id, i.role, i.invited_by, u.name AS invited_by_name, i.expires_at, i.used_at \
         FROM invitations i LEFT JOIN users u ON u.id = i.invited_by WHERE i.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        let used_at: Option<i64> = row.try_get("used_at")?;
        Ok::<_, sqlx::Error>(InvitationRecord {
            id: row.try_get("id")?,
            user: row.try_get("user_id")?,
            role: row.try_get("role")?,
            invited_by: row.try_get("invited_by")?,
            invited_by_name: row.try_get("invited_by_name")?,
            expires_at: Timestamp(row.try_get("expires_at")?),
            used_at: used_at.map(Timestamp),
        })
    })
    .transpose()
    .map_err(StoreError::from)
}

/// Marks an invitation used; `false` if it was used or expired meanwhile
/// (two simultaneous uses succeed at most once).
pub async fn consume_invitation(conn: &mut Conn, id: InvitationId, now: Timestamp) -> Result<bool, StoreError> {
    let result =
        sqlx::query("UPDATE invitations SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(id)
            .bind(now.millis())
            .execute(&mut *conn)
            .await?;
    Ok(result.rows_affected() == 1)
}

/// Ends every open invitation of an account (a new link replaces them).
pub async fn expire_invitations_of(conn: &mut Conn, user: UserId, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE invitations SET expires_at = $2 WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2")
        .bind(user)
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
