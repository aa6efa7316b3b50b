//! Nomination upward (đề cử lên cấp trên): after the decision, the entries
//! the council nominated go on to a round of a higher level. One dossier
//! serves every level ("hồ sơ liên thông"): the entry arrives in the
//! parent round with its dossier and its certificate, and the parent
//! round's secretariat screens it like any other. A lower-level
//! certificate that is no longer valid blocks it, both when it is sent and
//! when it is accepted.

use serde::{Deserialize, Serialize};

use super::certificate::CertificateStatus;
use super::lifecycle::RoundState;

/// Why an entry cannot be sent to the parent round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NominationRefusal {
    /// The round has no decision yet: nothing is nominated.
    #[error("the round is not decided")]
    NotDecided,
    /// No parent round was chosen, or it is not in this installation.
    #[error("no parent round")]
    NoParentRound,
    /// The parent round is not of a higher level.
    #[error("the parent round is not of a higher level")]
    ParentLevelTooLow,
    /// The parent round is not receiving entries (open or screening).
    #[error("the parent round is not receiving entries")]
    ParentNotReceiving,
    /// The council did not nominate the entry.
    #[error("the entry was not nominated")]
    NotNominated,
    /// The entry was sent already.
    #[error("the entry was sent already")]
    AlreadySent,
    /// The entry has no certificate.
    #[error("the entry has no certificate")]
    NoCertificate,
    /// Its certificate has expired.
    #[error("the certificate has expired")]
    CertificateExpired,
    /// Its certificate was revoked.
    #[error("the certificate was revoked")]
    CertificateRevoked,
    /// The parent round has no product group of the entry's number.
    #[error("the parent round lacks the entry's product group")]
    GroupMissing,
    /// Nothing was chosen.
    #[error("no entry chosen")]
    NothingChosen,
}

impl NominationRefusal {
    /// Every refusal.
    pub const ALL: [NominationRefusal; 11] = [
        NominationRefusal::NotDecided,
        NominationRefusal::NoParentRound,
        NominationRefusal::ParentLevelTooLow,
        NominationRefusal::ParentNotReceiving,
        NominationRefusal::NotNominated,
        NominationRefusal::AlreadySent,
        NominationRefusal::NoCertificate,
        NominationRefusal::CertificateExpired,
        NominationRefusal::CertificateRevoked,
        NominationRefusal::GroupMissing,
        NominationRefusal::NothingChosen,
    ];
}

/// Whether a round has fixed its results, so that its nominees are known.
pub fn results_fixed(state: RoundState) -> bool {
    matches!(
        state,
        RoundState::Decided | RoundState::Published | RoundState::Archived
    )
}

/// Whether a round takes nominated entries in: while it is open and while
/// its secretariat screens (a nomination is screened like any entry).
pub fn receives_nominations(state: RoundState) -> bool {
    matches!(state, RoundState::Open | RoundState::Screening)
}

/// Whether a round of level rank `parent_rank`, in state `parent_state`,
/// may receive the nominees of a round of rank `rank` in state `state`.
pub fn check_parent(
    state: RoundState,
    rank: i64,
    parent_state: RoundState,
    parent_rank: i64,
) -> Result<(), NominationRefusal> {
    if !results_fixed(state) {
        return Err(NominationRefusal::NotDecided);
    }
    if parent_rank <= rank {
        return Err(NominationRefusal::ParentLevelTooLow);
    }
    if !receives_nominations(parent_state) {
        return Err(NominationRefusal::ParentNotReceiving);
    }
    Ok(())
}

/// What is known about one entry to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The council nominated it (as fixed by the decision).
    pub nominated: bool,
    /// It was sent already.
    pub sent: bool,
    /// Its certificate's status now, if it has one.
    pub certificate: Option<CertificateStatus>,
    /// The parent round has its product group.
    pub group_in_parent: bool,
}

