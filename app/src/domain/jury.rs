//! The jury's work on a round: who scores which entry (by product group,
//! with additions and removals per entry), conflicts of interest, which
//! sheets are expected, and who may see what while judging goes on.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::ids::{EntryId, GroupId, UserId};
use super::lifecycle::RoundState;
use super::text::clean_paragraphs;
use super::validation::FieldError;

/// How a juror is tied to an entering business.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tie {
    /// Owns or runs it.
    Owner,
    /// A relative of its owner or representative.
    Relative,
    /// Works for it.
    Employee,
    /// Advises it (consultant, trainer, supplier of know-how).
    Adviser,
    /// Some other tie, described in the note.
    Other,
}

impl Tie {
    /// Every kind, in the order of the form.
    pub const ALL: [Tie; 5] = [Tie::Owner, Tie::Relative, Tie::Employee, Tie::Adviser, Tie::Other];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Tie::Owner => "owner",
            Tie::Relative => "relative",
            Tie::Employee => "employee",
            Tie::Adviser => "adviser",
            Tie::Other => "other",
        }
    }

    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<Tie> {
        Tie::ALL.into_iter().find(|t| t.code() == code.trim())
    }
}

/// What a juror declared about an entry before seeing its dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Declaration {
    /// No tie to the business.
    NoTie,
    /// A tie: the juror does not score the entry.
    Tie {
        /// Which kind.
        tie: Tie,
        /// What it is, in the juror's (or secretary's) words.
        note: Option<String>,
    },
}

/// Longest note on a declared tie.
pub const TIE_NOTE_MAX: usize = 1000;

/// Checks a declaration as posted: `tie` is empty (or `none`) for no tie,
/// else one of [`Tie`]'s codes; "other" needs a note saying what it is.
pub fn check_declaration(tie: &str, note: &str) -> Result<Declaration, FieldError> {
    let note = clean_paragraphs("note", note, TIE_NOTE_MAX, false)?;
    match tie.trim() {
        "" | "none" => Ok(Declaration::NoTie),
        code => match Tie::from_code(code) {
            Some(Tie::Other) if note.is_none() => Err(FieldError::new("note", super::validation::Problem::Required)),
            Some(tie) => Ok(Declaration::Tie { tie, note }),
            None => Err(FieldError::new("tie", super::validation::Problem::NotAChoice)),
        },
    }
}

/// A change to one entry's jurors, made by the secretariat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Override {
    /// A juror who does not score the entry's group scores this entry.
    Added,
    /// A juror of the entry's group does not score this entry.
    Removed,
}

impl Override {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Override::Added => "added",
            Override::Removed => "removed",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Override> {
        match code {
            "added" => Some(Override::Added),
            "removed" => Some(Override::Removed),
            _ => None,
        }
    }
}

/// What decides who scores an entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Panel {
    /// Each juror of the round with the product groups they score.
    pub jurors: BTreeMap<UserId, BTreeSet<GroupId>>,
    /// Per entry, the secretariat's additions and removals.
    pub overrides: BTreeMap<EntryId, BTreeMap<UserId, Override>>,
}

impl Panel {
    /// The jurors assigned to an entry of `group`: those of its group,
    /// minus those removed from it, plus those added to it (who must still
    /// be jurors of the round).
    pub fn assigned(&self, entry: EntryId, group: Option<GroupId>) -> BTreeSet<UserId> {
        let overrides = self.overrides.get(&entry);
        self.jurors
            .iter()
            .filter(|(juror, groups)| {
                let by_group = group.is_some_and(|g| groups.contains(&g));
                match overrides.and_then(|o| o.get(juror)) {
                    Some(Override::Added) => true,
                    Some(Override::Removed) => false,
                    None => by_group,
                }
            })
            .map(|(juror, _)| *juror)
            .collect()
    }
}

/// Whether `juror` is in conflict with an entry: they declared a tie, or
/// their own account represents the entering business.
pub fn in_conflict(declaration: Option<&Declaration>, juror: UserId, business_owner: UserId) -> bool {
    juror == business_owner || matches!(declaration, Some(Declaration::Tie { .. }))
}

/// What a juror may do with an assigned entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JurorAccess {
    /// They must declare first; the dossier stays hidden until then.
    MustDeclare,
    /// In conflict: the entry is not theirs to see or score.
    Conflicted,
    /// They may read the dossier and score.
    Scores,
}

