//! The jury of a round as stored: jurors with their product groups, the
//! secretariat's additions and removals per entry, the conflict
//! declarations, and the eligible entries the jury scores.

use std::collections::BTreeMap;

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::ids::{EntryId, GroupId, RoundId, UserId};
use crate::domain::jury::{Declaration, Override, Panel, Tie};
use crate::domain::time::Timestamp;

/// The round's panel: every juror with their groups, and the overrides.
pub async fn panel(conn: &mut Conn, round: RoundId) -> Result<Panel, StoreError> {
    let mut panel = Panel::default();
    let jurors = sqlx::query("SELECT user_id FROM role_grants WHERE round_id = $1 AND role = 'juror'")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    for row in &jurors {
        panel
            .jurors
            .insert(row.try_get::<UserId, _>("user_id")?, Default::default());
    }
    let groups = sqlx::query("SELECT user_id, group_id FROM round_juror_groups WHERE round_id = $1")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    for row in &groups {
        let user = row.try_get::<UserId, _>("user_id")?;
        let group = row.try_get::<GroupId, _>("group_id")?;
        if let Some(set) = panel.jurors.get_mut(&user) {
            set.insert(group);
        }
    }
    let overrides = sqlx::query("SELECT entry_id, user_id, mode FROM entry_jurors WHERE round_id = $1")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    for row in &overrides {
        let entry = row.try_get::<EntryId, _>("entry_id")?;
        let user = row.try_get::<UserId, _>("user_id")?;
        let mode = row.try_get::<Override, _>("mode")?;
        panel.overrides.entry(entry).or_default().insert(user, mode);
    }
    Ok(panel)
}

/// Sets (or with `None`, clears) the secretariat's override of one juror
/// on one entry.
pub async fn set_override(
    conn: &mut Conn,
    round: RoundId,
    entry: EntryId,
    user: UserId,
    mode: Option<Override>,
    by: UserId,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM entry_jurors WHERE entry_id = $1 AND user_id = $2")
        .bind(entry)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    if let Some(mode) = mode {
        sqlx::query(
            "INSERT INTO entry_jurors (entry_id, user_id, round_id, mode, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(entry)
        .bind(user)
        .bind(round)
        .bind(mode)
        .bind(by)
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A stored declaration with who recorded it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclarationRecord {
    /// What was declared.
    pub declaration: Declaration,
    /// The juror, or the secretary who recorded it on their behalf.
    pub recorded_by: UserId,
    /// When.
    pub at: Timestamp,
}

/// Every declaration in the round, by entry and juror.
pub async fn declarations(
    conn: &mut Conn,
    round: RoundId,
) -> Result<BTreeMap<(EntryId, UserId), DeclarationRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, user_id, tie, note, recorded_by, created_at FROM declarations WHERE round_id = $1",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    declarations_from_rows(&rows)
}

/// What was declared about one entry (a council member's write reads no more).
pub async fn declarations_of_entry(
    conn: &mut Conn,
    entry: EntryId,
) -> Result<BTreeMap<(EntryId, UserId), DeclarationRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT entry_id, user_id, tie, note, recorded_by, created_at FROM declarations WHERE entry_id = $1",
    )
    .bind(entry)
    .fetch_all(&mut *conn)
    .await?;
    declarations_from_rows(&rows)
}

fn declarations_from_rows(
    rows: &[sqlx::any::AnyRow],
) -> Result<BTreeMap<(EntryId, UserId), DeclarationRecord>, StoreError> {
    let mut map = BTreeMap::new();
    for row in rows {
        let declaration = match row.try_get::<Option<Tie>, _>("tie")? {
            None => Declaration::NoTie,
            Some(tie) => Declaration::Tie {
                tie,
                note: row.try_get("note")?,
            },
        };
        map.insert(
            (
                row.try_get::<EntryId, _>("entry_id")?,
                row.try_get::<UserId, _>("user_id")?,
            ),
            DeclarationRecord {
                declaration,
                recorded_by: row.try_get("recorded_by")?,
                at: Timestamp(row.try_get("created_at")?),
            },
        );
    }
    Ok(map)
}

/// Whether `user` has declared a tie to `entry` (one statement: what a
/// council write re-checks under its lock).
pub async fn has_tie(conn: &mut Conn, entry: EntryId, user: UserId) -> Result<bool, StoreError> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT entry_id FROM declarations WHERE entry_id = $1 AND user_id = $2 AND tie IS NOT NULL",
    )
    .bind(entry)
    .bind(user)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// Records (or replaces) what a juror declared about an entry.