/// Whether one entry may be sent (the parent round being checked by
/// [`check_parent`]).
pub fn check_candidate(c: Candidate) -> Result<(), NominationRefusal> {
    if !c.nominated {
        return Err(NominationRefusal::NotNominated);
    }
    if c.sent {
        return Err(NominationRefusal::AlreadySent);
    }
    match c.certificate {
        None => return Err(NominationRefusal::NoCertificate),
        Some(status) => carried_certificate(status)?,
    }
    if !c.group_in_parent {
        return Err(NominationRefusal::GroupMissing);
    }
    Ok(())
}

/// Whether a lower-level certificate still carries its entry: only while
/// valid. Checked when the entry is sent and when the parent round's
/// secretariat accepts it.
pub fn carried_certificate(status: CertificateStatus) -> Result<(), NominationRefusal> {
    match status {
        CertificateStatus::Valid => Ok(()),
        CertificateStatus::Expired => Err(NominationRefusal::CertificateExpired),
        CertificateStatus::Revoked => Err(NominationRefusal::CertificateRevoked),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RoundState::*;

    const GOOD: Candidate = Candidate {
        nominated: true,
        sent: false,
        certificate: Some(CertificateStatus::Valid),
        group_in_parent: true,
    };

    #[test]
    fn a_decided_round_sends_to_a_higher_round_that_receives() {
        assert_eq!(check_parent(Decided, 2, Open, 4), Ok(()));
        assert_eq!(check_parent(Published, 2, Screening, 3), Ok(()));
        assert_eq!(check_parent(Archived, 3, Open, 4), Ok(()));
    }

    #[test]
    fn nothing_goes_up_before_the_decision() {
        for state in [Draft, Open, Screening, Judging, Deliberation] {
            assert_eq!(
                check_parent(state, 2, Open, 4),
                Err(NominationRefusal::NotDecided),
                "{state:?}"
            );
        }
    }

    #[test]
    fn the_parent_must_be_higher_and_receiving() {
        assert_eq!(
            check_parent(Decided, 2, Open, 2),
            Err(NominationRefusal::ParentLevelTooLow)
        );
        assert_eq!(
            check_parent(Decided, 3, Open, 2),
            Err(NominationRefusal::ParentLevelTooLow)
        );
        for state in [Draft, Judging, Deliberation, Decided, Published, Archived] {
            assert_eq!(
                check_parent(Decided, 2, state, 4),
                Err(NominationRefusal::ParentNotReceiving),
                "{state:?}"
            );
        }
    }

    #[test]
    fn only_nominated_entries_with_a_valid_certificate_go_once() {
        assert_eq!(check_candidate(GOOD), Ok(()));
        let cases = [
            (
                Candidate {
                    nominated: false,
                    ..GOOD
                },
                NominationRefusal::NotNominated,
            ),
            (Candidate { sent: true, ..GOOD }, NominationRefusal::AlreadySent),
            (
                Candidate {
                    certificate: None,
                    ..GOOD
                },
                NominationRefusal::NoCertificate,
            ),
            (
                Candidate {
                    certificate: Some(CertificateStatus::Expired),
                    ..GOOD
                },
                NominationRefusal::CertificateExpired,
            ),
            (
                Candidate {
                    certificate: Some(CertificateStatus::Revoked),
                    ..GOOD
                },
                NominationRefusal::CertificateRevoked,
            ),
            (
                Candidate {
                    group_in_parent: false,
                    ..GOOD
                },
                NominationRefusal::GroupMissing,
            ),
        ];
        for (candidate, refusal) in cases {
            assert_eq!(check_candidate(candidate), Err(refusal), "{candidate:?}");
        }
    }

    #[test]
    fn an_expired_or_revoked_lower_certificate_blocks_acceptance() {
        assert_eq!(carried_certificate(CertificateStatus::Valid), Ok(()));
        assert_eq!(
            carried_certificate(CertificateStatus::Expired),
            Err(NominationRefusal::CertificateExpired)
        );
        assert_eq!(
            carried_certificate(CertificateStatus::Revoked),
            Err(NominationRefusal::CertificateRevoked)
        );
    }
}
