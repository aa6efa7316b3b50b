//! What the council's forms send, read and checked before anything is
//! looked up: a member's vote, the counts of a vote taken in the meeting,
//! and the decision. Each reader names the form field at fault.

use super::council::{Ballot, Tally, Vote};
use super::text::clean_line;
use super::time::{parse_vn_datetime, Timestamp};
use super::validation::{Checker, FieldError, Problem};

/// A member's vote as the form sends it: `recognise` is required,
/// `nominate` may be left empty (no vote on nomination).
pub fn read_vote(recognise: &str, nominate: &str) -> Result<Vote, Vec<FieldError>> {
    let recognise = ballot("recognise", recognise, true);
    let nominate = ballot("nominate", nominate, false);
    match (recognise, nominate) {
        (Ok(recognise), Ok(nominate)) => Ok(Vote {
            recognise: recognise.unwrap_or(Ballot::Abstain),
            nominate,
        }),
        (r, n) => Err(r.err().into_iter().chain(n.err()).collect()),
    }
}

fn ballot(field: &str, raw: &str, required: bool) -> Result<Option<Ballot>, FieldError> {
    match raw.trim() {
        "" if !required => Ok(None),
        "" => Err(FieldError::new(field, Problem::Required)),
        code => Ballot::from_code(code)
            .map(Some)
            .ok_or_else(|| FieldError::new(field, Problem::NotAChoice)),
    }
}

/// The counts a meeting's tally carries, as the form names them.
pub const COUNTS: [&str; 7] = [
    "present",
    "recognise_for",
    "recognise_against",
    "recognise_abstain",
    "nominate_for",
    "nominate_against",
    "nominate_abstain",
];

/// The largest count the tally form takes.
const MAX_COUNT: u32 = 10_000;

/// The counts of a vote taken in the meeting, as typed in: who was
/// present, and for, against and abstaining on recognition and on
/// nomination. How many members may vote on the entry is the council's
/// standing, known only once the entry is looked up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeetingCounts {
    /// Members present.
    pub present: u32,
    /// On recognition: for, against, abstaining.
    pub recognise: [u32; 3],
    /// On nomination: for, against, abstaining.
    pub nominate: [u32; 3],
}

impl MeetingCounts {
    /// The two tallies, for an entry `members` may vote on.
    pub fn tallies(&self, members: u32) -> (Tally, Tally) {
        let tally = |[for_votes, against, abstain]: [u32; 3]| Tally {
            members,
            present: self.present,
            for_votes,
            against,
            abstain,
        };
        (tally(self.recognise), tally(self.nominate))
    }
}

/// Reads the tally form: each count a whole number from 0 to 10,000;
/// an empty count is 0, except `present`, which is required. `value`
/// gives the text sent for a field (empty when absent).
pub fn read_meeting<'a>(value: impl Fn(&str) -> &'a str) -> Result<MeetingCounts, Vec<FieldError>> {
    let mut c = Checker::new();
    let mut get = |field: &str| c.check(count(field, value(field))).unwrap_or(0);
    let counts = MeetingCounts {
        present: get("present"),
        recognise: [get("recognise_for"), get("recognise_against"), get("recognise_abstain")],
        nominate: [get("nominate_for"), get("nominate_against"), get("nominate_abstain")],
    };
    c.finish()?;
    Ok(counts)
}

fn count(field: &str, raw: &str) -> Result<u32, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return if field == "present" {
            Err(FieldError::new(field, Problem::Required))
        } else {
            Ok(0)
        };
    }
    if text.contains([',', '.']) {
        return Err(FieldError::new(field, Problem::WholeNumberRequired));
    }
    let n: i64 = text.parse().map_err(|_| FieldError::new(field, Problem::NotANumber))?;
    u32::try_from(n).ok().filter(|n| *n <= MAX_COUNT).ok_or_else(|| {
        FieldError::new(
            field,
            Problem::OutOfRange {
                min: "0".into(),
                max: MAX_COUNT.to_string(),
            },
        )
    })
}

/// A decision as the secretariat types it in from the signed paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionForm {
    /// Its number.
    pub number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who signed it.
    pub signer: String,
    /// The issuing body.
    pub issuer: String,
}

