//! What the domain refuses, told in plain words: every refusal (and a
//! round's state, and what an entry still needs) implements [`Tell`],
//! the one way a domain fact becomes a sentence. The message keys live
//! here, beside the catalogue, not in the domain.

use super::{Arg, I18n};
use crate::domain::administration::AdminRefusal;
use crate::domain::council::CouncilRefusal;
use crate::domain::entry::{EntryRefusal, Missing};
use crate::domain::jury::JudgingRefusal;
use crate::domain::lifecycle::{MoveRefusal, RoundState};
use crate::domain::nomination::NominationRefusal;
use crate::domain::upload::UploadRefusal;

/// A fact told in the reader's language.
pub trait Tell {
    /// The sentence, in `i18n`'s language.
    fn tell(&self, i18n: I18n) -> String;
}

impl Tell for AdminRefusal {
    fn tell(&self, i18n: I18n) -> String {
        i18n.t(match self {
            AdminRefusal::OwnAccount => "error-refused-own-account",
            AdminRefusal::LastAdministrator => "error-refused-last-admin",
            AdminRefusal::NothingToChange => "error-refused-nothing",
        })
    }
}

impl Tell for CouncilRefusal {
    fn tell(&self, i18n: I18n) -> String {
        i18n.t(council_key(*self))
    }
}

fn council_key(refusal: CouncilRefusal) -> &'static str {
    match refusal {
        CouncilRefusal::NotAMember => "council-not-a-member",
        CouncilRefusal::NotDeliberating => "council-not-deliberating",
        CouncilRefusal::Decided => "council-decided",
        CouncilRefusal::BelowThreshold => "council-below-threshold",
        CouncilRefusal::Conflicted => "council-conflicted",
        CouncilRefusal::NotRecognised => "council-not-recognised",
        CouncilRefusal::BadSet => "council-bad-set",
        CouncilRefusal::VotesMissing => "council-votes-missing",
        CouncilRefusal::NotPublished => "council-not-published",
        CouncilRefusal::CertificateRevoked => "council-certificate-revoked",
        CouncilRefusal::TiedToBusiness => "council-tied-to-business",
    }
}

impl Tell for NominationRefusal {
    fn tell(&self, i18n: I18n) -> String {
        i18n.t(nomination_key(*self))
    }
}

fn nomination_key(refusal: NominationRefusal) -> &'static str {
    match refusal {
        NominationRefusal::NotDecided => "nomination-not-decided",
        NominationRefusal::NoParentRound => "nomination-no-parent",
        NominationRefusal::ParentLevelTooLow => "nomination-parent-level",
        NominationRefusal::ParentNotReceiving => "nomination-parent-closed",
        NominationRefusal::NotNominated => "nomination-not-nominated",
        NominationRefusal::AlreadySent => "nomination-already-sent",
        NominationRefusal::NoCertificate => "nomination-no-certificate",
        NominationRefusal::CertificateExpired => "nomination-certificate-expired",
        NominationRefusal::CertificateRevoked => "nomination-certificate-revoked",
        NominationRefusal::GroupMissing => "nomination-group-missing",
        NominationRefusal::NothingChosen => "nomination-nothing-chosen",
    }
}

impl Tell for JudgingRefusal {
    fn tell(&self, i18n: I18n) -> String {
        i18n.t(judging_key(*self))
    }
}

fn judging_key(refusal: JudgingRefusal) -> &'static str {
    match refusal {
        JudgingRefusal::ScoringClosed => "judging-scoring-closed",
        JudgingRefusal::SheetLocked => "judging-sheet-locked",
        JudgingRefusal::NotSubmitted => "judging-not-submitted",
        JudgingRefusal::DeclareFirst => "judging-declare-first",
        JudgingRefusal::Conflicted => "judging-conflicted",
        JudgingRefusal::SheetExists => "judging-sheet-exists",
        JudgingRefusal::NotAJuror => "judging-not-a-juror",
        JudgingRefusal::PanelClosed => "judging-panel-closed",
        JudgingRefusal::TieStays => "judging-tie-stays",
        JudgingRefusal::NotEligible => "judging-not-eligible",
        JudgingRefusal::ReportNotOpen => "judging-report-not-open",
        JudgingRefusal::TiedToBusiness => "judging-tied-to-business",
    }
}

