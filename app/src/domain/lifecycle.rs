//! The life of a round: draft → open for entries → screening → judging →
//! deliberation → decided → published → archived. Each move is an explicit
//! act of the round's secretary or an administrator, allowed only when its
//! guard holds; a refusal says why in plain words. A few moves go back,
//! always with a reason.

use serde::{Deserialize, Serialize};

use super::text::clean_paragraphs;
use super::time::Timestamp;
use super::validation::FieldError;

/// Where a round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RoundState {
    /// Being configured; invisible to the public.
    Draft,
    /// Taking entries (between its opening and closing dates).
    Open,
    /// The secretariat checks the dossiers.
    Screening,
    /// Jurors score the eligible entries.
    Judging,
    /// The council sees the results and votes.
    Deliberation,
    /// The decision is recorded; certificates are issued.
    Decided,
    /// Results are public.
    Published,
    /// Closed for good; still public.
    Archived,
}

impl RoundState {
    /// Every state, in order.
    pub const ALL: [RoundState; 8] = [
        RoundState::Draft,
        RoundState::Open,
        RoundState::Screening,
        RoundState::Judging,
        RoundState::Deliberation,
        RoundState::Decided,
        RoundState::Published,
        RoundState::Archived,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            RoundState::Draft => "draft",
            RoundState::Open => "open",
            RoundState::Screening => "screening",
            RoundState::Judging => "judging",
            RoundState::Deliberation => "deliberation",
            RoundState::Decided => "decided",
            RoundState::Published => "published",
            RoundState::Archived => "archived",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<RoundState> {
        RoundState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the round's results, certificates and the photos of its
    /// recognised products are public (from publication on). The store's
    /// public queries name the same states.
    pub fn results_public(self) -> bool {
        self >= RoundState::Published
    }

    /// Whether the public home page lists rounds in this state.
    pub fn listed_publicly(self) -> bool {
        matches!(self, RoundState::Open | RoundState::Published)
    }

    fn next(self) -> Option<RoundState> {
        let i = RoundState::ALL.iter().position(|s| *s == self)?;
        RoundState::ALL.get(i + 1).copied()
    }
}

/// Which way a move goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// On along the flow.
    Forward,
    /// Back, to correct something; needs a reason.
    Back,
}

/// The moves the domain allows at all from `from` (whether a guard then
/// allows one is [`check_move`]'s business).
pub fn moves_from(from: RoundState) -> Vec<(RoundState, Direction)> {
    let mut moves = Vec::new();
    if let Some(next) = from.next() {
        moves.push((next, Direction::Forward));
    }
    let back = match from {
        RoundState::Open => Some(RoundState::Draft),
        RoundState::Screening => Some(RoundState::Open),
        RoundState::Judging => Some(RoundState::Screening),
        RoundState::Deliberation => Some(RoundState::Judging),
        RoundState::Decided => Some(RoundState::Deliberation),
        RoundState::Archived => Some(RoundState::Published),
        RoundState::Draft | RoundState::Published => None,
    };
    if let Some(back) = back {
        moves.push((back, Direction::Back));
    }
    moves
}

/// What the guards look at, gathered by the store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundFacts {
    /// Now.
    pub now: Timestamp,
    /// When entries close.
    pub entries_close: Timestamp,
    /// Secretaries assigned.
    pub secretaries: usize,
    /// Jurors assigned.
    pub jurors: usize,
    /// Council members assigned.
    pub council_members: usize,
    /// Entries submitted (beyond draft), whatever became of them.
    pub entries_submitted: usize,
    /// Submitted entries not yet accepted or found not eligible.
    pub entries_unscreened: usize,
    /// Entries accepted as eligible.
    pub entries_eligible: usize,
    /// Score sheets submitted.
    pub sheets_submitted: usize,
    /// Score sheets still expected.
    pub sheets_missing: usize,
    /// Whether the decision (number and date) is recorded.
    pub decision_recorded: bool,
    /// Entries recognised by the decision.
    pub entries_recognised: usize,
    /// Certificates issued.
    pub certificates_issued: usize,
}

