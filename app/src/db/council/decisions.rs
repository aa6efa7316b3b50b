//! The decision of a round and each eligible entry's result, recorded with
//! the certificates in one transaction.

use std::collections::BTreeSet;

use sqlx::Row;

use super::certificates::CertificateRecord;
use super::sets::SetRecord;
use crate::db::{Conn, StoreError};
use crate::domain::certificate::{number_certificates, valid_until, CertifiedNames};
use crate::domain::council::certified_units;
use crate::domain::ids::{CertificateId, EntryId, RoundId, SetId, UserId};
use crate::domain::time::Timestamp;

/// The decision of a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionRecord {
    /// Its number, e.g. "1234/QĐ-UBND".
    pub number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who signed it.
    pub signer: String,
    /// The body that issued it.
    pub issuer: String,
    /// Who recorded it here.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: Timestamp,
}

/// What the decision fixes for one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryResult {
    /// The entry.
    pub entry: EntryId,
    /// Sum of its submitted totals, in hundredths.
    pub score_sum: i64,
    /// Number of submitted sheets.
    pub score_count: i64,
    /// Recognised by the council.
    pub recognised: bool,
    /// Nominated to the next level.
    pub nominated: bool,
}

/// What the decision records.
#[derive(Clone, Debug)]
pub struct NewDecision<'a> {
    /// The round.
    pub round: RoundId,
    /// Its number.
    pub number: &'a str,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Its signer.
    pub signer: &'a str,
    /// The body that issued it.
    pub issuer: &'a str,
    /// The round's certificate number pattern.
    pub pattern: &'a str,
    /// The year numbers carry.
    pub year: i32,
    /// Who records it.
    pub by: UserId,
}

