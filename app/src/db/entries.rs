//! Entries (dossiers) and their files.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::entry::{EntryContent, EntryState, FileCounts};
use crate::domain::ids::{BusinessId, EntryId, FileId, RoundId, UserId};
use crate::domain::time::Timestamp;
use crate::domain::upload::{FileKind, FileType};

/// A stored entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryRecord {
    /// Its id.
    pub id: EntryId,
    /// The round it enters.
    pub round: RoundId,
    /// The business entering.
    pub business: BusinessId,
    /// Where it stands.
    pub state: EntryState,
    /// Bumped at every save, so two tabs never overwrite each other silently.
    pub version: i64,
    /// Forms 01 and 02.
    pub content: EntryContent,
    /// The secretariat's last message (correction request or reason).
    pub message: Option<String>,
    /// Its selection code, once accepted.
    pub selection_code: Option<String>,
    /// When it was last submitted.
    pub submitted_at: Option<Timestamp>,
    /// When its state last changed.
    pub state_changed_at: Timestamp,
    /// When it was last saved.
    pub updated_at: Timestamp,
}

const COLUMNS: &str = "id, round_id, business_id, state, version, product_name, is_set, set_items, group_number, \
    description, materials, process, capacity, markets, workers, environment, culture, standards, awards, message, \
    selection_code, submitted_at, state_changed_at, updated_at";

fn from_row(row: &sqlx::any::AnyRow) -> Result<EntryRecord, sqlx::Error> {
    let submitted: Option<i64> = row.try_get("submitted_at")?;
    Ok(EntryRecord {
        id: row.try_get("id")?,
        round: row.try_get("round_id")?,
        business: row.try_get("business_id")?,
        state: row.try_get("state")?,
        version: row.try_get("version")?,
        content: EntryContent {
            product_name: row.try_get("product_name")?,
            is_set: row.try_get::<i64, _>("is_set")? != 0,
            set_items: row.try_get("set_items")?,
            group: row.try_get("group_number")?,
            description: row.try_get("description")?,
            materials: row.try_get("materials")?,
            process: row.try_get("process")?,
            capacity: row.try_get("capacity")?,
            markets: row.try_get("markets")?,
            workers: row.try_get("workers")?,
            environment: row.try_get("environment")?,
            culture: row.try_get("culture")?,
            standards: row.try_get("standards")?,
            awards: row.try_get("awards")?,
        },
        message: row.try_get("message")?,
        selection_code: row.try_get("selection_code")?,
        submitted_at: submitted.map(Timestamp),
        state_changed_at: Timestamp(row.try_get("state_changed_at")?),
        updated_at: Timestamp(row.try_get("updated_at")?),
    })
}

/// Starts a draft entry.
pub async fn insert_entry(
    conn: &mut Conn,
    id: EntryId,
    round: RoundId,
    business: BusinessId,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO entries (id, round_id, business_id, state, version, is_set, state_changed_at, created_at, updated_at) \
         VALUES ($1, $2, $3, 'draft', 1, 0, $4, $4, $4)",
    )
    .bind(id)
    .bind(round)
    .bind(business)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One entry.
pub async fn get_entry(conn: &mut Conn, id: EntryId) -> Result<Option<EntryRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM entries WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// A business's entries, newest first.
pub async fn entries_of_business(conn: &mut Conn, business: BusinessId) -> Result<Vec<EntryRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM entries WHERE business_id = $1 ORDER BY created_at DESC");
    let rows = sqlx::query(&sql).bind(business).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// A round's entries beyond draft, oldest submission first.
pub async fn entries_of_round(conn: &mut Conn, round: RoundId) -> Result<Vec<EntryRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM entries WHERE round_id = $1 AND state <> 'draft' ORDER BY submitted_at, created_at"
    );
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Saves the content if the entry is still at `version` and editable;
/// returns the new version, or `None` when someone saved meanwhile (or it
/// was submitted in another tab).
pub async fn save_content(
    conn: &mut Conn,
    id: EntryId,
    version: i64,
    c: &EntryContent,
    now: Timestamp,
) -> Result<Option<i64>, StoreError> {
    let result = sqlx::query(
        "UPDATE entries SET version = version + 1, product_name = $3, is_set = $4, set_items = $5, group_number = $6, \
         description = $7, materials = $8, process = $9, capacity = $10, markets = $11, workers = $12, environment = $13, \
         culture = $14, standards = $15, awards = $16, updated_at = $17 \
         WHERE id = $1 AND version = $2 AND state IN ('draft', 'returned')",
    )
    .bind(id)
    .bind(version)
    .bind(c.product_name.as_deref())
    .bind(i64::from(c.is_set))
    .bind(c.set_items.as_deref())
    .bind(c.group)
    .bind(c.description.as_deref())
    .bind(c.materials.as_deref())
    .bind(c.process.as_deref())
    .bind(c.capacity.as_deref())
    .bind(c.markets.as_deref())
    .bind(c.workers.as_deref())
    .bind(c.environment.as_deref())
    .bind(c.culture.as_deref())
    .bind(c.standards.as_deref())
    .bind(c.awards.as_deref())
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok((result.rows_affected() == 1).then_some(version + 1))
}

