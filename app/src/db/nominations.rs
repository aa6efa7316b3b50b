//! Nominations upward: an entry sent from a decided round to a round of a
//! higher level becomes a new entry there, of the same business, with a
//! copy of the dossier (the rows point at the same stored files) and the
//! lower-level certificate.

use sqlx::FromRow;

use super::entries::{insert_file, FileRecord};
use super::{Conn, StoreError};
use crate::domain::ids::{CertificateId, EntryId, RoundId, UserId};
use crate::domain::time::Timestamp;

/// A stored nomination.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NominationRecord {
    /// The nominated entry, in the lower round.
    #[sqlx(rename = "source_entry_id")]
    pub source_entry: EntryId,
    /// The lower round.
    #[sqlx(rename = "source_round_id")]
    pub source_round: RoundId,
    /// The certificate it carries.
    #[sqlx(rename = "certificate_id")]
    pub certificate: CertificateId,
    /// The round it was sent to.
    #[sqlx(rename = "round_id")]
    pub round: RoundId,
    /// The entry it became there.
    #[sqlx(rename = "entry_id")]
    pub entry: EntryId,
    /// Who sent it.
    pub sent_by: UserId,
    /// When.
    pub sent_at: Timestamp,
}

const COLUMNS: &str = "source_entry_id, source_round_id, certificate_id, round_id, entry_id, sent_by, sent_at";

/// What sending one entry records.
#[derive(Clone, Debug)]
pub struct NewNomination {
    /// The nominated entry.
    pub source_entry: EntryId,
    /// Its round.
    pub source_round: RoundId,
    /// Its certificate.
    pub certificate: CertificateId,
    /// The round it goes to.
    pub round: RoundId,
    /// The id of the entry it becomes there.
    pub entry: EntryId,
    /// Who sends it.
    pub by: UserId,
    /// When.
    pub at: Timestamp,
}

/// The entry columns a nomination copies: the business and forms 01 and 02.
const CARRIED: &str = "business_id, is_set, product_name, set_items, group_number, description, materials, process, \
    capacity, markets, workers, environment, culture, standards, awards";

/// Sends `n.source_entry` to `n.round`: a submitted entry there with its
/// content, a row for each of `files` (the source's files and the
/// certificate, already stored), and the nomination. `false` when the entry
/// was sent already (nothing is written). Run it in a transaction.
pub async fn send(conn: &mut Conn, n: &NewNomination, files: &[FileRecord]) -> Result<bool, StoreError> {
    let taken = sqlx::query("SELECT 1 AS one FROM nominations WHERE source_entry_id = $1")
        .bind(n.source_entry)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Ok(false);
    }
    let sql = format!(
        "INSERT INTO entries (id, round_id, state, version, message, selection_code, submitted_at, state_changed_at, \
         created_at, updated_at, {CARRIED}) SELECT $1, $2, 'submitted', 1, NULL, NULL, $3, $3, $3, $3, {CARRIED} \
         FROM entries WHERE id = $4"
    );
    let copied = sqlx::query(&sql)
        .bind(n.entry)
        .bind(n.round)
        .bind(n.at.millis())
        .bind(n.source_entry)
        .execute(&mut *conn)
        .await?;
    if copied.rows_affected() != 1 {
        return Err(StoreError::Db(sqlx::Error::RowNotFound));
    }
    for file in files {
        let file = FileRecord {
            entry: n.entry,
            ..file.clone()
        };
        insert_file(conn, &file, n.by).await?;
    }
    sqlx::query(
        "INSERT INTO nominations (source_entry_id, source_round_id, certificate_id, round_id, entry_id, sent_by, sent_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(n.source_entry)
    .bind(n.source_round)
    .bind(n.certificate)
    .bind(n.round)
    .bind(n.entry)
    .bind(n.by)
    .bind(n.at.millis())
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// The nominations a round sent, oldest first.
pub async fn sent_from(conn: &mut Conn, round: RoundId) -> Result<Vec<NominationRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM nominations WHERE source_round_id = $1 ORDER BY sent_at, entry_id");
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(NominationRecord::from_row).collect::<Result<_, _>>()?)
}

/// The nominations a round received, oldest first.
pub async fn received_in(conn: &mut Conn, round: RoundId) -> Result<Vec<NominationRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM nominations WHERE round_id = $1 ORDER BY sent_at, entry_id");
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(NominationRecord::from_row).collect::<Result<_, _>>()?)
}

/// The nomination an entry arrived by, if it did.
pub async fn arrived_as(conn: &mut Conn, entry: EntryId) -> Result<Option<NominationRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM nominations WHERE entry_id = $1");
    let row = sqlx::query(&sql).bind(entry).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(NominationRecord::from_row).transpose()?)
}
