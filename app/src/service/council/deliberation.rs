//! Where the council stands on a round, the read model every act of the
//! council starts from: each eligible entry with its figures, who may vote
//! on it and what the counts give; and the few facts (its footing) a write
//! re-reads under the lock to know that what it read before still holds.

use std::collections::BTreeMap;

use crate::db::council::{self, MeetingTally, SetRecord, VoteRecord};
use crate::db::jury;
use crate::db::rounds::{self, RoundRecord};
use crate::db::{round_members, Conn};
use crate::domain::council::{CouncilRefusal, Vote};
use crate::domain::deliberation::{council_conflicts, standing, vote_counts};
use crate::domain::ids::{EntryId, UserId};
use crate::domain::jury::Declaration;
use crate::domain::lifecycle::RoundState;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::model::council::CouncilItem;
use crate::service::council::report::build_with_jury;

/// Where the council stands on a round: every eligible entry with its
/// figures, who may vote on it, the counts and what they give.
pub struct Deliberation {
    /// The council's members.
    pub members: Vec<UserId>,
    /// Each entry's owner (one business per account).
    pub owners: BTreeMap<EntryId, UserId>,
    /// The sets formed.
    pub sets: Vec<SetRecord>,
    /// The items, those reaching the threshold first, then by group and
    /// rank.
    pub items: Vec<CouncilItem>,
    /// What it was built on besides the sheets.
    pub footing: Footing,
}

impl Deliberation {
    /// The item of an entry.
    pub fn item(&self, entry: EntryId) -> Option<&CouncilItem> {
        self.items.iter().find(|i| i.row.entry == entry)
    }
}

/// What the council's standing rests on besides the score sheets, the
/// panel and the entries (none of which can change while the round
/// deliberates): the round itself, the declarations, the members, their
/// votes, the meeting's tallies, the sets and any results. A write that
/// acts on a deliberation built before its transaction reads this again
/// under the lock, a few small statements, instead of rebuilding the
/// report there: when it is unchanged, the deliberation still holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footing {
    round: RoundRecord,
    declarations: BTreeMap<(EntryId, UserId), jury::DeclarationRecord>,
    members: Vec<round_members::MemberRecord>,
    votes: Vec<VoteRecord>,
    tallies: Vec<council::TallyRecord>,
    sets: Vec<SetRecord>,
    results: Vec<council::EntryResult>,
    certificates: Vec<council::CertificateRecord>,
}

impl Footing {
    /// The round as it was read.
    pub fn round(&self) -> &RoundRecord {
        &self.round
    }

    /// Reads it; `declarations` when they were read already (with the
    /// jury).
    pub async fn load(
        conn: &mut Conn,
        round: &RoundRecord,
        declarations: Option<BTreeMap<(EntryId, UserId), jury::DeclarationRecord>>,
    ) -> Result<Footing, AppError> {
        let declarations = match declarations {
            Some(d) => d,
            None => jury::declarations(conn, round.id).await?,
        };
        Ok(Footing {
            round: round.clone(),
            declarations,
            members: round_members::members(conn, round.id).await?,
            votes: council::votes_of_round(conn, round.id).await?,
            tallies: council::tallies_of_round(conn, round.id).await?,
            sets: council::sets_of_round(conn, round.id).await?,
            results: council::results_of_round(conn, round.id).await?,
            certificates: council::certificates_of_round(conn, round.id).await?,
        })
    }
}