/// Records the decision, every eligible entry's result and a certificate
/// for each recognised entry (one for the recognised entries of a set), in
/// the caller's transaction. Returns `None`
/// when the round already has a decision (nothing is written). Certificate
/// numbers follow the pattern with running numbers from 1 in the round,
/// skipping any number already held by another round's certificate, so a
/// number is never issued twice.
/// `names` gives what each certificate names (its entry, and the set it
/// certifies if any), fixed with it.
pub async fn decide(
    conn: &mut Conn,
    decision: &NewDecision<'_>,
    results: &[EntryResult],
    sets: &[SetRecord],
    names: &(dyn Fn(EntryId, Option<SetId>) -> Option<CertifiedNames> + Sync),
    now: Timestamp,
) -> Result<Option<Vec<CertificateRecord>>, StoreError> {
    let inserted = sqlx::query(
        "INSERT INTO decisions (round_id, number, decided_on, signer, issuer, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (round_id) DO NOTHING",
    )
    .bind(decision.round)
    .bind(decision.number)
    .bind(decision.decided_on.millis())
    .bind(decision.signer)
    .bind(decision.issuer)
    .bind(decision.by)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Ok(None);
    }
    // The results, a few hundred rows per statement.
    for chunk in results.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO entry_results (entry_id, round_id, score_sum, score_count, recognised, nominated) VALUES {}",
            value_rows(6, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for result in chunk {
            query = query
                .bind(result.entry)
                .bind(decision.round)
                .bind(result.score_sum)
                .bind(result.score_count)
                .bind(i64::from(result.recognised))
                .bind(i64::from(result.nominated && result.recognised));
        }
        query.execute(&mut *conn).await?;
    }
    let recognised: Vec<EntryId> = results.iter().filter(|r| r.recognised).map(|r| r.entry).collect();
    let set_members: Vec<(SetId, Vec<EntryId>)> = sets.iter().map(|s| (s.id, s.entries.clone())).collect();
    let units = certified_units(&recognised, &set_members);
    let numbers = free_numbers(conn, decision, units.len()).await?;
    let mut certificates = Vec::with_capacity(units.len());
    for ((entry, set), (seq, number)) in units.into_iter().zip(numbers) {
        certificates.push(CertificateRecord {
            id: CertificateId::new(),
            round: decision.round,
            entry,
            set,
            seq,
            number,
            issued_at: decision.decided_on,
            valid_until: valid_until(decision.decided_on),
            revoked: None,
            names: names(entry, set),
        });
    }
    for chunk in certificates.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO certificates (id, round_id, entry_id, set_id, seq, number, issued_at, valid_until, names) \
             VALUES {}",
            value_rows(9, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for certificate in chunk {
            let names_json = certificate
                .names
                .as_ref()
                .map(serde_json::to_string)
                .transpose()
                .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            query = query
                .bind(certificate.id)
                .bind(certificate.round)
                .bind(certificate.entry)
                .bind(certificate.set)
                .bind(certificate.seq)
                .bind(certificate.number.clone())
                .bind(certificate.issued_at.millis())
                .bind(certificate.valid_until.millis())
                .bind(names_json);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(Some(certificates))
}

/// Rows one multi-row INSERT writes (9 columns at most: well under both
/// databases' limits on parameters).
const ROWS_PER_INSERT: usize = 200;

/// `rows` groups of `width` placeholders: `($1, $2), ($3, $4)`.
fn value_rows(width: usize, rows: usize) -> String {
    (0..rows)
        .map(|row| format!("({})", crate::db::placeholders(row * width + 1, width)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The numbers for `count` certificates of `decision` (see
/// [`number_certificates`]): the candidates are checked against the
/// certificates of other rounds in one statement, and again only for the
/// further candidates that replace any found taken.
async fn free_numbers(
    conn: &mut Conn,
    decision: &NewDecision<'_>,
    count: usize,
) -> Result<Vec<(i64, String)>, StoreError> {
    let mut taken = BTreeSet::new();
    let mut checked = BTreeSet::new();
    loop {
        let numbers = number_certificates(decision.pattern, decision.year, count, &taken);
        let unchecked: Vec<&String> = numbers
            .iter()
            .map(|(_, n)| n)
            .filter(|n| !checked.contains(*n))
            .collect();
        if unchecked.is_empty() {
            return Ok(numbers);
        }
        let mut found = false;
        for chunk in unchecked.chunks(500) {
            let sql = format!(
                "SELECT number FROM certificates WHERE number IN ({})",
                crate::db::placeholders(1, chunk.len())
            );
            let mut query = sqlx::query(&sql);
            for number in chunk {
                query = query.bind((*number).clone());
            }
            for row in query.fetch_all(&mut *conn).await? {
                taken.insert(row.try_get::<String, _>("number")?);
                found = true;
            }
        }
        checked.extend(unchecked.into_iter().cloned());
        if !found {
            return Ok(numbers);
        }
    }
}

/// The decision of a round, if recorded.
pub async fn decision(conn: &mut Conn, round: RoundId) -> Result<Option<DecisionRecord>, StoreError> {
    let sql = format!("SELECT {DECISION_COLUMNS} FROM decisions d WHERE d.round_id = $1");
    let row = sqlx::query(&sql).bind(round).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(decision_from_row).transpose()?.flatten())
}

/// A decision's columns, from a table aliased `d` (possibly outer-joined).
pub(super) const DECISION_COLUMNS: &str = "d.number AS decision_number, d.decided_on AS decision_decided_on, \
    d.signer AS decision_signer, d.issuer AS decision_issuer, d.recorded_by AS decision_recorded_by, \
    d.recorded_at AS decision_recorded_at";

/// The decision of a row read with [`DECISION_COLUMNS`]; `None` when an
/// outer join found none.
pub(super) fn decision_from_row(row: &sqlx::any::AnyRow) -> Result<Option<DecisionRecord>, sqlx::Error> {
    let Some(number) = row.try_get::<Option<String>, _>("decision_number")? else {
        return Ok(None);
    };
    Ok(Some(DecisionRecord {
        number,
        decided_on: row.try_get("decision_decided_on")?,
        signer: row.try_get("decision_signer")?,
        issuer: row.try_get("decision_issuer")?,
        recorded_by: row.try_get("decision_recorded_by")?,
        recorded_at: row.try_get("decision_recorded_at")?,
    }))
}

/// The results fixed by a round's decision.
pub async fn results_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<EntryResult>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, score_sum, score_count, recognised, nominated FROM entry_results WHERE round_id = $1 \
         ORDER BY entry_id",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    results_from_rows(&rows)
}

/// A recognised entry as the public results list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecognisedListing {
    /// Its result.
    pub result: EntryResult,
    /// Its product's name.
    pub product: Option<String>,
    /// Its group.
    pub group: Option<i64>,
    /// Its business's name, commune and province: as its certificate
    /// fixed them at the decision, or as the profile reads today for a
    /// certificate issued before names were kept.
    pub business: String,
    /// The business's commune.
    pub commune: String,
    /// The business's province.
    pub province: String,
    /// The name of the set it belongs to, if any.
    pub set: Option<String>,
    /// The number of its certificate (its own, or its set's).
    pub certificate: Option<String>,
    /// Its first photo with a thumbnail.
    pub photo: Option<crate::domain::ids::FileId>,
}

/// What the results page reads of the names a certificate fixed.
#[derive(serde::Deserialize)]
struct FixedBusiness {
    business: FixedPlace,
}

#[derive(serde::Deserialize)]
struct FixedPlace {
    name: String,
    commune: String,
    province: String,
}

/// The recognised entries of `round` with what the results page lists of
/// each (business, set, certificate: the entry's own or, for an entry of
/// a set, the set's, which another of its entries holds; first photo),
/// and how many results the round has, in one statement: the page decodes
/// a row per recognised entry, never one per entry, file or certificate
/// of the round.
pub async fn recognised_listing(
    conn: &mut Conn,
    round: RoundId,
) -> Result<(Vec<RecognisedListing>, usize), StoreError> {
    let rows = sqlx::query(
        "SELECT r.entry_id, r.score_sum, r.score_count, r.nominated, e.product_name, e.group_number, \
         b.name, b.commune, b.province, s.name AS set_name, COALESCE(ce.number, cs.number) AS certificate, \
         CASE WHEN ce.id IS NULL THEN cs.names ELSE ce.names END AS names, \
         (SELECT f.id FROM entry_files f WHERE f.entry_id = r.entry_id AND f.kind = 'photo' \
          AND f.thumb_hash IS NOT NULL ORDER BY f.created_at, f.id LIMIT 1) AS photo, \
         (SELECT COUNT(*) FROM entry_results x WHERE x.round_id = $1) AS considered \
         FROM entry_results r JOIN entries e ON e.id = r.entry_id JOIN businesses b ON b.id = e.business_id \
         LEFT JOIN product_set_entries m ON m.entry_id = r.entry_id \
         LEFT JOIN product_sets s ON s.id = m.set_id \
         LEFT JOIN certificates ce ON ce.entry_id = r.entry_id \
         LEFT JOIN certificates cs ON ce.id IS NULL AND m.set_id IS NOT NULL AND cs.round_id = r.round_id \
          AND cs.set_id = m.set_id \
         WHERE r.round_id = $1 AND r.recognised = 1 ORDER BY r.entry_id",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    let mut considered = None;
    let listed = rows
        .iter()
        .map(|row| {
            let photo: Option<crate::domain::ids::FileId> = row.try_get("photo")?;
            considered.get_or_insert(row.try_get::<i64, _>("considered")?);
            let certificate: Option<String> = row.try_get("certificate")?;
            let names: Option<String> = row.try_get("names")?;
            let fixed = names.and_then(|raw| match serde_json::from_str::<FixedBusiness>(&raw) {
                Ok(fixed) => Some(fixed.business),
                Err(error) => {
                    tracing::error!(certificate, %error, "the names a certificate fixed cannot be read");
                    None
                }
            });
            let current = || -> Result<FixedPlace, sqlx::Error> {
                Ok(FixedPlace {
                    name: row.try_get("name")?,
                    commune: row.try_get("commune")?,
                    province: row.try_get("province")?,
                })
            };
            let place = match fixed {
                Some(place) => place,
                None => current()?,
            };
            Ok(RecognisedListing {
                result: EntryResult {
                    entry: row.try_get("entry_id")?,
                    score_sum: row.try_get("score_sum")?,
                    score_count: row.try_get("score_count")?,
                    recognised: true,
                    nominated: row.try_get::<i64, _>("nominated")? != 0,
                },
                product: row.try_get("product_name")?,
                group: row.try_get("group_number")?,
                business: place.name,
                commune: place.commune,
                province: place.province,
                set: row.try_get("set_name")?,
                certificate,
                photo,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let considered = match considered {
        Some(n) => n,
        // No recognised entry: count the round's results alone.
        None => {
            sqlx::query_scalar("SELECT COUNT(*) FROM entry_results WHERE round_id = $1")
                .bind(round)
                .fetch_one(&mut *conn)
                .await?
        }
    };
    Ok((listed, usize::try_from(considered).unwrap_or(0)))
}

/// The results of `entries` that have one (their rounds decided), a few
/// hundred entries per statement.
pub async fn results_of_entries(conn: &mut Conn, entries: &[EntryId]) -> Result<Vec<EntryResult>, StoreError> {
    let mut results = Vec::new();
    for chunk in entries.chunks(500) {
        let sql = format!(
            "SELECT entry_id, score_sum, score_count, recognised, nominated FROM entry_results \
             WHERE entry_id IN ({})",
            crate::db::placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for entry in chunk {
            query = query.bind(*entry);
        }
        results.extend(results_from_rows(&query.fetch_all(&mut *conn).await?)?);
    }
    Ok(results)
}

fn results_from_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<EntryResult>, StoreError> {
    rows.iter()
        .map(|row| {
            Ok(EntryResult {
                entry: row.try_get("entry_id")?,
                score_sum: row.try_get("score_sum")?,
                score_count: row.try_get("score_count")?,
                recognised: row.try_get::<i64, _>("recognised")? != 0,
                nominated: row.try_get::<i64, _>("nominated")? != 0,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// Whether the round's decision is recorded, how many certificates it
/// calls for (its recognised entries, counting the recognised entries of
/// a certified set as one) and how many the round issued.
pub async fn decision_counts(conn: &mut Conn, round: RoundId) -> Result<(bool, usize, usize), StoreError> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM decisions WHERE round_id = $1) AS decided, \
         (SELECT COUNT(*) FROM entry_results r WHERE r.round_id = $1 AND r.recognised = 1 AND NOT EXISTS \
          (SELECT 1 FROM product_set_entries m JOIN certificates c ON c.set_id = m.set_id \
           WHERE m.entry_id = r.entry_id AND c.entry_id <> r.entry_id)) AS recognised, \
         (SELECT COUNT(*) FROM certificates WHERE round_id = $1) AS issued",
    )
    .bind(round)
    .fetch_one(&mut *conn)
    .await?;
    let count = |column: &str| -> Result<usize, sqlx::Error> {
        let n: i64 = row.try_get(column)?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    Ok((count("decided")? > 0, count("recognised")?, count("issued")?))
}
