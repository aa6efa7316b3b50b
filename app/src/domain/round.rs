//! A round's settings (đợt bình chọn): its name, year, calendar, the
//! recognition threshold, the council's voting rules, the certificate
//! number pattern and what is shown publicly. Checked as a whole, so the
//! form reports every problem at once and nothing is half-saved.

use serde::{Deserialize, Serialize};

use super::certificate::check_pattern;
use super::lifecycle::RoundState;
use super::points::{parse_points, parse_whole, Points};
use super::text::clean_line;
use super::time::{parse_vn_datetime, Timestamp};
use super::validation::{Checker, FieldError, Problem};

/// Longest round name.
pub const ROUND_NAME_MAX: usize = 200;
/// The threshold a new round starts with (70 of 100).
pub const DEFAULT_THRESHOLD: Points = Points::whole(70);
/// The spread above which jurors' totals are flagged for discussion.
pub const DEFAULT_SPREAD_FLAG: Points = Points::whole(20);
/// The step a new round's points are typed in (0.5).
pub const DEFAULT_SCORE_STEP: Points = Points(50);
/// The steps a round may use.
pub const SCORE_STEPS: [Points; 3] = [Points(25), Points(50), Points(100)];
/// A new round's quorum: at least half the council present.
pub const DEFAULT_QUORUM_PERCENT: i64 = 50;
/// A new round's majority: more than half of the members present.
pub const DEFAULT_MAJORITY_PERCENT: i64 = 50;

/// The settings form, as typed (every value a string, as a form posts it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSettingsForm {
    /// Name of the round.
    pub name: String,
    /// Year.
    pub year: String,
    /// When entries open (Vietnam time).
    pub entries_open: String,
    /// When entries close (Vietnam time).
    pub entries_close: String,
    /// When judging closes (Vietnam time).
    pub judging_close: String,
    /// Recognition threshold, points of 100.
    pub threshold: String,
    /// Quorum, percent of council members present.
    pub quorum_percent: String,
    /// Majority, percent of members present that must be exceeded.
    pub majority_percent: String,
    /// `"on"` when an exact tie at the majority recognises.
    pub tie_recognises: Option<String>,
    /// Certificate number pattern.
    pub certificate_pattern: String,
    /// `"on"` when mean scores are shown publicly.
    pub show_scores: Option<String>,
    /// Points step jurors type in.
    pub score_step: String,
    /// Spread that flags an entry for discussion.
    pub spread_flag: String,
}

/// Checked settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSettings {
    /// Name of the round.
    pub name: String,
    /// Year.
    pub year: i32,
    /// When entries open.
    pub entries_open: Timestamp,
    /// When entries close (the deadline, enforced by the server).
    pub entries_close: Timestamp,
    /// When judging closes.
    pub judging_close: Timestamp,
    /// Recognition threshold.
    pub threshold: Points,
    /// Quorum, percent of council members present (at least).
    pub quorum_percent: i64,
    /// Majority, percent of members present that "for" votes must exceed.
    pub majority_percent: i64,
    /// Whether "for" votes exactly at the majority recognise.
    pub tie_recognises: bool,
    /// Certificate number pattern.
    pub certificate_pattern: String,
    /// Whether mean scores are shown publicly after publication.
    pub show_scores: bool,
    /// Points step jurors type in.
    pub score_step: Points,
    /// Spread that flags an entry for discussion.
    pub spread_flag: Points,
}

impl RoundSettings {
    /// The council's voting rules.
    pub fn vote_rules(&self) -> super::council::VoteRules {
        super::council::VoteRules {
            quorum_percent: self.quorum_percent,
            majority_percent: self.majority_percent,
            tie_carries: self.tie_recognises,
        }
    }

    /// The form showing these settings.
    pub fn to_form(&self) -> RoundSettingsForm {
        let on = |b: bool| b.then(|| "on".to_owned());
        RoundSettingsForm {
            name: self.name.clone(),
            year: self.year.to_string(),
            entries_open: self.entries_open.vn_input_value(),
            entries_close: self.entries_close.vn_input_value(),
            judging_close: self.judging_close.vn_input_value(),
            threshold: self.threshold.input_value(),
            quorum_percent: self.quorum_percent.to_string(),
            majority_percent: self.majority_percent.to_string(),
            tie_recognises: on(self.tie_recognises),
            certificate_pattern: self.certificate_pattern.clone(),
            show_scores: on(self.show_scores),
            score_step: self.score_step.input_value(),
            spread_flag: self.spread_flag.input_value(),
        }
    }
}

