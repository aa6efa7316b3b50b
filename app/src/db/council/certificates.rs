//! Certificates: read by round, number, id or entry, and revoked.

use sqlx::Row;

use super::sets::SetRecord;
use crate::db::{Conn, StoreError};
use crate::domain::certificate::CertifiedNames;
use crate::domain::ids::{CertificateId, EntryId, RoundId, SetId, UserId};
use crate::domain::time::Timestamp;

/// A certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateRecord {
    /// Its id.
    pub id: CertificateId,
    /// The round that issued it.
    pub round: RoundId,
    /// The recognised entry (for a set, its first recognised entry).
    pub entry: EntryId,
    /// The set it certifies, if any.
    pub set: Option<SetId>,
    /// Running number in the round.
    pub seq: i64,
    /// Its number, from the round's pattern.
    pub number: String,
    /// Issue instant.
    pub issued_at: Timestamp,
    /// Last valid instant.
    pub valid_until: Timestamp,
    /// When it was revoked, with the reason.
    pub revoked: Option<(Timestamp, String)>,
    /// What it names, fixed when it was issued (`None` for certificates
    /// issued before names were kept).
    pub names: Option<CertifiedNames>,
}

pub(super) const CERTIFICATE_COLUMNS: &str =
    "id, round_id, entry_id, set_id, seq, number, issued_at, valid_until, revoked_at, revoked_reason, names";

/// The names a certificate row fixed, if it has them (a row the program
/// cannot read is logged and named from the current records instead).
pub fn names_of(number: &str, raw: Option<String>) -> Option<CertifiedNames> {
    let raw = raw?;
    match serde_json::from_str(&raw) {
        Ok(names) => Some(names),
        Err(error) => {
            tracing::error!(certificate = number, %error, "the names a certificate fixed cannot be read");
            None
        }
    }
}

pub(super) fn certificate_from_row(row: &sqlx::any::AnyRow) -> Result<CertificateRecord, sqlx::Error> {
    let revoked_at: Option<i64> = row.try_get("revoked_at")?;
    let reason: Option<String> = row.try_get("revoked_reason")?;
    let number: String = row.try_get("number")?;
    Ok(CertificateRecord {
        id: row.try_get("id")?,
        round: row.try_get("round_id")?,
        entry: row.try_get("entry_id")?,
        set: row.try_get("set_id")?,
        seq: row.try_get("seq")?,
        issued_at: Timestamp(row.try_get("issued_at")?),
        valid_until: Timestamp(row.try_get("valid_until")?),
        revoked: revoked_at.map(|at| (Timestamp(at), reason.unwrap_or_default())),
        names: names_of(&number, row.try_get("names")?),
        number,
    })
}

/// The certificates a round issued, in number order.
pub async fn certificates_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<CertificateRecord>, StoreError> {
    let sql = format!("SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE round_id = $1 ORDER BY seq");
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(certificate_from_row).collect::<Result<_, _>>()?)
}

/// A certificate by its number (what the QR code and the public check ask).
pub async fn certificate_by_number(conn: &mut Conn, number: &str) -> Result<Option<CertificateRecord>, StoreError> {
    let sql = format!("SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE number = $1");
    let row = sqlx::query(&sql).bind(number).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(certificate_from_row).transpose()?)
}

/// A certificate by its id.
pub async fn certificate_by_id(conn: &mut Conn, id: CertificateId) -> Result<Option<CertificateRecord>, StoreError> {
    let sql = format!("SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(certificate_from_row).transpose()?)
}

/// The certificates carried by the nominations that arrived in `round`,
/// in one query.
pub async fn certificates_carried_into(conn: &mut Conn, round: RoundId) -> Result<Vec<CertificateRecord>, StoreError> {
    let sql = format!(
        "SELECT {CERTIFICATE_COLUMNS} FROM certificates \
         WHERE id IN (SELECT certificate_id FROM nominations WHERE round_id = $1)"
    );
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(certificate_from_row).collect::<Result<_, _>>()?)
}