/// Moves an entry from `from` to `to` (recording `message` when given);
/// `false` when it was no longer in `from`.
pub async fn set_state(
    conn: &mut Conn,
    id: EntryId,
    from: EntryState,
    to: EntryState,
    message: Option<&str>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let submitted = (to == EntryState::Submitted).then_some(now.millis());
    let result = sqlx::query(
        "UPDATE entries SET state = $3, version = version + 1, message = COALESCE($4, message), \
         submitted_at = COALESCE($5, submitted_at), state_changed_at = $6, updated_at = $6 WHERE id = $1 AND state = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(message)
    .bind(submitted)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Accepts a submitted entry with its selection code; `false` when it was
/// no longer submitted.
pub async fn accept(conn: &mut Conn, id: EntryId, code: &str, now: Timestamp) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE entries SET state = 'accepted', selection_code = $2, version = version + 1, state_changed_at = $3, \
         updated_at = $3 WHERE id = $1 AND state = 'submitted'",
    )
    .bind(id)
    .bind(code)
    .bind(now.millis())
    .execute(&mut *conn)
    .await
    .map_err(|e| super::map_unique(e, &["selection_code"]))?;
    Ok(result.rows_affected() == 1)
}

/// The selection codes given so far in a round.
pub async fn selection_codes(conn: &mut Conn, round: RoundId) -> Result<Vec<String>, StoreError> {
    let rows = sqlx::query("SELECT selection_code FROM entries WHERE round_id = $1 AND selection_code IS NOT NULL")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .iter()
        .map(|r| r.try_get("selection_code"))
        .collect::<Result<_, _>>()?)
}

/// Counts of a round's entries for the lifecycle guards: submitted in
/// all (beyond draft), still to screen (submitted or returned), eligible.
pub async fn round_counts(conn: &mut Conn, round: RoundId) -> Result<(usize, usize, usize), StoreError> {
    let rows = sqlx::query("SELECT state, COUNT(*) AS n FROM entries WHERE round_id = $1 GROUP BY state")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    let (mut submitted, mut unscreened, mut eligible) = (0, 0, 0);
    for row in rows {
        let state: String = row.try_get("state")?;
        let n: i64 = row.try_get("n")?;
        let n = usize::try_from(n).unwrap_or(0);
        match EntryState::from_code(&state) {
            Some(EntryState::Draft) | None => {}
            Some(EntryState::Submitted | EntryState::Returned) => {
                submitted += n;
                unscreened += n;
            }
            Some(EntryState::Accepted) => {
                submitted += n;
                eligible += n;
            }
            Some(EntryState::Ineligible) => submitted += n,
        }
    }
    Ok((submitted, unscreened, eligible))
}

/// A stored file of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// Its id.
    pub id: FileId,
    /// The entry it belongs to.
    pub entry: EntryId,
    /// What it is for.
    pub kind: FileKind,
    /// Its type.
    pub file_type: FileType,
    /// The name it is shown under.
    pub display_name: String,
    /// Size of the stored file, in bytes.
    pub size: i64,
    /// Hash of the stored file (for photos: the large size).
    pub content_hash: String,
    /// Hash of the medium size (photos).
    pub medium_hash: Option<String>,
    /// Hash of the thumbnail (photos).
    pub thumb_hash: Option<String>,
    /// Width in pixels (images).
    pub width: Option<i64>,
    /// Height in pixels (images).
    pub height: Option<i64>,
    /// When it was added.
    pub created_at: Timestamp,
}

const FILE_COLUMNS: &str =
    "id, entry_id, kind, file_type, display_name, size, content_hash, medium_hash, thumb_hash, width, height, created_at";

fn file_from_row(row: &sqlx::any::AnyRow) -> Result<FileRecord, sqlx::Error> {
    Ok(FileRecord {
        id: row.try_get("id")?,
        entry: row.try_get("entry_id")?,
        kind: row.try_get("kind")?,
        file_type: row.try_get("file_type")?,
        display_name: row.try_get("display_name")?,
        size: row.try_get("size")?,
        content_hash: row.try_get("content_hash")?,
        medium_hash: row.try_get("medium_hash")?,
        thumb_hash: row.try_get("thumb_hash")?,
        width: row.try_get("width")?,
        height: row.try_get("height")?,
        created_at: Timestamp(row.try_get("created_at")?),
    })
}