/// Why a move is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MoveRefusal {
    /// The domain has no such move.
    #[error("no move from {from:?} to {to:?}")]
    NotAStep {
        /// Current state.
        from: RoundState,
        /// Asked-for state.
        to: RoundState,
    },
    /// Entries cannot open: their closing date has passed.
    #[error("the entries deadline has passed")]
    DeadlinePassed {
        /// The deadline.
        close: Timestamp,
    },
    /// Nobody would run the round.
    #[error("no secretary assigned")]
    NoSecretary,
    /// Screening starts only after the entries deadline.
    #[error("entries are still open")]
    DeadlineNotReached {
        /// The deadline.
        close: Timestamp,
    },
    /// Some submitted entries are not screened yet.
    #[error("{count} entries are not screened")]
    EntriesUnscreened {
        /// How many.
        count: usize,
    },
    /// No entry was found eligible: there is nothing to judge.
    #[error("no eligible entries")]
    NoEligibleEntries,
    /// No juror is assigned.
    #[error("no jurors assigned")]
    NoJurors,
    /// Score sheets are missing and no reason was recorded.
    #[error("{count} score sheets are missing")]
    SheetsMissing {
        /// How many.
        count: usize,
    },
    /// No council member is assigned.
    #[error("no council members assigned")]
    NoCouncil,
    /// The decision is not recorded yet.
    #[error("the decision is not recorded")]
    DecisionMissing,
    /// Recognised entries still lack certificates.
    #[error("{count} certificates are missing")]
    CertificatesMissing {
        /// How many.
        count: usize,
    },
    /// Entries have been submitted: the round cannot become a draft.
    #[error("{count} entries have been submitted")]
    EntriesExist {
        /// How many.
        count: usize,
    },
    /// Reopening entries needs a closing date in the future first.
    #[error("the entries deadline must be moved first")]
    DeadlineNotExtended,
    /// Score sheets exist: judging cannot go back to screening.
    #[error("{count} score sheets are submitted")]
    SheetsExist {
        /// How many.
        count: usize,
    },
    /// The decision is recorded: deliberation cannot reopen judging.
    #[error("the decision is recorded")]
    DecisionExists,
    /// Certificates are issued: the decision cannot be reopened.
    #[error("{count} certificates are issued")]
    CertificatesExist {
        /// How many.
        count: usize,
    },
    /// This move needs a reason.
    #[error("a reason is required")]
    ReasonRequired,
}

/// Checks a reason typed for a move: up to 1,000 characters.
pub fn check_reason(raw: &str) -> Result<Option<String>, FieldError> {
    clean_paragraphs("reason", raw, 1000, false)
}

/// Whether the round may move from `from` to `to` now. `reason` is the
/// (checked) reason given, required for every move back and for closing
/// judging while score sheets are missing.
pub fn check_move(
    from: RoundState,
    to: RoundState,
    facts: &RoundFacts,
    reason: Option<&str>,
) -> Result<(), MoveRefusal> {
    let direction = moves_from(from)
        .into_iter()
        .find(|(state, _)| *state == to)
        .map(|(_, d)| d)
        .ok_or(MoveRefusal::NotAStep { from, to })?;
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if direction == Direction::Back && !has_reason {
        return Err(MoveRefusal::ReasonRequired);
    }
    use RoundState::*;
    let f = facts;
    let refusal = match (from, to) {
        (Draft, Open) if f.now >= f.entries_close => Some(MoveRefusal::DeadlinePassed { close: f.entries_close }),
        (Draft, Open) if f.secretaries == 0 => Some(MoveRefusal::NoSecretary),
        (Open, Screening) if f.now < f.entries_close => {
            Some(MoveRefusal::DeadlineNotReached { close: f.entries_close })
        }
        (Screening, Judging) if f.entries_unscreened > 0 => Some(MoveRefusal::EntriesUnscreened {
            count: f.entries_unscreened,
        }),
        (Screening, Judging) if f.entries_eligible == 0 => Some(MoveRefusal::NoEligibleEntries),
        (Screening, Judging) if f.jurors == 0 => Some(MoveRefusal::NoJurors),
        (Judging, Deliberation) if f.sheets_missing > 0 && !has_reason => Some(MoveRefusal::SheetsMissing {
            count: f.sheets_missing,
        }),
        (Judging, Deliberation) if f.council_members == 0 => Some(MoveRefusal::NoCouncil),
        (Deliberation, Decided) if !f.decision_recorded => Some(MoveRefusal::DecisionMissing),
        (Decided, Published) if f.entries_recognised > f.certificates_issued => {
            Some(MoveRefusal::CertificatesMissing {
                count: f.entries_recognised - f.certificates_issued,
            })
        }
        (Open, Draft) if f.entries_submitted > 0 => Some(MoveRefusal::EntriesExist {
            count: f.entries_submitted,
        }),
        (Screening, Open) if f.now >= f.entries_close => Some(MoveRefusal::DeadlineNotExtended),
        (Judging, Screening) if f.sheets_submitted > 0 => Some(MoveRefusal::SheetsExist {
            count: f.sheets_submitted,
        }),
        (Deliberation, Judging) if f.decision_recorded => Some(MoveRefusal::DecisionExists),
        (Decided, Deliberation) if f.certificates_issued > 0 => Some(MoveRefusal::CertificatesExist {
            count: f.certificates_issued,
        }),
        _ => None,
    };
    match refusal {
        Some(refusal) => Err(refusal),
        None => Ok(()),
    }
}