pub async fn declare(
    conn: &mut Conn,
    round: RoundId,
    entry: EntryId,
    juror: UserId,
    declaration: &Declaration,
    by: UserId,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM declarations WHERE entry_id = $1 AND user_id = $2")
        .bind(entry)
        .bind(juror)
        .execute(&mut *conn)
        .await?;
    let (tie, note) = match declaration {
        Declaration::NoTie => (None, None),
        Declaration::Tie { tie, note } => (Some(*tie), note.as_deref()),
    };
    sqlx::query(
        "INSERT INTO declarations (entry_id, user_id, round_id, tie, note, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(entry)
    .bind(juror)
    .bind(round)
    .bind(tie)
    .bind(note)
    .bind(by)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An eligible entry as the jury's work sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgedEntry {
    /// The entry.
    pub id: EntryId,
    /// Its selection code.
    pub code: Option<String>,
    /// Its product's name.
    pub product_name: Option<String>,
    /// Its product group's number.
    pub group_number: Option<i64>,
    /// Its product group.
    pub group: Option<GroupId>,
    /// The account that represents the entering business.
    pub owner: UserId,
    /// The business's name.
    pub business_name: String,
}

/// The round's accepted entries, by selection code.
pub async fn eligible_entries(conn: &mut Conn, round: RoundId) -> Result<Vec<JudgedEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT e.id, e.selection_code, e.product_name, e.group_number, g.id AS group_id, b.owner_id, b.name \
         FROM entries e JOIN businesses b ON b.id = e.business_id \
         LEFT JOIN round_groups g ON g.round_id = e.round_id AND g.number = e.group_number \
         WHERE e.round_id = $1 AND e.state = 'accepted' ORDER BY e.group_number, e.selection_code",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(JudgedEntry {
                id: row.try_get("id")?,
                code: row.try_get("selection_code")?,
                product_name: row.try_get("product_name")?,
                group_number: row.try_get("group_number")?,
                group: row.try_get("group_id")?,
                owner: row.try_get("owner_id")?,
                business_name: row.try_get("name")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// Everything about a round's jury at once: the panel, the declarations,
/// the eligible entries and every sheet (without lines).
#[derive(Clone, Debug, Default)]
pub struct JuryState {
    /// Jurors and overrides.
    pub panel: Panel,
    /// Declarations by entry and juror.
    pub declarations: BTreeMap<(EntryId, UserId), DeclarationRecord>,
    /// The eligible entries.
    pub entries: Vec<JudgedEntry>,
    /// Sheets by entry and juror.
    pub sheets: BTreeMap<(EntryId, UserId), super::sheets::SheetRecord>,
}

impl JuryState {
    /// Loads the round's jury.
    pub async fn load(conn: &mut Conn, round: RoundId) -> Result<JuryState, StoreError> {
        let panel = panel(conn, round).await?;
        let declarations = declarations(conn, round).await?;
        let entries = eligible_entries(conn, round).await?;
        let sheets = super::sheets::sheets_of_round(conn, round)
            .await?
            .into_iter()
            .map(|s| ((s.entry, s.juror), s))
            .collect();
        Ok(JuryState {
            panel,
            declarations,
            entries,
            sheets,
        })
    }

    /// The sheets expected: one per eligible entry and assigned juror not
    /// in conflict with it.
    pub fn expected(&self) -> std::collections::BTreeSet<(EntryId, UserId)> {
        let declared: BTreeMap<(EntryId, UserId), Declaration> = self
            .declarations
            .iter()
            .map(|(k, v)| (*k, v.declaration.clone()))
            .collect();
        crate::domain::jury::expected_sheets(
            self.entries.iter().map(|e| (e.id, e.group, e.owner)),
            &self.panel,
            &declared,
        )
    }

    /// Whether the sheet of `key` is submitted.
    pub fn is_submitted(&self, key: &(EntryId, UserId)) -> bool {
        self.sheets
            .get(key)
            .is_some_and(|s| s.state == crate::domain::scoring::SheetState::Submitted)
    }

    /// Sheets submitted in all, and expected sheets not yet submitted.
    pub fn counts(&self) -> (usize, usize) {
        let submitted = self
            .sheets
            .values()
            .filter(|s| s.state == crate::domain::scoring::SheetState::Submitted)
            .count();
        let missing = self.expected().iter().filter(|k| !self.is_submitted(k)).count();
        (submitted, missing)
    }
}
