//! The council's store: members' votes (replaced until the decision), the
//! tallies of votes taken in the meeting, the decision, each entry's result
//! and the certificates, numbered once and for all inside the decision's
//! transaction.

use sqlx::Row;

use super::users::decode_error;
use super::{Conn, StoreError};
use crate::domain::certificate::{format_number, valid_until, CertifiedNames};
use crate::domain::council::{certified_units, Ballot, Tally, Vote};
use crate::domain::ids::{CertificateId, EntryId, RoundId, SetId, UserId};
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
    .bind(entry.to_string())
    .bind(member.to_string())
    .bind(round.to_string())
    .bind(vote.recognise.code())
    .bind(vote.nominate.map(Ballot::code))
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Withdraws `member`'s vote on `entry` (they declared a tie with it).
pub async fn withdraw_vote(conn: &mut Conn, entry: EntryId, member: UserId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM council_votes WHERE entry_id = $1 AND member_id = $2")
        .bind(entry.to_string())
        .bind(member.to_string())
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
    .bind(round.to_string())
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
    .bind(entry.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(votes_from_rows(&rows)?.pop())
}

fn votes_from_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<VoteRecord>, StoreError> {
    rows.iter()
        .map(|row| {
            let entry: String = row.try_get("entry_id")?;
            let member: String = row.try_get("member_id")?;
            let recognise: String = row.try_get("recognise")?;
            let nominate: Option<String> = row.try_get("nominate")?;
            let nominate = match nominate {
                Some(code) => {
                    Some(Ballot::from_code(&code).ok_or_else(|| decode_error("council_votes.nominate", &code))?)
                }
                None => None,
            };
            Ok(VoteRecord {
                entry: EntryId::parse(&entry).ok_or_else(|| decode_error("council_votes.entry_id", &entry))?,
                member: UserId::parse(&member).ok_or_else(|| decode_error("council_votes.member_id", &member))?,
                vote: Vote {
                    recognise: Ballot::from_code(&recognise)
                        .ok_or_else(|| decode_error("council_votes.recognise", &recognise))?,
                    nominate,
                },
                cast_at: Timestamp(row.try_get("cast_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

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
    .bind(entry.to_string())
    .bind(round.to_string())
    .bind(i64::from(r.members))
    .bind(i64::from(r.present))
    .bind(i64::from(r.for_votes))
    .bind(i64::from(r.against))
    .bind(i64::from(r.abstain))
    .bind(i64::from(n.for_votes))
    .bind(i64::from(n.against))
    .bind(i64::from(n.abstain))
    .bind(by.to_string())
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
    .bind(round.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let count = |column: &str| -> Result<u32, sqlx::Error> {
                let n: i64 = row.try_get(column)?;
                u32::try_from(n).map_err(|_| decode_error("council_tallies", &n.to_string()))
            };
            let entry: String = row.try_get("entry_id")?;
            let by: String = row.try_get("recorded_by")?;
            let members = count("members")?;
            let present = count("present")?;
            Ok(TallyRecord {
                entry: EntryId::parse(&entry).ok_or_else(|| decode_error("council_tallies.entry_id", &entry))?,
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
                recorded_by: UserId::parse(&by).ok_or_else(|| decode_error("council_tallies.recorded_by", &by))?,
                recorded_at: Timestamp(row.try_get("recorded_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

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
    .bind(decision.round.to_string())
    .bind(decision.number)
    .bind(decision.decided_on.millis())
    .bind(decision.signer)
    .bind(decision.issuer)
    .bind(decision.by.to_string())
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Ok(None);
    }
    for result in results {
        sqlx::query(
            "INSERT INTO entry_results (entry_id, round_id, score_sum, score_count, recognised, nominated) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(result.entry.to_string())
        .bind(decision.round.to_string())
        .bind(result.score_sum)
        .bind(result.score_count)
        .bind(i64::from(result.recognised))
        .bind(i64::from(result.nominated && result.recognised))
        .execute(&mut *conn)
        .await?;
    }
    let recognised: Vec<EntryId> = results.iter().filter(|r| r.recognised).map(|r| r.entry).collect();
    let set_members: Vec<(SetId, Vec<EntryId>)> = sets.iter().map(|s| (s.id, s.entries.clone())).collect();
    let mut certificates = Vec::new();
    let mut seq: i64 = 0;
    for (entry, set) in certified_units(&recognised, &set_members) {
        let number = loop {
            seq += 1;
            let number = format_number(decision.pattern, u32::try_from(seq).unwrap_or(u32::MAX), decision.year);
            let taken = sqlx::query("SELECT 1 AS one FROM certificates WHERE number = $1")
                .bind(&number)
                .fetch_optional(&mut *conn)
                .await?;
            if taken.is_none() {
                break number;
            }
        };
        let certificate = CertificateRecord {
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
        };
        let names_json = certificate
            .names
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "INSERT INTO certificates (id, round_id, entry_id, set_id, seq, number, issued_at, valid_until, names) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(certificate.id.to_string())
        .bind(certificate.round.to_string())
        .bind(certificate.entry.to_string())
        .bind(certificate.set.map(|s| s.to_string()))
        .bind(certificate.seq)
        .bind(&certificate.number)
        .bind(certificate.issued_at.millis())
        .bind(certificate.valid_until.millis())
        .bind(names_json)
        .execute(&mut *conn)
        .await?;
        certificates.push(certificate);
    }
    Ok(Some(certificates))
}

/// The decision of a round, if recorded.
pub async fn decision(conn: &mut Conn, round: RoundId) -> Result<Option<DecisionRecord>, StoreError> {
    let row = sqlx::query(
        "SELECT number, decided_on, signer, issuer, recorded_by, recorded_at FROM decisions WHERE round_id = $1",
    )
    .bind(round.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        let by: String = row.try_get("recorded_by")?;
        Ok(DecisionRecord {
            number: row.try_get("number")?,
            decided_on: Timestamp(row.try_get("decided_on")?),
            signer: row.try_get("signer")?,
            issuer: row.try_get("issuer")?,
            recorded_by: UserId::parse(&by).ok_or_else(|| decode_error("decisions.recorded_by", &by))?,
            recorded_at: Timestamp(row.try_get("recorded_at")?),
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| StoreError::from(e))
}

/// The results fixed by a round's decision.
pub async fn results_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<EntryResult>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, score_sum, score_count, recognised, nominated FROM entry_results WHERE round_id = $1 \
         ORDER BY entry_id",
    )
    .bind(round.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let entry: String = row.try_get("entry_id")?;
            Ok(EntryResult {
                entry: EntryId::parse(&entry).ok_or_else(|| decode_error("entry_results.entry_id", &entry))?,
                score_sum: row.try_get("score_sum")?,
                score_count: row.try_get("score_count")?,
                recognised: row.try_get::<i64, _>("recognised")? != 0,
                nominated: row.try_get::<i64, _>("nominated")? != 0,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

const CERTIFICATE_COLUMNS: &str =
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

fn certificate_from_row(row: &sqlx::any::AnyRow) -> Result<CertificateRecord, sqlx::Error> {
    let id: String = row.try_get("id")?;
    let round: String = row.try_get("round_id")?;
    let entry: String = row.try_get("entry_id")?;
    let revoked_at: Option<i64> = row.try_get("revoked_at")?;
    let reason: Option<String> = row.try_get("revoked_reason")?;
    let set: Option<String> = row.try_get("set_id")?;
    let number: String = row.try_get("number")?;
    let set = match set {
        Some(id) => Some(SetId::parse(&id).ok_or_else(|| decode_error("certificates.set_id", &id))?),
        None => None,
    };
    Ok(CertificateRecord {
        id: CertificateId::parse(&id).ok_or_else(|| decode_error("certificates.id", &id))?,
        round: RoundId::parse(&round).ok_or_else(|| decode_error("certificates.round_id", &round))?,
        entry: EntryId::parse(&entry).ok_or_else(|| decode_error("certificates.entry_id", &entry))?,
        set,
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
    let rows = sqlx::query(&sql).bind(round.to_string()).fetch_all(&mut *conn).await?;
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
    let row = sqlx::query(&sql)
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(certificate_from_row).transpose()?)
}

/// The certificates carried by the nominations that arrived in `round`,
/// in one query.
pub async fn certificates_carried_into(conn: &mut Conn, round: RoundId) -> Result<Vec<CertificateRecord>, StoreError> {
    let sql = format!(
        "SELECT {CERTIFICATE_COLUMNS} FROM certificates \
         WHERE id IN (SELECT certificate_id FROM nominations WHERE round_id = $1)"
    );
    let rows = sqlx::query(&sql).bind(round.to_string()).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(certificate_from_row).collect::<Result<_, _>>()?)
}

/// The certificate of an entry: its own, or its set's.
pub async fn certificate_of_entry(conn: &mut Conn, entry: EntryId) -> Result<Option<CertificateRecord>, StoreError> {
    let sql = format!(
        "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE entry_id = $1 \
         OR set_id = (SELECT set_id FROM product_set_entries WHERE entry_id = $1)"
    );
    let row = sqlx::query(&sql)
        .bind(entry.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(certificate_from_row).transpose()?)
}

/// Whether `entry` was recognised by a round whose results are published
/// (its photos are then public).
pub async fn publicly_recognised(conn: &mut Conn, entry: EntryId) -> Result<bool, StoreError> {
    let row = sqlx::query(
        "SELECT 1 AS one FROM entry_results r JOIN rounds o ON o.id = r.round_id \
         WHERE r.entry_id = $1 AND r.recognised = 1 AND o.state IN ('published', 'archived')",
    )
    .bind(entry.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
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
    .bind(round.to_string())
    .fetch_one(&mut *conn)
    .await?;
    let count = |column: &str| -> Result<usize, sqlx::Error> {
        let n: i64 = row.try_get(column)?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    Ok((count("decided")? > 0, count("recognised")?, count("issued")?))
}

/// A set of products of one business.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetRecord {
    /// Its id.
    pub id: SetId,
    /// Its name.
    pub name: String,
    /// Its entries, in order.
    pub entries: Vec<EntryId>,
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

/// Forms a set of `entries` (the caller has checked they are of one
/// business and in no set).
pub async fn create_set(
    conn: &mut Conn,
    round: RoundId,
    name: &str,
    entries: &[EntryId],
    by: UserId,
    now: Timestamp,
) -> Result<SetId, StoreError> {
    let id = SetId::new();
    sqlx::query("INSERT INTO product_sets (id, round_id, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id.to_string())
        .bind(round.to_string())
        .bind(name)
        .bind(by.to_string())
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    for (position, entry) in entries.iter().enumerate() {
        sqlx::query("INSERT INTO product_set_entries (entry_id, set_id, position) VALUES ($1, $2, $3)")
            .bind(entry.to_string())
            .bind(id.to_string())
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Dissolves a set of `round`; `false` if there is none such (or it holds
/// a certificate).
pub async fn dissolve_set(conn: &mut Conn, round: RoundId, set: SetId) -> Result<bool, StoreError> {
    let certified = sqlx::query("SELECT 1 AS one FROM certificates WHERE set_id = $1")
        .bind(set.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    if certified.is_some() {
        return Ok(false);
    }
    sqlx::query(
        "DELETE FROM product_set_entries WHERE set_id IN (SELECT id FROM product_sets WHERE id = $1 AND round_id = $2)",
    )
    .bind(set.to_string())
    .bind(round.to_string())
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query("DELETE FROM product_sets WHERE id = $1 AND round_id = $2")
        .bind(set.to_string())
        .bind(round.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The sets of a round, by name.
pub async fn sets_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<SetRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.id, s.name, m.entry_id FROM product_sets s JOIN product_set_entries m ON m.set_id = s.id \
         WHERE s.round_id = $1 ORDER BY s.name, s.id, m.position",
    )
    .bind(round.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut sets: Vec<SetRecord> = Vec::new();
    for row in &rows {
        let id: String = row.try_get("id")?;
        let id = SetId::parse(&id).ok_or_else(|| decode_error("product_sets.id", &id))?;
        let entry: String = row.try_get("entry_id")?;
        let entry = EntryId::parse(&entry).ok_or_else(|| decode_error("product_set_entries.entry_id", &entry))?;
        match sets.last_mut() {
            Some(last) if last.id == id => last.entries.push(entry),
            _ => sets.push(SetRecord {
                id,
                name: row.try_get("name")?,
                entries: vec![entry],
            }),
        }
    }
    Ok(sets)
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
    .bind(id.to_string())
    .bind(now.millis())
    .bind(reason)
    .bind(by.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A certificate of a published round, as the open-data list gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCertificate {
    /// Its number.
    pub number: String,
    /// The holding entry's product.
    pub product: String,
    /// The set it certifies, if any.
    pub set_name: Option<String>,
    /// The business.
    pub business: String,
    /// The product group's number.
    pub group_number: Option<i64>,
    /// The product group's name.
    pub group_name: Option<String>,
    /// The level's name.
    pub level: String,
    /// The territory's name.
    pub territory: String,
    /// The decision's number.
    pub decision_number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who issued it.
    pub issuer: String,
    /// Issued on.
    pub issued_at: Timestamp,
    /// Valid until.
    pub valid_until: Timestamp,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// Every certificate of the rounds whose results are published, oldest
/// first, in one query.
pub async fn open_certificates(conn: &mut Conn) -> Result<Vec<OpenCertificate>, StoreError> {
    let rows = sqlx::query(
        "SELECT c.number, c.issued_at, c.valid_until, c.revoked_at, c.names, e.product_name, s.name AS set_name, \
         b.name AS business, e.group_number, g.name_vi AS group_name, l.name_vi AS level_name, \
         t.name_vi AS territory_name, d.number AS decision_number, d.decided_on, d.issuer \
         FROM certificates c JOIN rounds r ON r.id = c.round_id JOIN entries e ON e.id = c.entry_id \
         JOIN businesses b ON b.id = e.business_id JOIN decisions d ON d.round_id = r.id \
         JOIN levels l ON l.id = r.level_id JOIN territories t ON t.id = r.territory_id \
         LEFT JOIN round_groups g ON g.round_id = r.id AND g.number = e.group_number \
         LEFT JOIN product_sets s ON s.id = c.set_id \
         WHERE r.state IN ('published', 'archived') ORDER BY c.issued_at, c.number",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let revoked_at: Option<i64> = row.try_get("revoked_at")?;
            let product: Option<String> = row.try_get("product_name")?;
            let number: String = row.try_get("number")?;
            // The business as the certificate names it (fixed at the decision).
            let business = match names_of(&number, row.try_get("names")?) {
                Some(names) => names.business.name,
                None => row.try_get("business")?,
            };
            Ok(OpenCertificate {
                number,
                product: product.unwrap_or_default(),
                set_name: row.try_get("set_name")?,
                business,
                group_number: row.try_get("group_number")?,
                group_name: row.try_get("group_name")?,
                level: row.try_get("level_name")?,
                territory: row.try_get("territory_name")?,
                decision_number: row.try_get("decision_number")?,
                decided_on: Timestamp(row.try_get("decided_on")?),
                issuer: row.try_get("issuer")?,
                issued_at: Timestamp(row.try_get("issued_at")?),
                valid_until: Timestamp(row.try_get("valid_until")?),
                revoked: revoked_at.is_some(),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
