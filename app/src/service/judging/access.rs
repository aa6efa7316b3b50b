//! Who stands where in the jury's work, and the sheet's shape for an entry.

use std::collections::BTreeMap;

use crate::auth::principal::Principal;
use crate::db::businesses::{self, BusinessRecord};
use crate::db::entries::{self, EntryRecord};
use crate::db::jury::{self, DeclarationRecord};
use crate::db::rounds::{self, CriterionRecord, RoundRecord, SubCriterionRecord};
use crate::db::Conn;
use crate::domain::entry::EntryState;
use crate::domain::ids::{EntryId, GroupId, RoundId, UserId};
use crate::domain::jury::{juror_access, JurorAccess};
use crate::domain::lifecycle::RoundState;
use crate::domain::role::Role;
use crate::domain::scoring::{CriterionSpec, LineSpec, SheetSpec};
use crate::error::AppError;
use crate::model::judging::{Stance, TieView};

/// An entry with its round and business, or not found.
pub async fn entry_in_round(
    conn: &mut Conn,
    entry: &str,
) -> Result<(EntryRecord, RoundRecord, BusinessRecord), AppError> {
    let entry = EntryId::parse(entry).ok_or(AppError::NotFound)?;
    let entry = entries::get_entry(conn, entry).await?.ok_or(AppError::NotFound)?;
    let round = rounds::get_round(conn, entry.round).await?.ok_or(AppError::NotFound)?;
    let business = businesses::get_business(conn, entry.business)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((entry, round, business))
}

/// Whose sheet or declaration an action is about: the caller's own when
/// `named` is empty or the caller, else the named juror's, which only the
/// round's secretariat and administrators reach (`roles` are the caller's
/// roles in the round). Returns the juror and whether it is the caller.
pub fn whose(principal: &Principal, roles: &[Role], named: &str) -> Result<(UserId, bool), AppError> {
    let named = match named.trim() {
        "" => None,
        text => Some(UserId::parse(text).ok_or(AppError::NotFound)?),
    };
    match named {
        Some(other) if other != principal.id() => {
            if !(principal.is_administrator() || roles.contains(&Role::Secretary)) {
                return Err(if roles.is_empty() {
                    AppError::NotFound
                } else {
                    AppError::Forbidden
                });
            }
            Ok((other, false))
        }
        _ => Ok((principal.id(), true)),
    }
}

/// The product group of an entry of `round`, by its number.
pub async fn group_of(conn: &mut Conn, round: RoundId, number: Option<i64>) -> Result<Option<GroupId>, AppError> {
    let Some(number) = number else { return Ok(None) };
    Ok(rounds::groups(conn, round)
        .await?
        .into_iter()
        .find(|g| g.number == number)
        .map(|g| g.id))
}

/// The declaration of `juror` on `entry`, if any.
pub async fn declaration_of(
    conn: &mut Conn,
    round: RoundId,
    entry: EntryId,
    juror: UserId,
) -> Result<Option<DeclarationRecord>, AppError> {
    Ok(jury::declarations(conn, round).await?.remove(&(entry, juror)))
}

/// A juror's standing with an entry: `None` when they are not assigned to
/// it, or it is not (yet) judged: only accepted entries of rounds from
/// judging on have jurors.
pub async fn juror_standing(
    conn: &mut Conn,
    round: &RoundRecord,
    entry: &EntryRecord,
    owner: UserId,
    juror: UserId,
) -> Result<Option<JurorAccess>, AppError> {
    if entry.state != EntryState::Accepted || round.state < RoundState::Judging {
        return Ok(None);
    }
    let group = group_of(conn, round.id, entry.content.group).await?;
    let panel = jury::panel(conn, round.id).await?;
    if !panel.assigned(entry.id, group).contains(&juror) {
        return Ok(None);
    }
    let declared = declaration_of(conn, round.id, entry.id, juror).await?;
    Ok(Some(juror_access(
        declared.as_ref().map(|d| &d.declaration),
        juror,
        owner,
    )))
}

/// How a juror's declaration reads on the board and lists.
pub fn stance(declared: Option<&DeclarationRecord>, juror: UserId, owner: UserId) -> Stance {
    use crate::domain::jury::Declaration;
    if juror == owner {
        return Stance::OwnBusiness;
    }
    match declared {
        None => Stance::Undeclared,
        Some(record) => match &record.declaration {
            Declaration::NoTie => Stance::NoTie,
            Declaration::Tie { tie, note } => Stance::Tie(TieView {
                tie: *tie,
                note: note.clone(),
                by_secretariat: record.recorded_by != juror,
            }),
        },
    }
}

/// The sheet for an entry of product group `group`: each criterion group
/// of the round, as its sub-criteria for that group or as one line.
pub async fn sheet_spec(conn: &mut Conn, round: &RoundRecord, group: Option<GroupId>) -> Result<SheetSpec, AppError> {
    let criteria = rounds::criteria(conn, round.id).await?;
    let subs = rounds::sub_criteria(conn, round.id).await?;
    Ok(spec_of(round, &criteria, &subs, group))
}

/// The sheet of every product group of the round, and of an entry with
/// no group (`None`), from one reading of its criteria.
pub async fn sheet_specs(
    conn: &mut Conn,
    round: &RoundRecord,
) -> Result<BTreeMap<Option<GroupId>, SheetSpec>, AppError> {
    let groups = rounds::groups(conn, round.id).await?;
    let criteria = rounds::criteria(conn, round.id).await?;
    let subs = rounds::sub_criteria(conn, round.id).await?;
    Ok(groups
        .iter()
        .map(|g| Some(g.id))
        .chain([None])
        .map(|group| (group, spec_of(round, &criteria, &subs, group)))
        .collect())
}

fn spec_of(
    round: &RoundRecord,
    criteria: &[CriterionRecord],
    subs: &[SubCriterionRecord],
    group: Option<GroupId>,
) -> SheetSpec {
    let criteria = criteria
        .iter()
        .map(|c| {
            let mut mine: Vec<_> = subs
                .iter()
                .filter(|s| Some(s.group) == group && s.criterion == c.id)
                .collect();
            mine.sort_by_key(|s| s.position);
            let lines: Vec<LineSpec> = if mine.is_empty() {
                vec![LineSpec {
                    key: c.id.to_string(),
                    name_vi: c.name_vi.clone(),
                    name_en: c.name_en.clone(),
                    max: c.max,
                    guidance: None,
                }]
            } else {
                mine.iter()
                    .map(|s| LineSpec {
                        key: s.id.to_string(),
                        name_vi: s.item.name_vi.clone(),
                        name_en: s.item.name_en.clone(),
                        max: s.item.max,
                        guidance: s.item.guidance.clone(),
                    })
                    .collect()
            };
            CriterionSpec {
                number: c.number,
                has_subs: !mine.is_empty(),
                name_vi: c.name_vi.clone(),
                name_en: c.name_en.clone(),
                max: c.max,
                lines,
            }
        })
        .collect();
    SheetSpec {
        criteria,
        step: round.settings.score_step,
    }
}
