//! A round's product groups, its criteria and sub-criteria: the official
//! structure a new round starts from, the copy from an earlier round, and
//! what the criteria page and the sheets read.

use sqlx::Row;

use crate::db::{Conn, StoreError};
use crate::domain::criteria::{SubCriterion, CRITERIA, PRODUCT_GROUPS};
use crate::domain::ids::{CriterionId, GroupId, RoundId, SubCriterionId};
use crate::domain::points::Points;

pub(super) async fn insert_official_structure(conn: &mut Conn, round: RoundId) -> Result<(), StoreError> {
    for group in PRODUCT_GROUPS {
        insert_group(conn, round, GroupId::new(), group.number, group.name_vi, group.name_en).await?;
    }
    for criterion in CRITERIA {
        insert_criterion(
            conn,
            round,
            CriterionId::new(),
            criterion.number,
            criterion.name_vi,
            criterion.name_en,
            criterion.max,
        )
        .await?;
    }
    Ok(())
}

async fn insert_group(
    conn: &mut Conn,
    round: RoundId,
    id: GroupId,
    number: i64,
    name_vi: &str,
    name_en: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO round_groups (id, round_id, number, name_vi, name_en) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(round)
        .bind(number)
        .bind(name_vi)
        .bind(name_en)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn insert_criterion(
    conn: &mut Conn,
    round: RoundId,
    id: CriterionId,
    number: i64,
    name_vi: &str,
    name_en: &str,
    max: Points,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO round_criteria (id, round_id, number, name_vi, name_en, max_centi) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(round)
    .bind(number)
    .bind(name_vi)
    .bind(name_en)
    .bind(max.centi())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(super) async fn copy_structure(conn: &mut Conn, source: RoundId, target: RoundId) -> Result<(), StoreError> {
    let groups = groups(conn, source).await?;
    let criteria = criteria(conn, source).await?;
    let subs = sub_criteria(conn, source).await?;
    let mut group_map = Vec::new();
    for g in &groups {
        let id = GroupId::new();
        insert_group(conn, target, id, g.number, &g.name_vi, &g.name_en).await?;
        group_map.push((g.id, id));
    }
    let mut criterion_map = Vec::new();
    for c in &criteria {
        let id = CriterionId::new();
        insert_criterion(conn, target, id, c.number, &c.name_vi, &c.name_en, c.max).await?;
        criterion_map.push((c.id, id));
    }
    for s in &subs {
        let group = group_map.iter().find(|(old, _)| *old == s.group).map(|(_, new)| *new);
        let criterion = criterion_map
            .iter()
            .find(|(old, _)| *old == s.criterion)
            .map(|(_, new)| *new);
        if let (Some(group), Some(criterion)) = (group, criterion) {
            insert_sub_criterion(conn, target, criterion, group, s.position, &s.item).await?;
        }
    }
    Ok(())
}

/// A product group of a round.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GroupRecord {
    /// Its id.
    pub id: GroupId,
    /// Its number (1–4).
    pub number: i64,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
}

/// A criterion group of a round.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CriterionRecord {
    /// Its id.
    pub id: CriterionId,
    /// Its number (1–4).
    pub number: i64,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Maximum points.
    pub max: Points,
}

/// A sub-criterion of a round.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubCriterionRecord {
    /// Its id.
    pub id: SubCriterionId,
    /// The criterion group it belongs to.
    pub criterion: CriterionId,
    /// The product group it applies to.
    pub group: GroupId,
    /// Its order within the criterion group.
    pub position: i64,
    /// Its content.
    pub item: SubCriterion,
}

/// The round's product groups, by number.
pub async fn groups(conn: &mut Conn, round: RoundId) -> Result<Vec<GroupRecord>, StoreError> {
    let rows = sqlx::query("SELECT id, number, name_vi, name_en FROM round_groups WHERE round_id = $1 ORDER BY number")
        .bind(round)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(GroupRecord {
                id: row.try_get("id")?,
                number: row.try_get("number")?,
                name_vi: row.try_get("name_vi")?,
                name_en: row.try_get("name_en")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// The round's criterion groups, by number.
pub async fn criteria(conn: &mut Conn, round: RoundId) -> Result<Vec<CriterionRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, number, name_vi, name_en, max_centi FROM round_criteria WHERE round_id = $1 ORDER BY number",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(CriterionRecord {
                id: row.try_get("id")?,
                number: row.try_get("number")?,
                name_vi: row.try_get("name_vi")?,
                name_en: row.try_get("name_en")?,
                max: Points(row.try_get("max_centi")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// Every sub-criterion of the round, in order.
pub async fn sub_criteria(conn: &mut Conn, round: RoundId) -> Result<Vec<SubCriterionRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, criterion_id, group_id, position, name_vi, name_en, max_centi, guidance FROM round_subcriteria \
         WHERE round_id = $1 ORDER BY group_id, criterion_id, position",
    )
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SubCriterionRecord {
                id: row.try_get("id")?,
                criterion: row.try_get("criterion_id")?,
                group: row.try_get("group_id")?,
                position: row.try_get("position")?,
                item: SubCriterion {
                    name_vi: row.try_get("name_vi")?,
                    name_en: row.try_get("name_en")?,
                    max: Points(row.try_get("max_centi")?),
                    guidance: row.try_get("guidance")?,
                },
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

async fn insert_sub_criterion(
    conn: &mut Conn,
    round: RoundId,
    criterion: CriterionId,
    group: GroupId,
    position: i64,
    item: &SubCriterion,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO round_subcriteria (id, round_id, criterion_id, group_id, position, name_vi, name_en, max_centi, guidance) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(SubCriterionId::new())
    .bind(round)
    .bind(criterion)
    .bind(group)
    .bind(position)
    .bind(&item.name_vi)
    .bind(&item.name_en)
    .bind(item.max.centi())
    .bind(item.guidance.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Replaces the sub-criteria of one criterion group for one product group.
pub async fn replace_sub_criteria(
    conn: &mut Conn,
    round: RoundId,
    criterion: CriterionId,
    group: GroupId,
    items: &[SubCriterion],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM round_subcriteria WHERE round_id = $1 AND criterion_id = $2 AND group_id = $3")
        .bind(round)
        .bind(criterion)
        .bind(group)
        .execute(&mut *conn)
        .await?;
    for (position, item) in items.iter().enumerate() {
        insert_sub_criterion(conn, round, criterion, group, position as i64, item).await?;
    }
    Ok(())
}