impl Tell for RoundState {
    /// The state's name.
    fn tell(&self, i18n: I18n) -> String {
        i18n.t(&format!("state-{}", self.code()))
    }
}

impl Tell for MoveRefusal {
    fn tell(&self, i18n: I18n) -> String {
        move_refusal(i18n, self)
    }
}

fn move_refusal(i18n: I18n, refusal: &MoveRefusal) -> String {
    let date =
        |t: &crate::domain::time::Timestamp| vec![("time", Arg::Text(t.vn_time())), ("date", Arg::Text(t.vn_date()))];
    let count = |n: &usize| vec![("count", Arg::Num(*n as i64))];
    match refusal {
        MoveRefusal::NotAStep { from, to } => i18n.t_with(
            "move-not-a-step",
            &[("from", Arg::Text(from.tell(i18n))), ("to", Arg::Text(to.tell(i18n)))],
        ),
        MoveRefusal::DeadlinePassed { close } => i18n.t_with("move-deadline-passed", &date(close)),
        MoveRefusal::NoSecretary => i18n.t("move-no-secretary"),
        MoveRefusal::DeadlineNotReached { close } => i18n.t_with("move-deadline-not-reached", &date(close)),
        MoveRefusal::EntriesUnscreened { count: n } => i18n.t_with("move-entries-unscreened", &count(n)),
        MoveRefusal::NoEligibleEntries => i18n.t("move-no-eligible-entries"),
        MoveRefusal::NoJurors => i18n.t("move-no-jurors"),
        MoveRefusal::SheetsMissing { count: n } => i18n.t_with("move-sheets-missing", &count(n)),
        MoveRefusal::NoCouncil => i18n.t("move-no-council"),
        MoveRefusal::DecisionMissing => i18n.t("move-decision-missing"),
        MoveRefusal::CertificatesMissing { count: n } => i18n.t_with("move-certificates-missing", &count(n)),
        MoveRefusal::EntriesExist { count: n } => i18n.t_with("move-entries-exist", &count(n)),
        MoveRefusal::DeadlineNotExtended => i18n.t("move-deadline-not-extended"),
        MoveRefusal::SheetsExist { count: n } => i18n.t_with("move-sheets-exist", &count(n)),
        MoveRefusal::DecisionExists => i18n.t("move-decision-exists"),
        MoveRefusal::CertificatesExist { count: n } => i18n.t_with("move-certificates-exist", &count(n)),
        MoveRefusal::ReasonRequired => i18n.t("problem-reason-required"),
    }
}

impl Tell for Missing {
    /// What an entry still needs, one item.
    fn tell(&self, i18n: I18n) -> String {
        missing(i18n, self)
    }
}

fn missing(i18n: I18n, missing: &Missing) -> String {
    match missing {
        Missing::BusinessProfile => i18n.t("missing-business"),
        Missing::Field(field) => i18n.t_with("missing-field", &[("field", Arg::Text(i18n.field_label(field)))]),
        Missing::Group => i18n.t("missing-group"),
        Missing::SetItems => i18n.t("missing-set-items"),
        Missing::Photos { have, need } => i18n.t_with(
            "missing-photos",
            &[("have", Arg::Num(*have as i64)), ("need", Arg::Num(*need as i64))],
        ),
        Missing::Registration => i18n.t("missing-registration"),
        Missing::LowerCertificate => i18n.t("missing-lower-certificate"),
    }
}

