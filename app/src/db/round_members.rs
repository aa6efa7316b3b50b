//! Who does what in a round: secretaries, jurors (with their product
//! groups) and council members (one of whom chairs).

use std::collections::HashMap;

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::ids::{GroupId, RoundId, UserId};
use crate::domain::role::Role;

/// One person's role in a round.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MemberRecord {
    /// The person.
    pub user: UserId,
    /// Their name.
    pub name: String,
    /// Their e-mail address.
    pub email: Option<String>,
    /// Their phone number.
    pub phone: Option<String>,
    /// The role.
    pub role: Role,
    /// For jurors: the product groups they score.
    pub groups: Vec<GroupId>,
}

/// The members of a round, by role and name.
pub async fn members(conn: &mut Conn, round: RoundId) -> Result<Vec<MemberRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT g.user_id, g.role, u.name, u.email, u.phone FROM role_grants g JOIN users u ON u.id = g.user_id \
         WHERE g.round_id = $1 ORDER BY g.role, u.name",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    let mut groups: HashMap<UserId, Vec<GroupId>> = HashMap::new();
    let group_rows = sqlx::query(
        "SELECT j.user_id, j.group_id FROM round_juror_groups j JOIN round_groups g ON g.id = j.group_id \
         WHERE j.round_id = $1 ORDER BY g.number",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    for row in group_rows {
        groups
            .entry(row.try_get::<UserId, _>("user_id")?)
            .or_default()
            .push(row.try_get::<GroupId, _>("group_id")?);
    }
    rows.iter()
        .map(|row| {
            let user: UserId = row.try_get("user_id")?;
            let role: Role = row.try_get("role")?;
            Ok(MemberRecord {
                groups: if role == Role::Juror {
                    groups.get(&user).cloned().unwrap_or_default()
                } else {
                    Vec::new()
                },
                user,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                phone: row.try_get("phone")?,
                role,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// Sets the product groups a juror scores in a round.
pub async fn set_juror_groups(
    conn: &mut Conn,
    round: RoundId,
    user: UserId,
    groups: &[GroupId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM round_juror_groups WHERE round_id = $1 AND user_id = $2")
        .bind(round)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    for group in groups {
        sqlx::query("INSERT INTO round_juror_groups (round_id, user_id, group_id) VALUES ($1, $2, $3)")
            .bind(round)
            .bind(user)
            .bind(group)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// How many people hold each role in a round: (secretaries, jurors,
/// council members).
pub async fn role_counts(conn: &mut Conn, round: RoundId) -> Result<(usize, usize, usize), StoreError> {
    let rows = sqlx::query("SELECT role, COUNT(*) AS n FROM role_grants WHERE round_id = $1 GROUP BY role")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    let mut counts = (0, 0, 0);
    for row in rows {
        let role: String = row.try_get("role")?;
        let n: i64 = row.try_get("n")?;
        let n = usize::try_from(n).unwrap_or(0);
        match Role::from_code(&role) {
            Some(Role::Secretary) => counts.0 = n,
            Some(Role::Juror) => counts.1 = n,
            Some(Role::CouncilMember) => counts.2 = n,
            _ => {}
        }
    }
    Ok(counts)
}
