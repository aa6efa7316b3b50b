//! The use cases behind `crate::api::council::report`:
//! The jury's report: per product group, every eligible entry with its
//! official score and the figures beside it, for the secretariat and the
//! council once the round reaches deliberation.

use std::collections::BTreeMap;

use crate::auth::principal::Principal;
use crate::db::jury::{JudgedEntry, JuryState};
use crate::db::rounds::RoundRecord;
use crate::db::sheets::SheetRecord;
use crate::db::{rounds, sheets, Conn};
use crate::domain::ids::EntryId;
use crate::domain::jury::JudgingRefusal;
use crate::domain::lifecycle::RoundState;
use crate::domain::report::{figures, ranks, SubmittedSheet};
use crate::domain::role::Role;
use crate::domain::scoring::{totals, SheetState};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::council::{JuryReport, ReportCriterion, ReportGroup, ReportRow};
use crate::model::rounds::Named;
use crate::service::judging::access::sheet_specs;
use crate::service::rounds::access::{load, roles_in};

/// Whether the report can be read in a round in `state`.
pub fn report_open(state: RoundState) -> bool {
    state >= RoundState::Deliberation
}

/// A sheet that counts towards an official score, with its entry and
/// its subtotal per criterion group.
pub struct CountedSheet {
    /// The entry.
    pub entry: JudgedEntry,
    /// The sheet.
    pub sheet: SheetRecord,
    /// Its subtotal per criterion group.
    pub per_criterion: Vec<crate::domain::points::Points>,
}

/// The round's jury and the sheets that count: only the submitted
/// sheets of the entry's panel (a sheet from a juror found in
/// conflict, or taken off the entry, after submitting is left out).
pub async fn counted_sheets(conn: &mut Conn, round: &RoundRecord) -> Result<(JuryState, Vec<CountedSheet>), AppError> {
    let jury = JuryState::load(conn, round.id).await?;
    let expected = jury.expected();
    let specs = sheet_specs(conn, round).await?;
    // The sheets that count. Each keeps its sums per criterion group;
    // only a sheet written before they were kept has its lines read.
    let submitted: Vec<SheetRecord> = jury
        .sheets
        .values()
        .filter(|s| s.state == SheetState::Submitted && expected.contains(&(s.entry, s.juror)))
        .cloned()
        .collect();
    let entries: BTreeMap<EntryId, &JudgedEntry> = jury.entries.iter().map(|e| (e.id, e)).collect();
    let (kept, mut older): (Vec<SheetRecord>, Vec<SheetRecord>) = submitted.into_iter().partition(|sheet| {
        let criteria = entries
            .get(&sheet.entry)
            .and_then(|e| specs.get(&e.group))
            .map(|spec| spec.criteria.len());
        sheet
            .subtotals
            .as_ref()
            .map(Vec::len)
            .is_some_and(|n| Some(n) == criteria)
    });
    sheets::load_points(conn, &mut older).await?;
    let mut counted = Vec::new();
    for sheet in kept.into_iter().chain(older) {
        let Some(entry) = entries.get(&sheet.entry) else {
            continue;
        };
        let Some(spec) = specs.get(&entry.group) else {
            continue;
        };
        let per_criterion = match &sheet.subtotals {
            Some(sums) if sums.len() == spec.criteria.len() => sums.clone(),
            _ => {
                let points = spec
                    .lines()
                    .map(|line| (line.key.clone(), sheet.points.get(&line.key).copied()))
                    .collect();
                totals(spec, &points).per_criterion
            }
        };
        counted.push(CountedSheet {
            entry: (*entry).clone(),
            per_criterion,
            sheet,
        });
    }
    Ok((jury, counted))
}

/// Builds the report of a round (the caller has checked access).
pub async fn build(conn: &mut Conn, round: &RoundRecord) -> Result<JuryReport, AppError> {
    Ok(build_with_jury(conn, round).await?.0)
}

/// Builds the report of a round, and gives the jury it read too (the
/// council's standing needs both).
pub async fn build_with_jury(conn: &mut Conn, round: &RoundRecord) -> Result<(JuryReport, JuryState), AppError> {
    let (report, jury, _) = build_all(conn, round).await?;
    Ok((report, jury))
}