/// The certificate of an entry: its own, or its set's.
pub async fn certificate_of_entry(conn: &mut Conn, entry: EntryId) -> Result<Option<CertificateRecord>, StoreError> {
    let sql = format!(
        "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE entry_id = $1 \
         OR set_id = (SELECT set_id FROM product_set_entries WHERE entry_id = $1)"
    );
    let row = sqlx::query(&sql).bind(entry).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(certificate_from_row).transpose()?)
}

/// The certificate of each of `entries` that has one, its own or its
/// set's (what [`certificate_of_entry`] reads for one), in two statements
/// a few hundred entries at a time.
pub async fn certificates_of_entries(
    conn: &mut Conn,
    entries: &[EntryId],
) -> Result<std::collections::BTreeMap<EntryId, CertificateRecord>, StoreError> {
    let mut found = std::collections::BTreeMap::new();
    for chunk in entries.chunks(400) {
        let list = crate::db::placeholders(1, chunk.len());
        let sql = format!("SELECT entry_id, set_id FROM product_set_entries WHERE entry_id IN ({list})");
        let mut set_of = std::collections::BTreeMap::new();
        for row in with_entries(&sql, chunk).fetch_all(&mut *conn).await? {
            set_of.insert(
                row.try_get::<EntryId, _>("entry_id")?,
                row.try_get::<SetId, _>("set_id")?,
            );
        }
        let sql = format!(
            "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE entry_id IN ({list}) \
             OR set_id IN (SELECT set_id FROM product_set_entries WHERE entry_id IN ({list}))"
        );
        let certificates: Vec<CertificateRecord> = with_entries(&sql, chunk)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(certificate_from_row)
            .collect::<Result<_, _>>()?;
        for entry in chunk {
            let own = certificates.iter().find(|c| c.entry == *entry);
            let of_set = || {
                let set = set_of.get(entry)?;
                certificates.iter().find(|c| c.set == Some(*set))
            };
            if let Some(certificate) = own.or_else(of_set) {
                found.insert(*entry, certificate.clone());
            }
        }
    }
    Ok(found)
}

/// `sql` with each of `entries` bound in order.
fn with_entries<'q>(
    sql: &'q str,
    entries: &[EntryId],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let mut query = sqlx::query(sql);
    for entry in entries {
        query = query.bind(*entry);
    }
    query
}

/// Whether `entry` was recognised by a round whose results are published
/// (its photos are then public).
pub async fn publicly_recognised(conn: &mut Conn, entry: EntryId) -> Result<bool, StoreError> {
    let row = sqlx::query(
        "SELECT 1 AS one FROM entry_results r JOIN rounds o ON o.id = r.round_id \
         WHERE r.entry_id = $1 AND r.recognised = 1 AND o.state IN ('published', 'archived')",
    )
    .bind(entry)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

/// The certificate of `entry` among a round's certificates: its own, or
/// that of the set it belongs to (what [`certificate_of_entry`] reads,
/// for a caller that has the round's certificates and sets already).
pub fn certificate_among<'a>(
    certificates: &'a [CertificateRecord],
    sets: &[SetRecord],
    entry: EntryId,
) -> Option<&'a CertificateRecord> {
    certificates.iter().find(|c| {
        c.entry == entry
            || c.set
                .is_some_and(|s| sets.iter().any(|x| x.id == s && x.entries.contains(&entry)))
    })
}

/// Revokes a certificate with a reason; `false` when it was already
/// revoked or does not exist.
pub async fn revoke_certificate(
    conn: &mut Conn,
    id: CertificateId,
    reason: &str,
    by: UserId,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE certificates SET revoked_at = $2, revoked_reason = $3, revoked_by = $4 \
         WHERE id = $1 AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(now.millis())
    .bind(reason)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