fn checked(flag: &Option<String>) -> bool {
    matches!(flag.as_deref(), Some("on" | "true" | "1"))
}

/// Checks the settings form. Dates must follow each other: entries open
/// before they close, and judging closes after entries close.
pub fn check_round_settings(form: &RoundSettingsForm) -> Result<RoundSettings, Vec<FieldError>> {
    let mut c = Checker::new();
    let name = c.check(clean_line("title", &form.name, ROUND_NAME_MAX, true)).flatten();
    let year = c.check(parse_whole("year", &form.year, 2000, 2100));
    let entries_open = c.check(parse_vn_datetime("entries_open", &form.entries_open));
    let entries_close = c.check(parse_vn_datetime("entries_close", &form.entries_close));
    let judging_close = c.check(parse_vn_datetime("judging_close", &form.judging_close));
    let threshold = c.check(parse_points(
        "threshold",
        &form.threshold,
        Points(0),
        Points::whole(100),
        false,
    ));
    let quorum = c.check(parse_whole("quorum_percent", &form.quorum_percent, 1, 100));
    let majority = c.check(parse_whole("majority_percent", &form.majority_percent, 50, 99));
    let pattern = c.check(check_pattern("certificate_pattern", &form.certificate_pattern));
    let step = c.check(
        parse_points("score_step", &form.score_step, Points(1), Points::whole(10), false).and_then(|s| {
            if SCORE_STEPS.contains(&s) {
                Ok(s)
            } else {
                Err(FieldError::new("score_step", Problem::NotAChoice))
            }
        }),
    );
    let spread = c.check(parse_points(
        "spread_flag",
        &form.spread_flag,
        Points(0),
        Points::whole(100),
        false,
    ));
    if let (Some(open), Some(close)) = (entries_open, entries_close) {
        if close <= open {
            c.push(FieldError::new(
                "entries_close",
                Problem::MustFollow {
                    other: "entries_open".into(),
                },
            ));
        }
    }
    if let (Some(close), Some(judging)) = (entries_close, judging_close) {
        if judging <= close {
            c.push(FieldError::new(
                "judging_close",
                Problem::MustFollow {
                    other: "entries_close".into(),
                },
            ));
        }
    }
    c.finish()?;
    match (
        name,
        year,
        entries_open,
        entries_close,
        judging_close,
        threshold,
        quorum,
        majority,
        pattern,
        step,
        spread,
    ) {
        (
            Some(name),
            Some(year),
            Some(entries_open),
            Some(entries_close),
            Some(judging_close),
            Some(threshold),
            Some(quorum_percent),
            Some(majority_percent),
            Some(certificate_pattern),
            Some(score_step),
            Some(spread_flag),
        ) => Ok(RoundSettings {
            name,
            year: year as i32,
            entries_open,
            entries_close,
            judging_close,
            threshold,
            quorum_percent,
            majority_percent,
            tie_recognises: checked(&form.tie_recognises),
            certificate_pattern,
            show_scores: checked(&form.show_scores),
            score_step,
            spread_flag,
        }),
        _ => Err(vec![FieldError::new("title", Problem::Required)]),
    }
}

/// Which settings may change in a state: everything while the round is a
/// draft; its identity (level, territory, year, parent) is fixed once it
/// opens; and nothing once the council deliberates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingsScope {
    /// Everything.
    All,
    /// Everything but level, territory, year and parent round.
    AllButIdentity,
    /// Nothing.
    Nothing,
}

/// What may be edited in `state`.
pub fn settings_scope(state: RoundState) -> SettingsScope {
    match state {
        RoundState::Draft => SettingsScope::All,
        RoundState::Open | RoundState::Screening | RoundState::Judging => SettingsScope::AllButIdentity,
        _ => SettingsScope::Nothing,
    }
}

/// Checks a change of settings against the round's state: once entries
/// are open, their deadline cannot be moved into the past (that would
/// close the round on people still entering), and the identity is fixed.
pub fn check_settings_change(
    state: RoundState,
    before: &RoundSettings,
    after: &RoundSettings,
    now: Timestamp,
) -> Result<(), Vec<FieldError>> {
    let mut c = Checker::new();
    match settings_scope(state) {
        SettingsScope::All => {}
        SettingsScope::AllButIdentity => {
            if after.year != before.year {
                c.push(FieldError::new("year", Problem::NotAChoice));
            }
            if state == RoundState::Open && after.entries_close != before.entries_close && after.entries_close <= now {
                c.push(FieldError::new("entries_close", Problem::MustBeInFuture));
            }
        }
        SettingsScope::Nothing => c.push(FieldError::new("title", Problem::NotAChoice)),
    }
    c.finish()
}