/// Builds the report of a round with the jury and the counted sheets
/// it was built from (the score workbook lists them).
pub async fn build_all(
    conn: &mut Conn,
    round: &RoundRecord,
) -> Result<(JuryReport, JuryState, Vec<CountedSheet>), AppError> {
    let (jury, counted) = counted_sheets(conn, round).await?;
    let expected = jury.expected();
    let groups = rounds::groups(conn, round.id).await?;
    let criteria = rounds::criteria(conn, round.id).await?;
    let mut expected_of: BTreeMap<EntryId, usize> = BTreeMap::new();
    for (entry, _) in &expected {
        *expected_of.entry(*entry).or_default() += 1;
    }
    let mut submitted: BTreeMap<EntryId, Vec<SubmittedSheet>> = BTreeMap::new();
    for c in &counted {
        submitted.entry(c.sheet.entry).or_default().push(SubmittedSheet {
            // The stored total is what the juror submitted.
            total: c.sheet.total,
            per_criterion: c.per_criterion.clone(),
        });
    }
    let settings = &round.settings;
    let mut report_groups = Vec::new();
    for group in &groups {
        let mut rows: Vec<ReportRow> = jury
            .entries
            .iter()
            .filter(|e| e.group == Some(group.id))
            .map(|e| ReportRow {
                entry: e.id,
                code: e.code.clone().unwrap_or_default(),
                product: e.product_name.clone().unwrap_or_default(),
                business: e.business_name.clone(),
                expected_sheets: expected_of.get(&e.id).copied().unwrap_or_default(),
                figures: figures(
                    submitted.get(&e.id).map(Vec::as_slice).unwrap_or_default(),
                    criteria.len(),
                    settings.threshold,
                    settings.spread_flag,
                ),
                rank: None,
            })
            .collect();
        let scores: Vec<_> = rows.iter().map(|r| r.figures.official).collect();
        for (row, rank) in rows.iter_mut().zip(ranks(&scores)) {
            row.rank = rank;
        }
        rows.sort_by(|a, b| (a.rank.is_none(), a.rank, &a.code).cmp(&(b.rank.is_none(), b.rank, &b.code)));
        report_groups.push(ReportGroup {
            number: group.number,
            name: Named {
                vi: group.name_vi.clone(),
                en: group.name_en.clone(),
            },
            rows,
        });
    }
    let report = JuryReport {
        round: round.id,
        round_name: settings.name.clone(),
        state: round.state,
        threshold: settings.threshold,
        spread_flag: settings.spread_flag,
        criteria: criteria
            .iter()
            .map(|c| ReportCriterion {
                number: c.number,
                name: Named {
                    vi: c.name_vi.clone(),
                    en: c.name_en.clone(),
                },
                max: c.max,
            })
            .collect(),
        groups: report_groups,
    };
    Ok((report, jury, counted))
}

/// Whether `principal` may read the report of `round` now: its
/// secretariat, its council and administrators, from deliberation on.
pub fn authorize(principal: &Principal, round: &RoundRecord) -> Result<(), AppError> {
    let roles = roles_in(principal, round.id);
    let may = principal.is_administrator() || roles.contains(&Role::Secretary) || roles.contains(&Role::CouncilMember);
    if !may {
        // Jurors and entrants of the round are refused; anyone else
        // does not learn that the round exists.
        return Err(if roles.is_empty() {
            AppError::NotFound
        } else {
            AppError::Forbidden
        });
    }
    if !report_open(round.state) {
        return Err(AppError::JudgingRefused(JudgingRefusal::ReportNotOpen));
    }
    Ok(())
}

/// The report of round `id` for `principal`.
pub async fn report_for(conn: &mut Conn, principal: &Principal, id: &str) -> Result<JuryReport, AppError> {
    let round = load(conn, id).await?;
    authorize(principal, &round)?;
    build(conn, &round).await
}

pub async fn report(state: &AppState, principal: Principal, round: &str) -> Result<JuryReport, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    report_for(&mut conn, &principal, round).await
}