/// Gathers the council's standing on `round`, as `viewer` sees it.
pub async fn deliberation(
    conn: &mut Conn,
    round: &RoundRecord,
    viewer: Option<UserId>,
) -> Result<Deliberation, AppError> {
    let (report, mut jury) = build_with_jury(conn, round).await?;
    // The declarations the jury read are the footing's (moved, not copied).
    let footing = Footing::load(conn, round, Some(std::mem::take(&mut jury.declarations))).await?;
    let members: Vec<UserId> = footing
        .members
        .iter()
        .filter(|m| m.role == Role::CouncilMember)
        .map(|m| m.user)
        .collect();
    let owners: BTreeMap<EntryId, UserId> = jury.entries.iter().map(|e| (e.id, e.owner)).collect();
    let declared: BTreeMap<(EntryId, UserId), Declaration> = footing
        .declarations
        .iter()
        .map(|(key, record)| (*key, record.declaration.clone()))
        .collect();
    let conflicts = council_conflicts(&owners, &members, &declared);
    let mut votes: BTreeMap<EntryId, Vec<(UserId, Vote)>> = BTreeMap::new();
    for v in &footing.votes {
        votes.entry(v.entry).or_default().push((v.member, v.vote));
    }
    let tallies: BTreeMap<EntryId, MeetingTally> = footing.tallies.iter().map(|t| (t.entry, t.tally)).collect();
    let sets = footing.sets.clone();
    let results: BTreeMap<EntryId, (bool, bool)> = footing
        .results
        .iter()
        .map(|r| (r.entry, (r.recognised, r.nominated)))
        .collect();
    let certificates = &footing.certificates;
    let rules = round.settings.vote_rules();
    let mut items = Vec::new();
    for group in report.groups {
        for row in group.rows {
            let entry = row.entry;
            let cast = votes.get(&entry).map(Vec::as_slice).unwrap_or_default();
            let meeting = tallies.get(&entry).map(|t| (t.recognise, t.nominate));
            let s = standing(entry, row.figures.reaches, &members, &conflicts, cast, meeting, rules);
            let certificate = council::certificate_among(certificates, &sets, entry).map(|c| c.number.clone());
            items.push(CouncilItem {
                group: group.number,
                standing: s,
                my_vote: viewer.and_then(|me| {
                    cast.iter()
                        .find(|(voter, _)| *voter == me && vote_counts(entry, me, &members, &conflicts))
                        .map(|(_, v)| *v)
                }),
                my_conflict: viewer.is_some_and(|me| conflicts.contains(&(entry, me))),
                set: sets.iter().find(|s| s.entries.contains(&entry)).map(|s| s.name.clone()),
                result: results.get(&entry).copied(),
                certificate,
                row,
            });
        }
    }
    // Those reaching the threshold first (what the council votes on),
    // then by group and rank as the report has them.
    items.sort_by_key(|i| !i.row.figures.reaches);
    Ok(Deliberation {
        members,
        owners,
        sets,
        items,
        footing,
    })
}

/// Builds the deliberation of the round `id` before a write: read
/// outside any transaction, refused unless the council may still act.
pub async fn deliberation_before_write(
    state: &crate::infra::state::AppState,
    id: crate::domain::ids::RoundId,
) -> Result<Deliberation, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let round = rounds::get_round(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    require_open(&mut conn, &round).await?;
    deliberation(&mut conn, &round, None).await
}

/// Inside a write transaction that holds the round's lock: whether `d`,
/// built before it, still holds (its footing is unchanged).
pub async fn still_holds(conn: &mut Conn, d: &Deliberation) -> Result<bool, AppError> {
    let Some(round) = rounds::get_round(conn, d.footing.round.id).await? else {
        return Err(AppError::NotFound);
    };
    require_open(conn, &round).await?;
    Ok(Footing::load(conn, &round, None).await? == d.footing)
}

/// Refuses acts of the council unless the round is in deliberation
/// with no decision yet.
pub async fn require_open(conn: &mut Conn, round: &RoundRecord) -> Result<(), AppError> {
    if council::decision(conn, round.id).await?.is_some() || round.state > RoundState::Deliberation {
        return Err(CouncilRefusal::Decided.into());
    }
    if round.state != RoundState::Deliberation {
        return Err(CouncilRefusal::NotDeliberating.into());
    }
    Ok(())
}