/// Reads the decision form: number, signer and issuing body required
/// (at most 100, 200 and 200 characters), and the day it was signed, a
/// Vietnamese date not after `now`.
pub fn read_decision(
    number: &str,
    decided_on: &str,
    signer: &str,
    issuer: &str,
    now: Timestamp,
) -> Result<DecisionForm, Vec<FieldError>> {
    let mut c = Checker::new();
    let number = c.check(clean_line("decision_number", number, 100, true)).flatten();
    let signer = c.check(clean_line("signer", signer, 200, true)).flatten();
    let issuer = c.check(clean_line("issuer", issuer, 200, true)).flatten();
    let day = c.check(parse_vn_datetime("decided_on", decided_on));
    // Signed today at the latest: a day is its first instant in
    // Vietnam's time.
    if day.is_some_and(|day| day > now) {
        c.push(FieldError::new("decided_on", Problem::MustNotBeInFuture));
    }
    c.finish()?;
    match (number, day, signer, issuer) {
        (Some(number), Some(decided_on), Some(signer), Some(issuer)) => Ok(DecisionForm {
            number,
            decided_on,
            signer,
            issuer,
        }),
        // A required line that checks is never empty.
        _ => Err(vec![FieldError::new("decision_number", Problem::Required)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_vote_needs_a_recognition_ballot_and_known_codes() {
        let vote = read_vote("for", "").unwrap();
        assert_eq!((vote.recognise, vote.nominate), (Ballot::For, None));
        let vote = read_vote(" against ", "abstain").unwrap();
        assert_eq!(
            (vote.recognise, vote.nominate),
            (Ballot::Against, Some(Ballot::Abstain))
        );
        assert_eq!(fields(read_vote("", "maybe").unwrap_err()), ["recognise", "nominate"]);
        let errors = read_vote("yes", "").unwrap_err();
        assert_eq!(errors[0].problem, Problem::NotAChoice);
    }

    #[test]
    fn the_tally_form_takes_whole_counts_and_requires_who_was_present() {
        let sent = [("present", "5"), ("recognise_for", " 4 "), ("nominate_against", "1")];
        let value = |name: &str| sent.iter().find(|(k, _)| *k == name).map(|(_, v)| *v).unwrap_or("");
        let counts = read_meeting(value).unwrap();
        assert_eq!(
            counts,
            MeetingCounts {
                present: 5,
                recognise: [4, 0, 0],
                nominate: [0, 1, 0],
            }
        );
        let (recognise, nominate) = counts.tallies(7);
        assert_eq!((recognise.members, recognise.present, recognise.for_votes), (7, 5, 4));
        assert_eq!((nominate.against, nominate.abstain), (1, 0));

        let sent = [
            ("recognise_for", "2,5"),
            ("recognise_against", "x"),
            ("nominate_for", "10001"),
        ];
        let value = |name: &str| sent.iter().find(|(k, _)| *k == name).map(|(_, v)| *v).unwrap_or("");
        let errors = read_meeting(value).unwrap_err();
        let problems: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.problem.clone())).collect();
        assert_eq!(problems[0], ("present", Problem::Required));
        assert_eq!(problems[1], ("recognise_for", Problem::WholeNumberRequired));
        assert_eq!(problems[2], ("recognise_against", Problem::NotANumber));
        assert_eq!(problems[3].0, "nominate_for");
        assert!(matches!(problems[3].1, Problem::OutOfRange { .. }));
        assert_eq!(read_meeting(|_| "-1").unwrap_err().len(), COUNTS.len());
    }

    #[test]
    fn a_decision_needs_its_number_signer_body_and_a_day_not_to_come() {
        let now = parse_vn_datetime("t", "15/11/2026").unwrap();
        let form = read_decision(" 12/QĐ-UBND ", "14/11/2026", "Nguyễn Văn A", "UBND tỉnh", now).unwrap();
        assert_eq!(form.number, "12/QĐ-UBND");
        assert_eq!(form.decided_on, parse_vn_datetime("t", "14/11/2026").unwrap());
        assert!(read_decision("1", "15/11/2026", "A", "B", now).is_ok());
        let errors = read_decision("", "16/11/2026", " ", "B", now).unwrap_err();
        assert_eq!(fields(errors), ["decision_number", "signer", "decided_on"]);
        let errors = read_decision("1", "hôm qua", "A", &"x".repeat(201), now).unwrap_err();
        assert_eq!(fields(errors), ["issuer", "decided_on"]);
    }
}
