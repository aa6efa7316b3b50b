//! Rounds: settings, state, and the facts the lifecycle guards read; their
//! product groups, criteria and sub-criteria are in [`structure`].

mod structure;

use structure::{copy_structure, insert_official_structure};
pub use structure::{
    criteria, groups, replace_sub_criteria, sub_criteria, CriterionRecord, GroupRecord, SubCriterionRecord,
};

use sqlx::Row;

use super::{map_unique, Conn, StoreError};
use crate::domain::ids::{LevelId, RoundId, TerritoryId, UserId};
use crate::domain::lifecycle::RoundState;
use crate::domain::points::Points;
use crate::domain::round::RoundSettings;
use crate::domain::time::Timestamp;

/// A round as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundRecord {
    /// Its id.
    pub id: RoundId,
    /// Its level.
    pub level: LevelId,
    /// Its territory.
    pub territory: TerritoryId,
    /// The round its nominees go to.
    pub parent: Option<RoundId>,
    /// Its settings.
    pub settings: RoundSettings,
    /// Where it stands.
    pub state: RoundState,
    /// When it last moved.
    pub state_changed_at: Timestamp,
    /// The council's chair.
    pub chair: Option<UserId>,
    /// Whether scoring has begun (criteria frozen).
    pub criteria_frozen: bool,
}

pub(crate) const ROUND_COLUMNS: &str = "id, name, level_id, territory_id, year, parent_round_id, entries_open_at, \
    entries_close_at, judging_close_at, threshold_centi, quorum_percent, majority_percent, tie_recognises, \
    certificate_pattern, show_scores, score_step_centi, spread_flag_centi, state, state_changed_at, \
    council_chair_id, criteria_frozen_at";

pub(crate) fn round_from_row(row: &sqlx::any::AnyRow) -> Result<RoundRecord, sqlx::Error> {
    let frozen: Option<i64> = row.try_get("criteria_frozen_at")?;
    let year: i64 = row.try_get("year")?;
    Ok(RoundRecord {
        id: row.try_get("id")?,
        level: row.try_get("level_id")?,
        territory: row.try_get("territory_id")?,
        parent: row.try_get("parent_round_id")?,
        settings: RoundSettings {
            name: row.try_get("name")?,
            year: i32::try_from(year).unwrap_or_default(),
            entries_open: Timestamp(row.try_get("entries_open_at")?),
            entries_close: Timestamp(row.try_get("entries_close_at")?),
            judging_close: Timestamp(row.try_get("judging_close_at")?),
            threshold: Points(row.try_get("threshold_centi")?),
            quorum_percent: row.try_get("quorum_percent")?,
            majority_percent: row.try_get("majority_percent")?,
            tie_recognises: row.try_get::<i64, _>("tie_recognises")? != 0,
            certificate_pattern: row.try_get("certificate_pattern")?,
            show_scores: row.try_get::<i64, _>("show_scores")? != 0,
            score_step: Points(row.try_get("score_step_centi")?),
            spread_flag: Points(row.try_get("spread_flag_centi")?),
        },
        state: row.try_get("state")?,
        state_changed_at: Timestamp(row.try_get("state_changed_at")?),
        chair: row.try_get("council_chair_id")?,
        criteria_frozen: frozen.is_some(),
    })
}

/// What a new round is made of.
#[derive(Clone, Debug)]
pub struct NewRound<'a> {
    /// Its id.
    pub id: RoundId,
    /// Its level.
    pub level: LevelId,
    /// Its territory.
    pub territory: TerritoryId,
    /// The round its nominees go to.
    pub parent: Option<RoundId>,
    /// Its settings.
    pub settings: &'a RoundSettings,
    /// Who created it.
    pub created_by: UserId,
    /// When.
    pub now: Timestamp,
}