/// Whether entries may be submitted now: the round is open and the
/// instant lies within its window. Enforced on the server.
pub fn entries_accepted(state: RoundState, open: Timestamp, close: Timestamp, now: Timestamp) -> bool {
    state == RoundState::Open && now >= open && now < close
}

#[cfg(test)]
mod tests {
    use super::*;
    use RoundState::*;

    const CLOSE: Timestamp = Timestamp(1_800_000_000_000);

    fn facts() -> RoundFacts {
        RoundFacts {
            now: CLOSE.plus_secs(-86_400),
            entries_close: CLOSE,
            secretaries: 1,
            jurors: 2,
            council_members: 3,
            ..RoundFacts::default()
        }
    }

    #[test]
    fn the_flow_goes_forward_one_step_at_a_time() {
        for pair in RoundState::ALL.windows(2) {
            assert!(moves_from(pair[0]).contains(&(pair[1], Direction::Forward)));
        }
        assert_eq!(
            check_move(Draft, Judging, &facts(), None),
            Err(MoveRefusal::NotAStep {
                from: Draft,
                to: Judging
            })
        );
        assert_eq!(
            check_move(Published, Decided, &facts(), Some("lỗi")),
            Err(MoveRefusal::NotAStep {
                from: Published,
                to: Decided
            })
        );
        assert!(moves_from(Draft).iter().all(|(_, d)| *d == Direction::Forward));
    }

    #[test]
    fn opening_needs_a_secretary_and_a_future_deadline() {
        assert_eq!(check_move(Draft, Open, &facts(), None), Ok(()));
        let mut f = facts();
        f.secretaries = 0;
        assert_eq!(check_move(Draft, Open, &f, None), Err(MoveRefusal::NoSecretary));
        let mut f = facts();
        f.now = CLOSE;
        assert_eq!(
            check_move(Draft, Open, &f, None),
            Err(MoveRefusal::DeadlinePassed { close: CLOSE })
        );
    }

    #[test]
    fn screening_starts_after_the_deadline() {
        assert_eq!(
            check_move(Open, Screening, &facts(), None),
            Err(MoveRefusal::DeadlineNotReached { close: CLOSE })
        );
        let mut f = facts();
        f.now = CLOSE;
        assert_eq!(check_move(Open, Screening, &f, None), Ok(()));
    }

    #[test]
    fn judging_needs_every_entry_screened_and_jurors() {
        let mut f = facts();
        f.entries_unscreened = 3;
        f.entries_eligible = 10;
        assert_eq!(
            check_move(Screening, Judging, &f, None),
            Err(MoveRefusal::EntriesUnscreened { count: 3 })
        );
        f.entries_unscreened = 0;
        f.jurors = 0;
        assert_eq!(check_move(Screening, Judging, &f, None), Err(MoveRefusal::NoJurors));
        f.jurors = 1;
        assert_eq!(check_move(Screening, Judging, &f, None), Ok(()));
        f.entries_eligible = 0;
        assert_eq!(
            check_move(Screening, Judging, &f, None),
            Err(MoveRefusal::NoEligibleEntries)
        );
    }

