//! The council's standing on a round, as a pure function of what is stored:
//! who of the council may vote on each entry (not a member tied to it by a
//! declaration or by owning the entering business, the same rule as for
//! jurors), which votes count, and what the counts give under the round's
//! rules (domain: "The council, the jury, the decision").

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::council::{outcome, standing_counts, Outcome, Tally, Vote, VoteRules};
use super::ids::{EntryId, UserId};
use super::jury::{in_conflict, Declaration};

/// The council's standing on one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// Members who may vote on it (the council less those in conflict).
    pub voters: u32,
    /// The count on recognising it.
    pub recognise: Tally,
    /// The count on nominating it to the next level.
    pub nominate: Tally,
    /// Whether the counts are the meeting's tally (else online votes).
    pub from_meeting: bool,
    /// What the count on recognition gives.
    pub recognition: Outcome,
    /// What the count on nomination gives.
    pub nomination: Outcome,
}

/// The members in conflict with each entry, as (entry, member): a declared
/// tie, or the member's own account represents the entering business.
/// `owners` gives each entry's owner.
pub fn council_conflicts(
    owners: &BTreeMap<EntryId, UserId>,
    members: &[UserId],
    declarations: &BTreeMap<(EntryId, UserId), Declaration>,
) -> BTreeSet<(EntryId, UserId)> {
    let mut conflicts = BTreeSet::new();
    for (entry, owner) in owners {
        for member in members {
            if in_conflict(declarations.get(&(*entry, *member)), *member, *owner) {
                conflicts.insert((*entry, *member));
            }
        }
    }
    conflicts
}

/// Whether a member's vote on an entry counts: cast by a member of the
/// council who is not in conflict with the entry.
pub fn vote_counts(entry: EntryId, voter: UserId, members: &[UserId], conflicts: &BTreeSet<(EntryId, UserId)>) -> bool {
    members.contains(&voter) && !conflicts.contains(&(entry, voter))
}

/// The standing on `entry`: `votes` are the online votes cast on it (only
/// those that count are counted), `meeting` the tally recorded from the
/// meeting, which stands instead of them when there is one, and `reaches`
/// whether its score reaches the threshold.
pub fn standing(
    entry: EntryId,
    reaches: bool,
    members: &[UserId],
    conflicts: &BTreeSet<(EntryId, UserId)>,
    votes: &[(UserId, Vote)],
    meeting: Option<(Tally, Tally)>,
    rules: VoteRules,
) -> Standing {
    let voters = members.iter().filter(|m| !conflicts.contains(&(entry, **m))).count() as u32;
    let ballots: Vec<Vote> = votes
        .iter()
        .filter(|(voter, _)| vote_counts(entry, *voter, members, conflicts))
        .map(|(_, vote)| *vote)
        .collect();
    let (recognise, nominate) = standing_counts(voters, meeting, &ballots);
    Standing {
        voters,
        recognise,
        nominate,
        from_meeting: meeting.is_some(),
        recognition: outcome(&recognise, rules, reaches),
        nomination: outcome(&nominate, rules, reaches),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::council::Ballot;
    use crate::domain::jury::Tie;

    fn rules() -> VoteRules {
        VoteRules {
            quorum_percent: 50,
            majority_percent: 50,
            tie_carries: false,
        }
    }

    fn vote(recognise: Ballot) -> Vote {
        Vote {
            recognise,
            nominate: Some(Ballot::For),
        }
    }

    #[test]
    fn members_tied_to_an_entry_or_owning_it_are_in_conflict() {
        let (a, b) = (EntryId::new(), EntryId::new());
        let members = [UserId::new(), UserId::new(), UserId::new()];
        let owners = BTreeMap::from([(a, members[0]), (b, UserId::new())]);
        let declarations = BTreeMap::from([
            (
                (b, members[1]),
                Declaration::Tie {
                    tie: Tie::Relative,
                    note: None,
                },
            ),
            ((b, members[2]), Declaration::NoTie),
        ]);
        let conflicts = council_conflicts(&owners, &members, &declarations);
        assert_eq!(conflicts, BTreeSet::from([(a, members[0]), (b, members[1])]));
        assert!(!vote_counts(a, members[0], &members, &conflicts), "their own business");
        assert!(vote_counts(a, members[1], &members, &conflicts));
        assert!(!vote_counts(b, UserId::new(), &members, &conflicts), "not a member");
    }

    #[test]
    fn only_counting_votes_are_counted_and_a_meeting_tally_stands_instead() {
        let entry = EntryId::new();
        let members = [UserId::new(), UserId::new(), UserId::new(), UserId::new()];
        let conflicts = BTreeSet::from([(entry, members[3])]);
        let outsider = UserId::new();
        let votes = [
            (members[0], vote(Ballot::For)),
            (members[1], vote(Ballot::For)),
            (members[3], vote(Ballot::Against)),
            (outsider, vote(Ballot::Against)),
        ];
        let s = standing(entry, true, &members, &conflicts, &votes, None, rules());
        assert_eq!(s.voters, 3, "the council less the member in conflict");
        assert_eq!(
            (s.recognise.present, s.recognise.for_votes, s.recognise.against),
            (2, 2, 0)
        );
        assert!(s.recognition.carried() && !s.from_meeting);
        // Below the threshold nothing is carried, whatever the votes.
        let below = standing(entry, false, &members, &conflicts, &votes, None, rules());
        assert!(!below.recognition.carried());
        // The meeting's tally stands instead of the online votes.
        let tally = Tally {
            members: 3,
            present: 3,
            for_votes: 0,
            against: 3,
            abstain: 0,
        };
        let met = standing(entry, true, &members, &conflicts, &votes, Some((tally, tally)), rules());
        assert!(met.from_meeting && !met.recognition.carried());
        assert_eq!(met.recognise, tally);
    }
}