/// Stores a new round as a draft, with the four official product groups
/// and the official score sheet, or with a copy of `copy_from`'s groups,
/// criteria and sub-criteria. A taken name, or a second round of the same
/// level, territory and year, is [`StoreError::Duplicate`].
pub async fn insert_round(conn: &mut Conn, round: &NewRound<'_>, copy_from: Option<RoundId>) -> Result<(), StoreError> {
    let s = round.settings;
    sqlx::query(
        "INSERT INTO rounds (id, name, level_id, territory_id, year, parent_round_id, entries_open_at, entries_close_at, \
         judging_close_at, threshold_centi, quorum_percent, majority_percent, tie_recognises, certificate_pattern, \
         show_scores, score_step_centi, spread_flag_centi, state, state_changed_at, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'draft', $18, $19, $18, $18)",
    )
    .bind(round.id)
    .bind(&s.name)
    .bind(round.level)
    .bind(round.territory)
    .bind(i64::from(s.year))
    .bind(round.parent)
    .bind(s.entries_open.millis())
    .bind(s.entries_close.millis())
    .bind(s.judging_close.millis())
    .bind(s.threshold.centi())
    .bind(s.quorum_percent)
    .bind(s.majority_percent)
    .bind(i64::from(s.tie_recognises))
    .bind(&s.certificate_pattern)
    .bind(i64::from(s.show_scores))
    .bind(s.score_step.centi())
    .bind(s.spread_flag.centi())
    .bind(round.now.millis())
    .bind(round.created_by)
    .execute(&mut *conn)
    .await
    .map_err(map_round_unique)?;
    match copy_from {
        Some(source) => copy_structure(conn, source, round.id).await,
        None => insert_official_structure(conn, round.id).await,
    }
}

fn map_round_unique(error: sqlx::Error) -> StoreError {
    // A second round of one level, territory and year names the year.
    match map_unique(error, &["name", "year"]) {
        StoreError::Duplicate("name") => StoreError::Duplicate("title"),
        other => other,
    }
}

/// One round.
pub async fn get_round(conn: &mut Conn, id: RoundId) -> Result<Option<RoundRecord>, StoreError> {
    let sql = format!("SELECT {ROUND_COLUMNS} FROM rounds WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(round_from_row).transpose()?)
}

/// The rounds of `ids` that exist, a few hundred per statement.
pub async fn rounds_by_ids(conn: &mut Conn, ids: &[RoundId]) -> Result<Vec<RoundRecord>, StoreError> {
    let mut rounds = Vec::new();
    for chunk in ids.chunks(500) {
        let sql = format!(
            "SELECT {ROUND_COLUMNS} FROM rounds WHERE id IN ({})",
            super::placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            rounds.push(round_from_row(&row)?);
        }
    }
    Ok(rounds)
}

/// The rounds that sent nominations to `round`, in one query.
pub async fn rounds_sending_to(conn: &mut Conn, round: RoundId) -> Result<Vec<RoundRecord>, StoreError> {
    let sql = format!(
        "SELECT {ROUND_COLUMNS} FROM rounds WHERE id IN (SELECT source_round_id FROM nominations WHERE round_id = $1)"
    );
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(round_from_row).collect::<Result<_, _>>()?)
}

/// Every round, newest year first.
pub async fn list_rounds(conn: &mut Conn) -> Result<Vec<RoundRecord>, StoreError> {
    let sql = format!("SELECT {ROUND_COLUMNS} FROM rounds ORDER BY year DESC, entries_open_at DESC, name");
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(round_from_row).collect::<Result<_, _>>()?)
}

/// The rounds in which a person holds a role.
pub async fn rounds_of_user(conn: &mut Conn, user: UserId) -> Result<Vec<RoundRecord>, StoreError> {
    let sql = format!(
        "SELECT {ROUND_COLUMNS} FROM rounds WHERE id IN (SELECT round_id FROM role_grants WHERE user_id = $1 \
         AND round_id IS NOT NULL) ORDER BY year DESC, entries_open_at DESC, name"
    );
    let rows = sqlx::query(&sql).bind(user).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(round_from_row).collect::<Result<_, _>>()?)
}

/// Rounds in the given states, soonest deadline first.
pub async fn rounds_in_states(conn: &mut Conn, states: &[RoundState]) -> Result<Vec<RoundRecord>, StoreError> {
    let sql = format!(
        "SELECT {ROUND_COLUMNS} FROM rounds WHERE state IN ({}) ORDER BY entries_close_at, name",
        super::placeholders(1, states.len())
    );
    let mut query = sqlx::query(&sql);
    for state in states {
        query = query.bind(state);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(round_from_row).collect::<Result<_, _>>()?)
}

