//! The council's vote on the entries that reach the threshold: ballots cast
//! online or a tally recorded from the meeting, and the one function that
//! turns a tally into an outcome under the round's quorum, majority and tie
//! rules (domain: "The council, the jury, the decision").

use serde::{Deserialize, Serialize};

/// One member's answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ballot {
    /// In favour.
    For,
    /// Against.
    Against,
    /// Abstaining.
    Abstain,
}

impl Ballot {
    /// Every ballot, in the order forms show them.
    pub const ALL: [Ballot; 3] = [Ballot::For, Ballot::Against, Ballot::Abstain];

    /// Stable code for storage and forms.
    pub fn code(self) -> &'static str {
        match self {
            Ballot::For => "for",
            Ballot::Against => "against",
            Ballot::Abstain => "abstain",
        }
    }

    /// The ballot of a code.
    pub fn from_code(code: &str) -> Option<Ballot> {
        Ballot::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// A member's vote on one entry: whether to recognise it, and, when
/// recognised, whether to nominate it to the next level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// On recognition.
    pub recognise: Ballot,
    /// On nomination to the next level (`None`: not asked, or left blank).
    pub nominate: Option<Ballot>,
}

/// The count of one question's vote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Members who may vote on the entry (the council less those in
    /// conflict with it).
    pub members: u32,
    /// Members present (online: those who voted).
    pub present: u32,
    /// Votes in favour.
    pub for_votes: u32,
    /// Votes against.
    pub against: u32,
    /// Abstentions.
    pub abstain: u32,
}

/// Why a tally cannot be right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TallyProblem {
    /// More members present than may vote.
    MorePresentThanMembers,
    /// More votes than members present.
    MoreVotesThanPresent,
}

impl TallyProblem {
    /// Every problem (for message coverage tests).
    pub const ALL: [TallyProblem; 2] = [TallyProblem::MorePresentThanMembers, TallyProblem::MoreVotesThanPresent];

    /// Stable code (message keys).
    pub fn code(self) -> &'static str {
        match self {
            TallyProblem::MorePresentThanMembers => "more-present-than-members",
            TallyProblem::MoreVotesThanPresent => "more-votes-than-present",
        }
    }
}

/// Checks a tally recorded from a meeting.
pub fn check_tally(tally: &Tally) -> Result<(), TallyProblem> {
    if tally.present > tally.members {
        return Err(TallyProblem::MorePresentThanMembers);
    }
    let votes = u64::from(tally.for_votes) + u64::from(tally.against) + u64::from(tally.abstain);
    if votes > u64::from(tally.present) {
        return Err(TallyProblem::MoreVotesThanPresent);
    }
    Ok(())
}

/// Counts online ballots: each member who voted counts as present.
pub fn count(members: u32, ballots: impl IntoIterator<Item = Ballot>) -> Tally {
    let mut tally = Tally {
        members,
        ..Tally::default()
    };
    for ballot in ballots {
        tally.present += 1;
        match ballot {
            Ballot::For => tally.for_votes += 1,
            Ballot::Against => tally.against += 1,
            Ballot::Abstain => tally.abstain += 1,
        }
    }
    tally
}

/// The round's voting rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRules {
    /// Percent of the members that must be present.
    pub quorum_percent: i64,
    /// Percent of the members present that "for" votes must exceed.
    pub majority_percent: i64,
    /// Whether "for" votes exactly at the majority carry (default: no).
    pub tie_carries: bool,
}

/// What a vote decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Carried.
    Carried,
    /// Not carried: not enough votes in favour.
    NotCarried,
    /// Not carried: "for" votes exactly at the majority, and a tie does
    /// not carry in this round.
    Tied,
    /// No decision: too few members present.
    NoQuorum,
    /// No vote: the entry's official score is below the threshold.
    BelowThreshold,
}

impl Outcome {
    /// Whether the question was answered yes.
    pub fn carried(self) -> bool {
        self == Outcome::Carried
    }

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Carried => "carried",
            Outcome::NotCarried => "not-carried",
            Outcome::Tied => "tied",
            Outcome::NoQuorum => "no-quorum",
            Outcome::BelowThreshold => "below-threshold",
        }
    }
}

/// The outcome of a vote on recognising an entry, or on nominating a
/// recognised one: nothing below the threshold is carried; without a
/// quorum nothing is decided; otherwise "for" votes must exceed the
/// majority of the members present, and exactly the majority follows the
/// round's tie rule.
pub fn outcome(tally: &Tally, rules: VoteRules, reaches_threshold: bool) -> Outcome {
    if !reaches_threshold {
        return Outcome::BelowThreshold;
    }
    let present = i128::from(tally.present);
    if tally.present == 0 || present * 100 < i128::from(rules.quorum_percent) * i128::from(tally.members) {
        return Outcome::NoQuorum;
    }
    let support = i128::from(tally.for_votes) * 100;
    let needed = i128::from(rules.majority_percent) * present;
    match support.cmp(&needed) {
        std::cmp::Ordering::Greater => Outcome::Carried,
        std::cmp::Ordering::Equal if rules.tie_carries => Outcome::Carried,
        std::cmp::Ordering::Equal => Outcome::Tied,
        std::cmp::Ordering::Less => Outcome::NotCarried,
    }
}

