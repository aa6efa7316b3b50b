//! The actions the audit log records. Later features add their own.

use serde::{Deserialize, Serialize};

/// Something that happened and must be on record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    /// The first administrator was created through the setup link.
    SetupCompleted,
    /// A business representative created an account.
    SignedUp,
    /// A person signed in.
    SignedIn,
    /// A sign-in failed (wrong credentials, locked or disabled).
    SignInFailed,
    /// A person signed out.
    SignedOut,
    /// A person changed their password.
    PasswordChanged,
    /// Someone asked for a password reset link for an identifier.
    PasswordResetRequested,
    /// An administrator issued a password reset link.
    PasswordResetIssued,
    /// A password was set through a reset link.
    PasswordReset,
    /// An administrator invited a person.
    Invited,
    /// An invitation was accepted and its password set.
    InvitationAccepted,
    /// An administrator sent a new invitation link.
    InvitationRenewed,
    /// A role was given.
    RoleGranted,
    /// A role was taken away.
    RoleRevoked,
    /// An account was disabled.
    AccountDisabled,
    /// An account was enabled again.
    AccountEnabled,
    /// A level was added or changed.
    LevelSaved,
    /// A territory was added or changed.
    TerritorySaved,
    /// A round was created.
    RoundCreated,
    /// A round's settings changed.
    RoundSettingsChanged,
    /// Sub-criteria of a round changed.
    SubCriteriaChanged,
    /// A person was given a role in a round.
    RoundMemberAdded,
    /// A person's role in a round was taken away.
    RoundMemberRemoved,
    /// A juror's product groups changed.
    JurorGroupsChanged,
    /// The council's chair changed.
    CouncilChairChanged,
    /// A round moved to another state.
    RoundMoved,
    /// A business profile was created or changed.
    BusinessSaved,
    /// An entry was started.
    EntryStarted,
    /// A file was added to an entry.
    EntryFileAdded,
    /// A file was removed from an entry.
    EntryFileRemoved,
    /// An entry was submitted (or resubmitted after correction).
    EntrySubmitted,
    /// A submitted entry was withdrawn to be changed.
    EntryWithdrawn,
    /// The secretariat returned an entry for correction.
    EntryReturned,
    /// An entry was found eligible and given its selection code.
    EntryAccepted,
    /// An entry was found not eligible, with the reason.
    EntryIneligible,
    /// A juror was added to or removed from one entry.
    EntryJurorChanged,
    /// A juror declared whether they are tied to an entry's business.
    ConflictDeclared,
    /// The secretariat recorded a juror's tie on their behalf.
    ConflictRecorded,
    /// A juror submitted a score sheet.
    SheetSubmitted,
    /// The secretariat reopened a submitted score sheet, with a reason.
    SheetReopened,
    /// The secretariat typed in a sheet that arrived on paper.
    SheetFromPaper,
    /// A council member cast (or replaced) their vote on an entry.
    CouncilVoteCast,
    /// A council member declared a tie with an entry's business.
    CouncilConflictDeclared,
    /// The secretariat recorded (or corrected) the tally of a meeting's vote.
    CouncilTallyRecorded,
    /// The secretariat grouped entries of one business into a set.
    ProductSetChanged,
    /// The decision was recorded and deliberation closed.
    DecisionRecorded,
    /// A certificate was issued.
    CertificateIssued,
    /// An administrator revoked a certificate, with a reason.
    CertificateRevoked,
    /// The secretariat sent a nominated entry to the parent round.
    NominationSent,
    /// A person ended one of their own sessions (another device).
    SessionEnded,
    /// A person turned on sign-in codes from an authenticator app.
    SecondFactorEnabled,
    /// A person turned their sign-in codes off, or an administrator
    /// removed them for someone who lost the device.
    SecondFactorRemoved,
}