/// Records a stored file.
pub async fn insert_file(conn: &mut Conn, f: &FileRecord, by: UserId) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO entry_files (id, entry_id, kind, file_type, display_name, size, content_hash, medium_hash, thumb_hash, \
         width, height, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(f.id)
    .bind(f.entry)
    .bind(f.kind)
    .bind(f.file_type)
    .bind(&f.display_name)
    .bind(f.size)
    .bind(&f.content_hash)
    .bind(f.medium_hash.as_deref())
    .bind(f.thumb_hash.as_deref())
    .bind(f.width)
    .bind(f.height)
    .bind(by)
    .bind(f.created_at.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An entry's files, by kind and age.
pub async fn files_of(conn: &mut Conn, entry: EntryId) -> Result<Vec<FileRecord>, StoreError> {
    let sql = format!("SELECT {FILE_COLUMNS} FROM entry_files WHERE entry_id = $1 ORDER BY kind, created_at, id");
    let rows = sqlx::query(&sql).bind(entry).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(file_from_row).collect::<Result<_, _>>()?)
}

/// The files of every entry of a round, by entry, kind and age, in one
/// query.
pub async fn files_of_round(
    conn: &mut Conn,
    round: crate::domain::ids::RoundId,
) -> Result<std::collections::HashMap<EntryId, Vec<FileRecord>>, StoreError> {
    let columns: String = FILE_COLUMNS
        .split(',')
        .map(|c| format!("f.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {columns} FROM entry_files f JOIN entries e ON e.id = f.entry_id WHERE e.round_id = $1 \
         ORDER BY f.entry_id, f.kind, f.created_at, f.id"
    );
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    let mut files: std::collections::HashMap<EntryId, Vec<FileRecord>> = std::collections::HashMap::new();
    for row in &rows {
        let file = file_from_row(row)?;
        files.entry(file.entry).or_default().push(file);
    }
    Ok(files)
}

/// Every content hash a stored file row refers to (every size), in one
/// query: what the sweep of the file store keeps.
pub async fn referenced_hashes(conn: &mut Conn) -> Result<std::collections::HashSet<String>, StoreError> {
    let rows = sqlx::query("SELECT content_hash, medium_hash, thumb_hash FROM entry_files")
        .fetch_all(&mut *conn)
        .await?;
    let mut hashes = std::collections::HashSet::new();
    for row in &rows {
        hashes.insert(row.try_get::<String, _>("content_hash")?);
        for column in ["medium_hash", "thumb_hash"] {
            if let Some(hash) = row.try_get::<Option<String>, _>(column)? {
                hashes.insert(hash);
            }
        }
    }
    Ok(hashes)
}

/// How many entries a business has in a round.
pub async fn entries_of_business_in_round(
    conn: &mut Conn,
    business: crate::domain::ids::BusinessId,
    round: crate::domain::ids::RoundId,
) -> Result<u32, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM entries WHERE business_id = $1 AND round_id = $2")
        .bind(business)
        .bind(round)
        .fetch_one(&mut *conn)
        .await?;
    let n: i64 = row.try_get("n")?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The total size of a business's files, across all its entries.
pub async fn business_files_total(
    conn: &mut Conn,
    business: crate::domain::ids::BusinessId,
) -> Result<u64, StoreError> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(f.size), 0) AS BIGINT) AS total FROM entry_files f \
         JOIN entries e ON e.id = f.entry_id WHERE e.business_id = $1",
    )
    .bind(business)
    .fetch_one(&mut *conn)
    .await?;
    let total: i64 = row.try_get("total")?;
    Ok(u64::try_from(total).unwrap_or(0))
}

/// One file.
pub async fn get_file(conn: &mut Conn, id: FileId) -> Result<Option<FileRecord>, StoreError> {
    let sql = format!("SELECT {FILE_COLUMNS} FROM entry_files WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(file_from_row).transpose()?)
}

/// Removes a file from its entry (the bytes stay on disk: another entry
/// may hold the same content).
pub async fn delete_file(conn: &mut Conn, id: FileId) -> Result<bool, StoreError> {
    let result = sqlx::query("DELETE FROM entry_files WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// How many files of each kind a list holds.
pub fn count_files(files: &[FileRecord]) -> FileCounts {
    let mut counts = FileCounts::default();
    for f in files {
        match f.kind {
            FileKind::Photo => counts.photos += 1,
            FileKind::Registration => counts.registration += 1,
            FileKind::LowerCertificate => counts.lower_certificate += 1,
            FileKind::Document => counts.documents += 1,
        }
    }
    counts
}