/// Whether an entry is nominated: recognised, and its nomination carried.
pub fn nominated(recognition: Outcome, nomination: Outcome) -> bool {
    recognition.carried() && nomination.carried()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SIMPLE: VoteRules = VoteRules {
        quorum_percent: 50,
        majority_percent: 50,
        tie_carries: false,
    };

    fn tally(members: u32, for_votes: u32, against: u32, abstain: u32) -> Tally {
        Tally {
            members,
            present: for_votes + against + abstain,
            for_votes,
            against,
            abstain,
        }
    }

    #[test]
    fn a_simple_majority_of_those_present_carries() {
        assert_eq!(outcome(&tally(8, 5, 3, 0), SIMPLE, true), Outcome::Carried);
        assert_eq!(outcome(&tally(8, 3, 5, 0), SIMPLE, true), Outcome::NotCarried);
        // Long An 2016: unanimous among 8.
        assert_eq!(outcome(&tally(8, 8, 0, 0), SIMPLE, true), Outcome::Carried);
        // Abstentions count among those present.
        assert_eq!(outcome(&tally(9, 4, 1, 4), SIMPLE, true), Outcome::NotCarried);
    }

    #[test]
    fn a_tie_follows_the_rounds_rule() {
        assert_eq!(outcome(&tally(8, 4, 4, 0), SIMPLE, true), Outcome::Tied);
        assert!(!Outcome::Tied.carried(), "by default a tie does not recognise");
        let generous = VoteRules {
            tie_carries: true,
            ..SIMPLE
        };
        assert_eq!(outcome(&tally(8, 4, 4, 0), generous, true), Outcome::Carried);
    }

    #[test]
    fn without_a_quorum_nothing_is_decided() {
        assert_eq!(outcome(&tally(10, 4, 0, 0), SIMPLE, true), Outcome::NoQuorum);
        assert_eq!(
            outcome(&tally(10, 5, 0, 0), SIMPLE, true),
            Outcome::Carried,
            "exactly the quorum"
        );
        assert_eq!(outcome(&tally(10, 0, 0, 0), SIMPLE, true), Outcome::NoQuorum);
        let two_thirds = VoteRules {
            quorum_percent: 67,
            majority_percent: 66,
            tie_carries: false,
        };
        assert_eq!(outcome(&tally(12, 7, 0, 0), two_thirds, true), Outcome::NoQuorum);
        assert_eq!(outcome(&tally(12, 5, 4, 0), two_thirds, true), Outcome::NotCarried);
        // 6 of 9 present is 66,7 %: above 66 %.
        assert_eq!(outcome(&tally(12, 6, 3, 0), two_thirds, true), Outcome::Carried);
        assert_eq!(outcome(&tally(12, 7, 2, 0), two_thirds, true), Outcome::Carried);
    }

    #[test]
    fn below_the_threshold_nothing_is_carried() {
        assert_eq!(outcome(&tally(8, 8, 0, 0), SIMPLE, false), Outcome::BelowThreshold);
    }

    #[test]
    fn nomination_needs_recognition() {
        assert!(nominated(Outcome::Carried, Outcome::Carried));
        assert!(!nominated(Outcome::NotCarried, Outcome::Carried));
        assert!(!nominated(Outcome::Carried, Outcome::Tied));
    }

    #[test]
    fn tallies_are_checked() {
        assert_eq!(check_tally(&tally(8, 5, 3, 0)), Ok(()));
        let too_many = Tally {
            members: 8,
            present: 6,
            for_votes: 5,
            against: 2,
            abstain: 0,
        };
        assert_eq!(check_tally(&too_many), Err(TallyProblem::MoreVotesThanPresent));
        let crowd = Tally {
            members: 8,
            present: 9,
            ..Tally::default()
        };
        assert_eq!(check_tally(&crowd), Err(TallyProblem::MorePresentThanMembers));
    }

    #[test]
    fn online_ballots_are_counted() {
        let t = count(9, [Ballot::For, Ballot::For, Ballot::Against, Ballot::Abstain]);
        assert_eq!(t, tally(9, 2, 1, 1));
        assert_eq!(check_tally(&t), Ok(()));
        for b in Ballot::ALL {
            assert_eq!(Ballot::from_code(b.code()), Some(b));
        }
        assert_eq!(Ballot::from_code("maybe"), None);
    }

    proptest! {
        /// More support never turns a carried vote into a lost one.
        #[test]
        fn more_support_never_hurts(members in 1u32..30, f in 0u32..30, a in 0u32..30, quorum in 0i64..=100, majority in 0i64..100, tie in any::<bool>()) {
            let rules = VoteRules { quorum_percent: quorum, majority_percent: majority, tie_carries: tie };
            let present = (f + a).min(members);
            let f = f.min(present);
            let before = Tally { members, present, for_votes: f, against: present - f, abstain: 0 };
            if f < present {
                let after = Tally { for_votes: f + 1, against: present - f - 1, ..before };
                let (was, is) = (outcome(&before, rules, true).carried(), outcome(&after, rules, true).carried());
                prop_assert!(is || !was, "one more vote in favour lost a carried vote");
            }
        }
    }
}