/// Replaces a round's settings (and, while it is a draft, its identity).
pub async fn update_settings(
    conn: &mut Conn,
    id: RoundId,
    settings: &RoundSettings,
    identity: Option<(LevelId, TerritoryId, Option<RoundId>)>,
    now: Timestamp,
) -> Result<(), StoreError> {
    let s = settings;
    sqlx::query(
        "UPDATE rounds SET name = $2, year = $3, entries_open_at = $4, entries_close_at = $5, judging_close_at = $6, \
         threshold_centi = $7, quorum_percent = $8, majority_percent = $9, tie_recognises = $10, \
         certificate_pattern = $11, show_scores = $12, score_step_centi = $13, spread_flag_centi = $14, updated_at = $15 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(&s.name)
    .bind(i64::from(s.year))
    .bind(s.entries_open.millis())
    .bind(s.entries_close.millis())
    .bind(s.judging_close.millis())
    .bind(s.threshold.centi())
    .bind(s.quorum_percent)
    .bind(s.majority_percent)
    .bind(i64::from(s.tie_recognises))
    .bind(&s.certificate_pattern)
    .bind(i64::from(s.show_scores))
    .bind(s.score_step.centi())
    .bind(s.spread_flag.centi())
    .bind(now.millis())
    .execute(&mut *conn)
    .await
    .map_err(map_round_unique)?;
    if let Some((level, territory, parent)) = identity {
        sqlx::query("UPDATE rounds SET level_id = $2, territory_id = $3, parent_round_id = $4 WHERE id = $1")
            .bind(id)
            .bind(level)
            .bind(territory)
            .bind(parent)
            .execute(&mut *conn)
            .await
            .map_err(map_round_unique)?;
    }
    Ok(())
}

/// Moves a round to `to` if it is still in `from`; `false` when another
/// request moved it meanwhile.
pub async fn set_state(
    conn: &mut Conn,
    id: RoundId,
    from: RoundState,
    to: RoundState,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE rounds SET state = $3, state_changed_at = $4, updated_at = $4 WHERE id = $1 AND state = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Takes the round's row lock for the rest of the transaction (a no-op
/// update, portable to both databases), so that acts which number things
/// within a round (selection codes) run one at a time. SQLite's write
/// transactions are serial already.
pub async fn lock_round(conn: &mut Conn, id: RoundId) -> Result<(), StoreError> {
    sqlx::query("UPDATE rounds SET updated_at = updated_at WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks the round's criteria frozen (the first score sheet exists).
pub async fn freeze_criteria(conn: &mut Conn, id: RoundId, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE rounds SET criteria_frozen_at = $2 WHERE id = $1 AND criteria_frozen_at IS NULL")
        .bind(id)
        .bind(now.millis())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets or clears the council's chair.
pub async fn set_chair(conn: &mut Conn, id: RoundId, chair: Option<UserId>) -> Result<(), StoreError> {
    sqlx::query("UPDATE rounds SET council_chair_id = $2 WHERE id = $1")
        .bind(id)
        .bind(chair)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What the lifecycle guards need to know about a round now.
pub async fn facts(
    conn: &mut Conn,
    round: &RoundRecord,
    now: Timestamp,
) -> Result<crate::domain::lifecycle::RoundFacts, StoreError> {
    let (secretaries, jurors, council_members) = super::round_members::role_counts(conn, round.id).await?;
    let (entries_submitted, entries_unscreened, entries_eligible) =
        super::entries::round_counts(conn, round.id).await?;
    let (sheets_submitted, sheets_missing) = super::jury::JuryState::load(conn, round.id).await?.counts();
    let (decision_recorded, entries_recognised, certificates_issued) =
        super::council::decision_counts(conn, round.id).await?;
    Ok(crate::domain::lifecycle::RoundFacts {
        now,
        entries_close: round.settings.entries_close,
        secretaries,
        jurors,
        council_members,
        entries_submitted,
        entries_unscreened,
        entries_eligible,
        sheets_submitted,
        sheets_missing,
        decision_recorded,
        entries_recognised,
        certificates_issued,
    })
}