impl Tell for EntryRefusal {
    fn tell(&self, i18n: I18n) -> String {
        entry_refusal(i18n, self)
    }
}

fn entry_refusal(i18n: I18n, refusal: &EntryRefusal) -> String {
    match refusal {
        EntryRefusal::RoundClosed { close } => i18n.t_with(
            "entry-round-closed",
            &[
                ("time", Arg::Text(close.vn_time())),
                ("date", Arg::Text(close.vn_date())),
            ],
        ),
        EntryRefusal::Incomplete(list) => {
            let items: Vec<String> = list.iter().map(|m| m.tell(i18n)).collect();
            i18n.t_with("entry-incomplete", &[("items", Arg::Text(items.join("; ")))])
        }
        EntryRefusal::WrongState(state) => i18n.t_with(
            "entry-wrong-state",
            &[("state", Arg::Text(i18n.t(&format!("entry-state-{}", state.code()))))],
        ),
        EntryRefusal::ScreeningClosed => i18n.t("entry-screening-closed"),
        EntryRefusal::TooManyEntries { max } => i18n.t_with("entry-too-many", &[("max", Arg::Num(i64::from(*max)))]),
    }
}

impl Tell for UploadRefusal {
    fn tell(&self, i18n: I18n) -> String {
        upload_refusal(i18n, self)
    }
}

fn upload_refusal(i18n: I18n, refusal: &UploadRefusal) -> String {
    use crate::domain::upload::format_size;
    match refusal {
        UploadRefusal::Empty => i18n.t("upload-empty"),
        UploadRefusal::TooLarge { max } => i18n.t_with("upload-too-large", &[("max", Arg::Text(format_size(*max)))]),
        UploadRefusal::EntryTooLarge { max } => {
            i18n.t_with("upload-entry-too-large", &[("max", Arg::Text(format_size(*max)))])
        }
        UploadRefusal::TypeNotAccepted { accepted } => {
            let list: Vec<&str> = accepted.iter().map(|t| t.label()).collect();
            i18n.t_with("upload-type", &[("types", Arg::Text(list.join(", ")))])
        }
        UploadRefusal::Damaged => i18n.t("upload-damaged"),
        UploadRefusal::TooManyPixels => i18n.t("upload-too-many-pixels"),
        UploadRefusal::Busy => i18n.t("upload-busy"),
        UploadRefusal::BusinessFull { max } => i18n.t_with(
            "upload-business-full",
            &[("max", Arg::Text(crate::domain::upload::format_size(*max)))],
        ),
        UploadRefusal::TooManyFiles { max } => i18n.t_with("upload-too-many-files", &[("max", Arg::Num(*max as i64))]),
        UploadRefusal::EntryLocked => i18n.t("upload-entry-locked"),
        UploadRefusal::Unreadable => i18n.t("upload-unreadable"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_its_own_message_key() {
        let keys: std::collections::BTreeSet<_> = CouncilRefusal::ALL.into_iter().map(council_key).collect();
        assert_eq!(keys.len(), CouncilRefusal::ALL.len());
        let keys: std::collections::BTreeSet<_> = NominationRefusal::ALL.into_iter().map(nomination_key).collect();
        assert_eq!(keys.len(), NominationRefusal::ALL.len());
        let keys: std::collections::BTreeSet<_> = JudgingRefusal::ALL.into_iter().map(judging_key).collect();
        assert_eq!(keys.len(), JudgingRefusal::ALL.len());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn every_refusal_key_is_in_the_catalogue() {
        let keys = CouncilRefusal::ALL
            .into_iter()
            .map(council_key)
            .chain(NominationRefusal::ALL.into_iter().map(nomination_key))
            .chain(JudgingRefusal::ALL.into_iter().map(judging_key));
        for key in keys {
            for lang in [super::super::Lang::Vi, super::super::Lang::En] {
                assert!(super::super::has_message(lang, key), "{key}");
            }
        }
    }
}
