//! Members' votes on the entries, replaced until the decision.

use sqlx::Row;

use crate::db::{Conn, StoreError};
use crate::domain::council::Vote;
use crate::domain::ids::{EntryId, RoundId, UserId};
use crate::domain::time::Timestamp;

/// A member's stored vote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteRecord {
    /// The entry voted on.
    pub entry: EntryId,
    /// The member.
    pub member: UserId,
    /// The vote.
    pub vote: Vote,
    /// When it was cast (or last replaced).
    pub cast_at: Timestamp,
}

/// Casts `member`'s vote on `entry`, replacing an earlier one.
pub async fn cast_vote(
    conn: &mut Conn,
    round: RoundId,
    entry: EntryId,
    member: UserId,
    vote: Vote,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO council_votes (entry_id, member_id, round_id, recognise, nominate, cast_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (entry_id, member_id) DO UPDATE SET recognise = $4, nominate = $5, cast_at = $6",
    )
    .bind(entry)
    .bind(member)
    .bind(round)
    .bind(vote.recognise)
    .bind(vote.nominate)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Withdraws `member`'s vote on `entry` (they declared a tie with it).
pub async fn withdraw_vote(conn: &mut Conn, entry: EntryId, member: UserId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM council_votes WHERE entry_id = $1 AND member_id = $2")
        .bind(entry)
        .bind(member)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every vote cast in a round.
pub async fn votes_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<VoteRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, member_id, recognise, nominate, cast_at FROM council_votes \
         WHERE round_id = $1 ORDER BY entry_id, cast_at",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    votes_from_rows(&rows)
}

/// One member's vote on one entry, if cast.
pub async fn vote_of(conn: &mut Conn, entry: EntryId, member: UserId) -> Result<Option<VoteRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, member_id, recognise, nominate, cast_at FROM council_votes \
         WHERE entry_id = $1 AND member_id = $2",
    )
    .bind(entry)
    .bind(member)
    .fetch_all(&mut *conn)
    .await?;
    Ok(votes_from_rows(&rows)?.pop())
}

pub(super) fn votes_from_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<VoteRecord>, StoreError> {
    rows.iter()
        .map(|row| {
            Ok(VoteRecord {
                entry: row.try_get("entry_id")?,
                member: row.try_get("member_id")?,
                vote: Vote {
                    recognise: row.try_get("recognise")?,
                    nominate: row.try_get("nominate")?,
                },
                cast_at: Timestamp(row.try_get("cast_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