/// Checks that a parent round is of a higher level than the round.
pub fn check_parent_level(round_rank: i64, parent_rank: i64) -> Result<(), FieldError> {
    if parent_rank > round_rank {
        Ok(())
    } else {
        Err(FieldError::new("parent_round", Problem::ParentLevelTooLow))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn form() -> RoundSettingsForm {
        RoundSettingsForm {
            name: "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai năm 2026".into(),
            year: "2026".into(),
            entries_open: "2026-03-01T08:00".into(),
            entries_close: "30/06/2026 17:00".into(),
            judging_close: "2026-08-31T17:00".into(),
            threshold: "70".into(),
            quorum_percent: "50".into(),
            majority_percent: "50".into(),
            tie_recognises: None,
            certificate_pattern: "{seq}/{year}/GCN-CNNT".into(),
            show_scores: Some("on".into()),
            score_step: "0,5".into(),
            spread_flag: "20".into(),
        }
    }

    #[test]
    fn a_good_form_gives_settings_and_back() {
        let settings = check_round_settings(&form()).unwrap();
        assert_eq!(settings.threshold, Points::whole(70));
        assert_eq!(settings.score_step, Points(50));
        assert!(settings.show_scores && !settings.tie_recognises);
        assert_eq!(settings.entries_close.vn_datetime(), "30/06/2026 17:00");
        assert_eq!(check_round_settings(&settings.to_form()), Ok(settings));
    }

    #[test]
    fn dates_must_come_in_order() {
        let mut f = form();
        f.entries_close = "2026-02-01T08:00".into();
        f.judging_close = "2026-01-01T08:00".into();
        let errors = check_round_settings(&f).unwrap_err();
        assert_eq!(
            errors,
            [
                FieldError::new(
                    "entries_close",
                    Problem::MustFollow {
                        other: "entries_open".into()
                    }
                ),
                FieldError::new(
                    "judging_close",
                    Problem::MustFollow {
                        other: "entries_close".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn numbers_out_of_range_name_their_field() {
        let mut f = form();
        f.threshold = "101".into();
        f.quorum_percent = "0".into();
        f.majority_percent = "40".into();
        f.score_step = "0,3".into();
        f.year = "26".into();
        f.name = String::new();
        f.certificate_pattern = "GCN".into();
        let fields: Vec<String> = check_round_settings(&f)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "title",
                "year",
                "threshold",
                "quorum_percent",
                "majority_percent",
                "certificate_pattern",
                "score_step"
            ]
        );
    }

    #[test]
    fn identity_is_fixed_after_draft_and_everything_after_judging() {
        assert_eq!(settings_scope(RoundState::Draft), SettingsScope::All);
        assert_eq!(settings_scope(RoundState::Judging), SettingsScope::AllButIdentity);
        assert_eq!(settings_scope(RoundState::Deliberation), SettingsScope::Nothing);
        let before = check_round_settings(&form()).unwrap();
        let mut after = before.clone();
        after.year = 2027;
        assert!(check_settings_change(RoundState::Open, &before, &after, before.entries_open).is_err());
        assert!(check_settings_change(RoundState::Draft, &before, &after, before.entries_open).is_ok());
    }

    #[test]
    fn an_open_deadline_cannot_move_into_the_past() {
        let before = check_round_settings(&form()).unwrap();
        let now = before.entries_open.plus_secs(86_400 * 10);
        let mut after = before.clone();
        after.entries_close = now.plus_secs(-60);
        let errors = check_settings_change(RoundState::Open, &before, &after, now).unwrap_err();
        assert_eq!(errors[0].problem, Problem::MustBeInFuture);
        after.entries_close = now.plus_secs(86_400);
        assert!(check_settings_change(RoundState::Open, &before, &after, now).is_ok());
    }

    #[test]
    fn parents_are_of_a_higher_level() {
        assert!(check_parent_level(2, 4).is_ok());
        assert_eq!(
            check_parent_level(2, 2).unwrap_err().problem,
            Problem::ParentLevelTooLow
        );
        assert!(check_parent_level(3, 1).is_err());
    }
}