impl AuditAction {
    /// Every action, for filters and for the translation test.
    pub const ALL: [AuditAction; 52] = [
        Self::SetupCompleted,
        Self::SignedUp,
        Self::SignedIn,
        Self::SignInFailed,
        Self::SignedOut,
        Self::SessionEnded,
        Self::SecondFactorEnabled,
        Self::SecondFactorRemoved,
        Self::PasswordChanged,
        Self::PasswordResetRequested,
        Self::PasswordResetIssued,
        Self::PasswordReset,
        Self::Invited,
        Self::InvitationAccepted,
        Self::InvitationRenewed,
        Self::RoleGranted,
        Self::RoleRevoked,
        Self::AccountDisabled,
        Self::AccountEnabled,
        Self::LevelSaved,
        Self::TerritorySaved,
        Self::RoundCreated,
        Self::RoundSettingsChanged,
        Self::SubCriteriaChanged,
        Self::RoundMemberAdded,
        Self::RoundMemberRemoved,
        Self::JurorGroupsChanged,
        Self::CouncilChairChanged,
        Self::RoundMoved,
        Self::BusinessSaved,
        Self::EntryStarted,
        Self::EntryFileAdded,
        Self::EntryFileRemoved,
        Self::EntrySubmitted,
        Self::EntryWithdrawn,
        Self::EntryReturned,
        Self::EntryAccepted,
        Self::EntryIneligible,
        Self::EntryJurorChanged,
        Self::ConflictDeclared,
        Self::ConflictRecorded,
        Self::SheetSubmitted,
        Self::SheetReopened,
        Self::SheetFromPaper,
        Self::CouncilVoteCast,
        Self::CouncilConflictDeclared,
        Self::CouncilTallyRecorded,
        Self::ProductSetChanged,
        Self::DecisionRecorded,
        Self::CertificateIssued,
        Self::CertificateRevoked,
        Self::NominationSent,
    ];

    /// The stored code, stable across versions.
    pub fn code(self) -> &'static str {
        match self {
            Self::SetupCompleted => "setup.completed",
            Self::SignedUp => "account.signed_up",
            Self::SignedIn => "account.signed_in",
            Self::SignInFailed => "account.sign_in_failed",
            Self::SignedOut => "account.signed_out",
            Self::SessionEnded => "account.session_ended",
            Self::SecondFactorEnabled => "account.second_factor_enabled",
            Self::SecondFactorRemoved => "account.second_factor_removed",
            Self::PasswordChanged => "account.password_changed",
            Self::PasswordResetRequested => "account.password_reset_requested",
            Self::PasswordResetIssued => "account.password_reset_issued",
            Self::PasswordReset => "account.password_reset",
            Self::Invited => "account.invited",
            Self::InvitationAccepted => "account.invitation_accepted",
            Self::InvitationRenewed => "account.invitation_renewed",
            Self::RoleGranted => "role.granted",
            Self::RoleRevoked => "role.revoked",
            Self::AccountDisabled => "account.disabled",
            Self::AccountEnabled => "account.enabled",
            Self::LevelSaved => "level.saved",
            Self::TerritorySaved => "territory.saved",
            Self::RoundCreated => "round.created",
            Self::RoundSettingsChanged => "round.settings_changed",
            Self::SubCriteriaChanged => "round.sub_criteria_changed",
            Self::RoundMemberAdded => "round.member_added",
            Self::RoundMemberRemoved => "round.member_removed",
            Self::JurorGroupsChanged => "round.juror_groups_changed",
            Self::CouncilChairChanged => "round.chair_changed",
            Self::RoundMoved => "round.moved",
            Self::BusinessSaved => "business.saved",
            Self::EntryStarted => "entry.started",
            Self::EntryFileAdded => "entry.file_added",
            Self::EntryFileRemoved => "entry.file_removed",
            Self::EntrySubmitted => "entry.submitted",
            Self::EntryWithdrawn => "entry.withdrawn",
            Self::EntryReturned => "entry.returned",
            Self::EntryAccepted => "entry.accepted",
            Self::EntryIneligible => "entry.ineligible",
            Self::EntryJurorChanged => "entry.juror_changed",
            Self::ConflictDeclared => "jury.conflict_declared",
            Self::ConflictRecorded => "jury.conflict_recorded",
            Self::SheetSubmitted => "sheet.submitted",
            Self::SheetReopened => "sheet.reopened",
            Self::SheetFromPaper => "sheet.from_paper",
            Self::CouncilVoteCast => "council.vote_cast",
            Self::CouncilConflictDeclared => "council.conflict_declared",
            Self::CouncilTallyRecorded => "council.tally_recorded",
            Self::ProductSetChanged => "council.set_changed",
            Self::DecisionRecorded => "council.decision_recorded",
            Self::CertificateIssued => "certificate.issued",
            Self::CertificateRevoked => "certificate.revoked",
            Self::NominationSent => "nomination.sent",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut codes: Vec<&str> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(a.code()), Some(a));
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), AuditAction::ALL.len());
    }
}