    #[test]
    fn missing_sheets_need_a_recorded_reason() {
        let mut f = facts();
        f.sheets_missing = 2;
        assert_eq!(
            check_move(Judging, Deliberation, &f, None),
            Err(MoveRefusal::SheetsMissing { count: 2 })
        );
        assert_eq!(
            check_move(Judging, Deliberation, &f, Some("  ")),
            Err(MoveRefusal::SheetsMissing { count: 2 })
        );
        assert_eq!(check_move(Judging, Deliberation, &f, Some("Giám khảo ốm")), Ok(()));
        f.council_members = 0;
        assert_eq!(
            check_move(Judging, Deliberation, &f, Some("x")),
            Err(MoveRefusal::NoCouncil)
        );
    }

    #[test]
    fn decisions_and_certificates_gate_the_end() {
        assert_eq!(
            check_move(Deliberation, Decided, &facts(), None),
            Err(MoveRefusal::DecisionMissing)
        );
        let mut f = facts();
        f.decision_recorded = true;
        f.entries_recognised = 20;
        f.certificates_issued = 18;
        assert_eq!(check_move(Deliberation, Decided, &f, None), Ok(()));
        assert_eq!(
            check_move(Decided, Published, &f, None),
            Err(MoveRefusal::CertificatesMissing { count: 2 })
        );
        f.certificates_issued = 20;
        assert_eq!(check_move(Decided, Published, &f, None), Ok(()));
        assert_eq!(check_move(Published, Archived, &f, None), Ok(()));
    }

    #[test]
    fn moving_back_needs_a_reason_and_the_domain_s_leave() {
        assert_eq!(
            check_move(Open, Draft, &facts(), None),
            Err(MoveRefusal::ReasonRequired)
        );
        assert_eq!(check_move(Open, Draft, &facts(), Some("Sửa tiêu chí")), Ok(()));
        let mut f = facts();
        f.entries_submitted = 4;
        assert_eq!(
            check_move(Open, Draft, &f, Some("x")),
            Err(MoveRefusal::EntriesExist { count: 4 })
        );
        let mut f = facts();
        f.now = CLOSE;
        assert_eq!(
            check_move(Screening, Open, &f, Some("Gia hạn")),
            Err(MoveRefusal::DeadlineNotExtended)
        );
        f.entries_close = CLOSE.plus_secs(86_400);
        assert_eq!(check_move(Screening, Open, &f, Some("Gia hạn")), Ok(()));
        let mut f = facts();
        f.sheets_submitted = 1;
        assert_eq!(
            check_move(Judging, Screening, &f, Some("x")),
            Err(MoveRefusal::SheetsExist { count: 1 })
        );
        f.decision_recorded = true;
        assert_eq!(
            check_move(Deliberation, Judging, &f, Some("x")),
            Err(MoveRefusal::DecisionExists)
        );
        f.certificates_issued = 1;
        assert_eq!(
            check_move(Decided, Deliberation, &f, Some("x")),
            Err(MoveRefusal::CertificatesExist { count: 1 })
        );
        assert_eq!(check_move(Archived, Published, &f, Some("Mở lại")), Ok(()));
    }

    #[test]
    fn entries_are_accepted_only_inside_the_window_of_an_open_round() {
        let open = CLOSE.plus_secs(-1000);
        assert!(entries_accepted(Open, open, CLOSE, CLOSE.plus_secs(-1)));
        assert!(
            !entries_accepted(Open, open, CLOSE, CLOSE),
            "one instant after the deadline is too late"
        );
        assert!(!entries_accepted(Open, open, CLOSE, open.plus_secs(-1)));
        assert!(!entries_accepted(Draft, open, CLOSE, CLOSE.plus_secs(-1)));
    }

    #[test]
    fn codes_round_trip_and_only_open_or_published_rounds_are_listed() {
        for s in RoundState::ALL {
            assert_eq!(RoundState::from_code(s.code()), Some(s));
        }
        let listed: Vec<_> = RoundState::ALL.into_iter().filter(|s| s.listed_publicly()).collect();
        assert_eq!(listed, [Open, Published]);
    }
}