/// A juror's access to an entry they are assigned to.
pub fn juror_access(declaration: Option<&Declaration>, juror: UserId, business_owner: UserId) -> JurorAccess {
    if in_conflict(declaration, juror, business_owner) {
        JurorAccess::Conflicted
    } else if declaration.is_none() {
        JurorAccess::MustDeclare
    } else {
        JurorAccess::Scores
    }
}

/// The sheets a round expects: one per eligible entry and assigned
/// juror not in conflict with it.
pub fn expected_sheets(
    entries: impl IntoIterator<Item = (EntryId, Option<GroupId>, UserId)>,
    panel: &Panel,
    declarations: &BTreeMap<(EntryId, UserId), Declaration>,
) -> BTreeSet<(EntryId, UserId)> {
    let mut expected = BTreeSet::new();
    for (entry, group, owner) in entries {
        for juror in panel.assigned(entry, group) {
            if !in_conflict(declarations.get(&(entry, juror)), juror, owner) {
                expected.insert((entry, juror));
            }
        }
    }
    expected
}

/// Why an act of the jury's work is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum JudgingRefusal {
    /// The round is not in judging: sheets cannot change now.
    #[error("scoring is closed")]
    ScoringClosed,
    /// The sheet is submitted: only the secretariat can reopen it.
    #[error("the sheet is submitted")]
    SheetLocked,
    /// The sheet is not submitted, so there is nothing to reopen.
    #[error("the sheet is not submitted")]
    NotSubmitted,
    /// The juror must declare their ties to the business first.
    #[error("declare first")]
    DeclareFirst,
    /// The juror is in conflict with the entry.
    #[error("in conflict")]
    Conflicted,
    /// The juror has a sheet for the entry already.
    #[error("a sheet exists")]
    SheetExists,
    /// The person is not a juror of the round.
    #[error("not a juror")]
    NotAJuror,
    /// The panel can change only while screening and judging.
    #[error("the panel is closed")]
    PanelClosed,
    /// A declared tie is cleared only by the secretariat.
    #[error("only the secretariat clears a tie")]
    TieStays,
    /// Only entries found eligible are judged.
    #[error("the entry is not eligible")]
    NotEligible,
    /// The jury's report opens with deliberation.
    #[error("the report is not open yet")]
    ReportNotOpen,
    /// The person acting is tied to the entry's business (they represent
    /// it): they may not type, reopen or clear anything about its scores.
    #[error("tied to the business")]
    TiedToBusiness,
}

impl JudgingRefusal {
    /// Every refusal (for the translation tests).
    pub const ALL: [JudgingRefusal; 12] = [
        JudgingRefusal::ScoringClosed,
        JudgingRefusal::SheetLocked,
        JudgingRefusal::NotSubmitted,
        JudgingRefusal::DeclareFirst,
        JudgingRefusal::Conflicted,
        JudgingRefusal::SheetExists,
        JudgingRefusal::NotAJuror,
        JudgingRefusal::PanelClosed,
        JudgingRefusal::TieStays,
        JudgingRefusal::NotEligible,
        JudgingRefusal::ReportNotOpen,
        JudgingRefusal::TiedToBusiness,
    ];
}

/// Whether `actor` may act for the jury on an entry of the business that
/// `owner` represents (type a paper sheet, reopen a sheet, record a
/// declaration for a juror): never when it is their own business, as
/// screening already refuses.
pub fn may_act_on_entry_of(actor: UserId, owner: UserId) -> Result<(), JudgingRefusal> {
    if actor == owner {
        Err(JudgingRefusal::TiedToBusiness)
    } else {
        Ok(())
    }
}

/// Whether jurors may score in a round in this state.
pub fn scoring_open(state: RoundState) -> bool {
    state == RoundState::Judging
}

/// Whether the panel may still change: while screening and judging.
pub fn panel_editable(state: RoundState) -> bool {
    matches!(state, RoundState::Screening | RoundState::Judging)
}

