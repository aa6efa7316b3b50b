//! The tallies of votes taken in the council's meeting.

use sqlx::Row;

use crate::db::codec::decode_error;
use crate::db::{Conn, StoreError};
use crate::domain::council::Tally;
use crate::domain::ids::{EntryId, RoundId, UserId};
use crate::domain::time::Timestamp;

/// The count of a vote taken in the meeting, on both questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingTally {
    /// On recognition.
    pub recognise: Tally,
    /// On nomination (same members and presence).
    pub nominate: Tally,
}

/// A stored meeting tally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyRecord {
    /// The entry.
    pub entry: EntryId,
    /// The counts.
    pub tally: MeetingTally,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: Timestamp,
}

/// Records (or corrects) the tally of the meeting's vote on `entry`.
pub async fn record_tally(
    conn: &mut Conn,
    round: RoundId,
    entry: EntryId,
    tally: &MeetingTally,
    by: UserId,
    now: Timestamp,
) -> Result<(), StoreError> {
    let r = tally.recognise;
    let n = tally.nominate;
    sqlx::query(
        "INSERT INTO council_tallies (entry_id, round_id, members, present, recognise_for, recognise_against, \
         recognise_abstain, nominate_for, nominate_against, nominate_abstain, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (entry_id) DO UPDATE SET members = $3, present = $4, recognise_for = $5, \
         recognise_against = $6, recognise_abstain = $7, nominate_for = $8, nominate_against = $9, \
         nominate_abstain = $10, recorded_by = $11, recorded_at = $12",
    )
    .bind(entry)
    .bind(round)
    .bind(i64::from(r.members))
    .bind(i64::from(r.present))
    .bind(i64::from(r.for_votes))
    .bind(i64::from(r.against))
    .bind(i64::from(r.abstain))
    .bind(i64::from(n.for_votes))
    .bind(i64::from(n.against))
    .bind(i64::from(n.abstain))
    .bind(by)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every meeting tally of a round.
pub async fn tallies_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<TallyRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, members, present, recognise_for, recognise_against, recognise_abstain, nominate_for, \
         nominate_against, nominate_abstain, recorded_by, recorded_at FROM council_tallies WHERE round_id = $1 \
         ORDER BY entry_id",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let count = |column: &str| -> Result<u32, sqlx::Error> {
                let n: i64 = row.try_get(column)?;
                u32::try_from(n).map_err(|_| decode_error("council_tallies", &n.to_string()))
            };
            let members = count("members")?;
            let present = count("present")?;
            Ok(TallyRecord {
                entry: row.try_get("entry_id")?,
                tally: MeetingTally {
                    recognise: Tally {
                        members,
                        present,
                        for_votes: count("recognise_for")?,
                        against: count("recognise_against")?,
                        abstain: count("recognise_abstain")?,
                    },
                    nominate: Tally {
                        members,
                        present,
                        for_votes: count("nominate_for")?,
                        against: count("nominate_against")?,
                        abstain: count("nominate_abstain")?,
                    },
                },
                recorded_by: row.try_get("recorded_by")?,
                recorded_at: Timestamp(row.try_get("recorded_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
