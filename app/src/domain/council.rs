//! The council's vote on the entries that reach the threshold: ballots cast
//! online or a tally recorded from the meeting, and the one function that
//! turns a tally into an outcome under the round's quorum, majority and tie
//! rules (domain: "The council, the jury, the decision").

use serde::{Deserialize, Serialize};

use super::validation::{FieldError, Problem};

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
    /// Every outcome (for message coverage tests).
    pub const ALL: [Outcome; 5] = [
        Outcome::Carried,
        Outcome::NotCarried,
        Outcome::Tied,
        Outcome::NoQuorum,
        Outcome::BelowThreshold,
    ];

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

/// The counts that stand for an entry: the tally of the meeting's vote
/// when the secretariat recorded one, otherwise the members' online
/// ballots (`members` may vote on it). A member who answers the first
/// question and leaves the second blank counts as abstaining on it.
pub fn standing_counts(members: u32, meeting: Option<(Tally, Tally)>, votes: &[Vote]) -> (Tally, Tally) {
    if let Some(meeting) = meeting {
        return meeting;
    }
    let recognise = count(members, votes.iter().map(|v| v.recognise));
    let nominate = count(members, votes.iter().map(|v| v.nominate.unwrap_or(Ballot::Abstain)));
    (recognise, nominate)
}

/// Checks both counts of a meeting's vote, naming the form field at fault:
/// `present`, `recognise_for` or `nominate_for`.
pub fn check_meeting(recognise: &Tally, nominate: &Tally) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    for (tally, field) in [(recognise, "recognise_for"), (nominate, "nominate_for")] {
        match check_tally(tally) {
            Ok(()) => {}
            Err(TallyProblem::MorePresentThanMembers) => {
                if !errors.iter().any(|e: &FieldError| e.field == "present") {
                    errors.push(FieldError::new("present", Problem::MorePresentThanMembers));
                }
            }
            Err(TallyProblem::MoreVotesThanPresent) => {
                errors.push(FieldError::new(field, Problem::MoreVotesThanPresent));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What gets a certificate: each recognised entry on its own, except that
/// the recognised entries of a set share one certificate, held by the
/// first of them. A set with a single recognised entry certifies that
/// entry alone. `recognised` is in certificate order; `sets` lists each
/// set's entries in their order. Returns (holder, set) in certificate
/// order.
pub fn certified_units<E, S>(recognised: &[E], sets: &[(S, Vec<E>)]) -> Vec<(E, Option<S>)>
where
    E: Copy + PartialEq,
    S: Clone,
{
    let mut units = Vec::new();
    for entry in recognised {
        let set = sets.iter().find(|(_, members)| members.contains(entry));
        match set {
            None => units.push((*entry, None)),
            Some((set, members)) => {
                let held: Vec<E> = members.iter().copied().filter(|m| recognised.contains(m)).collect();
                if held.len() < 2 {
                    units.push((*entry, None));
                } else if held.first() == Some(entry) {
                    units.push((*entry, Some(set.clone())));
                }
            }
        }
    }
    units
}

/// Why an act of the council is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CouncilRefusal {
    /// Only the round's council members vote.
    #[error("not a council member of the round")]
    NotAMember,
    /// Votes, tallies and the decision belong to deliberation.
    #[error("the council is not deliberating")]
    NotDeliberating,
    /// The decision is recorded: nothing of the vote changes any more.
    #[error("the decision is recorded")]
    Decided,
    /// The entry's official score is below the threshold.
    #[error("below the threshold")]
    BelowThreshold,
    /// The member declared a tie with the entry's business (or owns it).
    #[error("in conflict with the entry")]
    Conflicted,
    /// The entry was not recognised: it has no certificate.
    #[error("not recognised")]
    NotRecognised,
    /// A set (bộ sản phẩm) needs recognised entries of one business.
    #[error("a set needs two or more recognised entries of one business")]
    BadSet,
    /// Entries reaching the threshold have no outcome yet (no quorum).
    #[error("votes are missing")]
    VotesMissing,
    /// Entrants read their scores once the results are published.
    #[error("the results are not published yet")]
    NotPublished,
    /// The certificate was revoked: it is no longer issued as a document.
    #[error("the certificate was revoked")]
    CertificateRevoked,
    /// The secretary represents the entry's business: they may not record
    /// the meeting's vote on it.
    #[error("tied to the business")]
    TiedToBusiness,
}

impl CouncilRefusal {
    /// Every refusal (for message coverage tests).
    pub const ALL: [CouncilRefusal; 11] = [
        CouncilRefusal::NotAMember,
        CouncilRefusal::NotDeliberating,
        CouncilRefusal::Decided,
        CouncilRefusal::BelowThreshold,
        CouncilRefusal::Conflicted,
        CouncilRefusal::NotRecognised,
        CouncilRefusal::BadSet,
        CouncilRefusal::VotesMissing,
        CouncilRefusal::NotPublished,
        CouncilRefusal::CertificateRevoked,
        CouncilRefusal::TiedToBusiness,
    ];
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

    #[test]
    fn a_meeting_tally_stands_instead_of_the_online_ballots() {
        let votes = [
            Vote {
                recognise: Ballot::For,
                nominate: Some(Ballot::For),
            },
            Vote {
                recognise: Ballot::Against,
                nominate: None,
            },
        ];
        let (r, n) = standing_counts(5, None, &votes);
        assert_eq!(r, tally(5, 1, 1, 0));
        assert_eq!(n, tally(5, 1, 0, 1), "a blank second answer abstains");
        let meeting = (tally(5, 4, 0, 0), tally(5, 2, 2, 0));
        assert_eq!(standing_counts(5, Some(meeting), &votes), meeting);
    }

    #[test]
    fn a_meeting_tally_names_the_field_to_fix() {
        assert_eq!(check_meeting(&tally(8, 5, 3, 0), &tally(8, 1, 7, 0)), Ok(()));
        let over = Tally {
            for_votes: 9,
            ..tally(8, 5, 3, 0)
        };
        let errors = check_meeting(&tally(8, 5, 3, 0), &over).unwrap_err();
        assert_eq!(errors, [FieldError::new("nominate_for", Problem::MoreVotesThanPresent)]);
        let crowd = Tally {
            members: 8,
            present: 9,
            ..Tally::default()
        };
        let errors = check_meeting(&crowd, &crowd).unwrap_err();
        assert_eq!(errors, [FieldError::new("present", Problem::MorePresentThanMembers)]);
    }

    #[test]
    fn a_set_shares_one_certificate_among_its_recognised_entries() {
        let sets = [("bộ A", vec![2, 4, 5]), ("bộ B", vec![7, 8])];
        // 5 was not recognised; 8 neither, so 7 stands alone.
        let units = certified_units(&[1, 2, 3, 4, 7], &sets);
        assert_eq!(units, [(1, None), (2, Some("bộ A")), (3, None), (7, None)]);
        assert_eq!(certified_units::<i32, &str>(&[], &sets), []);
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