/// Whether one juror may see other jurors' scores: never before the
/// round reaches deliberation.
pub fn scores_visible_to_jurors(state: RoundState) -> bool {
    state >= RoundState::Deliberation
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn user(n: u128) -> UserId {
        UserId(Uuid::from_u128(n))
    }
    fn group(n: u128) -> GroupId {
        GroupId(Uuid::from_u128(100 + n))
    }
    fn entry(n: u128) -> EntryId {
        EntryId(Uuid::from_u128(200 + n))
    }

    fn panel() -> Panel {
        let mut p = Panel::default();
        p.jurors.insert(user(1), [group(1)].into());
        p.jurors.insert(user(2), [group(1), group(2)].into());
        p.jurors.insert(user(3), [group(2)].into());
        p
    }

    #[test]
    fn jurors_score_their_groups_entries_with_additions_and_removals() {
        let mut p = panel();
        assert_eq!(p.assigned(entry(1), Some(group(1))), [user(1), user(2)].into());
        assert_eq!(p.assigned(entry(2), Some(group(2))), [user(2), user(3)].into());
        assert!(p.assigned(entry(3), None).is_empty());
        p.overrides
            .entry(entry(1))
            .or_default()
            .extend([(user(2), Override::Removed), (user(3), Override::Added)]);
        assert_eq!(p.assigned(entry(1), Some(group(1))), [user(1), user(3)].into());
        // An addition for someone who is no longer a juror counts for nothing.
        p.overrides
            .entry(entry(1))
            .or_default()
            .insert(user(9), Override::Added);
        assert!(!p.assigned(entry(1), Some(group(1))).contains(&user(9)));
    }

    #[test]
    fn a_declared_tie_or_owning_the_business_is_a_conflict() {
        let tie = Declaration::Tie {
            tie: Tie::Relative,
            note: None,
        };
        assert!(in_conflict(Some(&tie), user(1), user(50)));
        assert!(!in_conflict(Some(&Declaration::NoTie), user(1), user(50)));
        assert!(
            in_conflict(Some(&Declaration::NoTie), user(50), user(50)),
            "own business"
        );
        assert!(in_conflict(None, user(50), user(50)));
        assert_eq!(juror_access(None, user(1), user(50)), JurorAccess::MustDeclare);
        assert_eq!(
            juror_access(Some(&Declaration::NoTie), user(1), user(50)),
            JurorAccess::Scores
        );
        assert_eq!(juror_access(Some(&tie), user(1), user(50)), JurorAccess::Conflicted);
        assert_eq!(juror_access(None, user(50), user(50)), JurorAccess::Conflicted);
    }

    #[test]
    fn declarations_are_checked() {
        assert_eq!(check_declaration("", ""), Ok(Declaration::NoTie));
        assert_eq!(check_declaration("none", ""), Ok(Declaration::NoTie));
        assert_eq!(
            check_declaration("employee", " làm kế toán "),
            Ok(Declaration::Tie {
                tie: Tie::Employee,
                note: Some("làm kế toán".into())
            })
        );
        assert_eq!(check_declaration("other", "").unwrap_err().field, "note");
        assert_eq!(check_declaration("cousin", "").unwrap_err().field, "tie");
        assert!(check_declaration("owner", &"x".repeat(1001)).is_err());
    }

    #[test]
    fn expected_sheets_leave_out_conflicts() {
        let p = panel();
        let mut declarations = BTreeMap::new();
        declarations.insert(
            (entry(1), user(1)),
            Declaration::Tie {
                tie: Tie::Adviser,
                note: None,
            },
        );
        let entries = [
            (entry(1), Some(group(1)), user(60)),
            (entry(2), Some(group(2)), user(3)),
        ];
        let expected = expected_sheets(entries, &p, &declarations);
        // entry 1: juror 1 declared a tie; entry 2: juror 3 owns the business.
        assert_eq!(expected, [(entry(1), user(2)), (entry(2), user(2))].into());
    }

    #[test]
    fn jurors_see_each_others_scores_only_from_deliberation() {
        assert!(!scores_visible_to_jurors(RoundState::Judging));
        assert!(scores_visible_to_jurors(RoundState::Deliberation));
        assert!(scores_visible_to_jurors(RoundState::Published));
        assert!(scoring_open(RoundState::Judging) && !scoring_open(RoundState::Deliberation));
        assert!(panel_editable(RoundState::Screening) && !panel_editable(RoundState::Deliberation));
    }
}
