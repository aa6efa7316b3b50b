//! The score sheet a juror fills for one entry: one line per criterion
//! group, or per sub-criterion where the jury agreed some for the entry's
//! product group; the points of each line (0 to its maximum, on the
//! round's step); the totals; and the comment. The same checks run in the
//! browser as the juror types and on the server when the sheet is saved.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::points::{parse_points, Points};
use super::validation::{FieldError, Problem};

/// Longest comment (nhận xét) on a sheet.
pub const COMMENT_MAX: usize = 5000;

/// One line of the sheet: what is scored and its maximum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSpec {
    /// The line's key: the id of the sub-criterion, or of the criterion
    /// group when it is scored as one line.
    pub key: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Most points.
    pub max: Points,
    /// Guidance for the juror.
    pub guidance: Option<String>,
}

/// A criterion group on the sheet with its lines (itself alone when it
/// has no sub-criteria).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionSpec {
    /// Its number (1–4).
    pub number: i64,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Most points.
    pub max: Points,
    /// Whether its lines are sub-criteria (otherwise the one line is the
    /// criterion group itself).
    pub has_subs: bool,
    /// Its lines.
    pub lines: Vec<LineSpec>,
}

/// The sheet's shape for one entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetSpec {
    /// The criterion groups, in order.
    pub criteria: Vec<CriterionSpec>,
    /// The step points go by (0,5 by default).
    pub step: Points,
}

impl SheetSpec {
    /// Every line, in order.
    pub fn lines(&self) -> impl Iterator<Item = &LineSpec> {
        self.criteria.iter().flat_map(|c| c.lines.iter())
    }

    /// The most points the sheet can give.
    pub fn max(&self) -> Points {
        Points(self.criteria.iter().map(|c| c.max.0).sum())
    }
}

/// The key a line's points are posted under inside `points[…]`. Line keys
/// are UUIDs, which may begin with a digit, and a form decoder reads a
/// bracketed key that begins with a digit as a list index: the `k` keeps
/// it a name.
pub fn posted_key(key: &str) -> String {
    format!("k{key}")
}

/// The line key of a posted key (see [`posted_key`]).
pub fn line_key(posted: &str) -> Option<&str> {
    posted.strip_prefix('k')
}

/// The form field (and error key) of a line.
pub fn line_field(key: &str) -> String {
    format!("line_{key}")
}

/// Parses the points typed on one line: empty is `None` (a draft may have
/// empty lines); otherwise a number with a decimal comma or dot, from 0 to
/// the line's maximum, on the step.
pub fn parse_line(line: &LineSpec, raw: &str, step: Points) -> Result<Option<Points>, FieldError> {
    let field = line_field(&line.key);
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let points = parse_points(&field, raw, Points(0), line.max, false)?;
    if step.0 > 0 && points.0 % step.0 != 0 {
        return Err(FieldError::new(&field, Problem::NotOnStep { step: step.display() }));
    }
    Ok(Some(points))
}

/// The points of each line, by key; `None` where the line is empty.
pub type SheetPoints = BTreeMap<String, Option<Points>>;

/// Checks every line of a sheet as typed (`typed` maps line keys to
/// text). With `complete`, every line must be filled (to submit). All
/// problems are reported at once.
pub fn check_sheet(
    spec: &SheetSpec,
    typed: &BTreeMap<String, String>,
    complete: bool,
) -> Result<SheetPoints, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut points = SheetPoints::new();
    for line in spec.lines() {
        let raw = typed.get(&line.key).map(String::as_str).unwrap_or("");
        match parse_line(line, raw, spec.step) {
            Ok(None) if complete => errors.push(FieldError::new(&line_field(&line.key), Problem::Required)),
            Ok(value) => {
                points.insert(line.key.clone(), value);
            }
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(points)
    } else {
        Err(errors)
    }
}

/// The running figures of a sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetTotals {
    /// The sum of the filled lines.
    pub total: Points,
    /// The sum per criterion group, in order.
    pub per_criterion: Vec<Points>,
    /// How many lines are still empty.
    pub empty: usize,
}

/// Totals of the lines that hold valid points (empty or invalid lines
/// count as empty).
pub fn totals(spec: &SheetSpec, points: &SheetPoints) -> SheetTotals {
    let mut result = SheetTotals::default();
    for criterion in &spec.criteria {
        let mut sum = 0;
        for line in &criterion.lines {
            match points.get(&line.key).copied().flatten() {
                Some(p) => sum += p.0,
                None => result.empty += 1,
            }
        }
        result.per_criterion.push(Points(sum));
        result.total.0 += sum;
    }
    result
}

/// Like [`totals`], from what is typed: each line parsed on its own, so
/// one bad line does not hide the others' sum.
pub fn typed_totals(spec: &SheetSpec, typed: &BTreeMap<String, String>) -> SheetTotals {
    let points: SheetPoints = spec
        .lines()
        .map(|line| {
            let raw = typed.get(&line.key).map(String::as_str).unwrap_or("");
            (line.key.clone(), parse_line(line, raw, spec.step).ok().flatten())
        })
        .collect();
    totals(spec, &points)
}

/// Where a sheet stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SheetState {
    /// Being filled; the juror may change it.
    Draft,
    /// Submitted: locked until the secretariat reopens it.
    Submitted,
}

impl SheetState {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            SheetState::Draft => "draft",
            SheetState::Submitted => "submitted",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<SheetState> {
        match code {
            "draft" => Some(SheetState::Draft),
            "submitted" => Some(SheetState::Submitted),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(key: &str, max: i64) -> LineSpec {
        LineSpec {
            key: key.into(),
            name_vi: key.into(),
            name_en: key.into(),
            max: Points::whole(max),
            guidance: None,
        }
    }

    /// Criterion 1 with two sub-criteria (25 + 15), the others as one line.
    fn spec() -> SheetSpec {
        let criterion = |number: i64, max: i64, lines: Vec<LineSpec>| CriterionSpec {
            number,
            name_vi: format!("Nhóm {number}"),
            name_en: format!("Group {number}"),
            max: Points::whole(max),
            has_subs: lines.len() > 1,
            lines,
        };
        SheetSpec {
            criteria: vec![
                criterion(1, 40, vec![line("a", 25), line("b", 15)]),
                criterion(2, 40, vec![line("c2", 40)]),
                criterion(3, 10, vec![line("c3", 10)]),
                criterion(4, 10, vec![line("c4", 10)]),
            ],
            step: Points(50),
        }
    }

    fn typed(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn posted_keys_round_trip() {
        let key = "3f2a1b9c-1111-4222-8333-944455556666";
        assert_eq!(line_key(&posted_key(key)), Some(key));
        assert_eq!(line_key("3f2a"), None);
    }

    #[test]
    fn points_are_typed_with_a_decimal_comma_on_the_step() {
        let s = spec();
        let a = &s.criteria[0].lines[0];
        assert_eq!(parse_line(a, "7,5", s.step), Ok(Some(Points(750))));
        assert_eq!(parse_line(a, "7.5", s.step), Ok(Some(Points(750))));
        assert_eq!(parse_line(a, " ", s.step), Ok(None));
        assert_eq!(parse_line(a, "0", s.step), Ok(Some(Points(0))));
        assert_eq!(parse_line(a, "25", s.step), Ok(Some(Points(2500))));
        let problem = |raw: &str| parse_line(a, raw, s.step).unwrap_err().problem;
        assert_eq!(problem("7,55"), Problem::NotOnStep { step: "0,5".into() });
        assert_eq!(problem("7,25"), Problem::NotOnStep { step: "0,5".into() });
        assert_eq!(problem("abc"), Problem::NotANumber);
        assert_eq!(
            problem("25,5"),
            Problem::OutOfRange {
                min: "0".into(),
                max: "25".into()
            }
        );
        assert_eq!(
            problem("-1"),
            Problem::OutOfRange {
                min: "0".into(),
                max: "25".into()
            }
        );
        // A finer step allows quarters.
        assert_eq!(parse_line(a, "7,25", Points(25)), Ok(Some(Points(725))));
        assert_eq!(parse_line(a, "7,3", Points(100)).unwrap_err().field, "line_a");
    }

    #[test]
    fn a_draft_may_have_empty_lines_but_a_submission_may_not() {
        let s = spec();
        let partial = typed(&[("a", "20"), ("b", "12,5")]);
        let points = check_sheet(&s, &partial, false).unwrap();
        assert_eq!(points["a"], Some(Points(2000)));
        assert_eq!(points["c2"], None);
        let errors = check_sheet(&s, &partial, true).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["line_c2", "line_c3", "line_c4"]);
        assert!(errors.iter().all(|e| e.problem == Problem::Required));
    }

    #[test]
    fn every_bad_line_is_reported_at_once() {
        let s = spec();
        let bad = typed(&[("a", "30"), ("b", "x"), ("c2", "7,55"), ("c3", "5"), ("c4", "")]);
        let errors = check_sheet(&s, &bad, false).unwrap_err();
        assert_eq!(errors.len(), 3);
        assert_eq!(errors[0].field, "line_a");
    }

    #[test]
    fn totals_add_what_is_filled_and_count_what_is_not() {
        let s = spec();
        let full = typed(&[("a", "20"), ("b", "12,5"), ("c2", "30"), ("c3", "7,5"), ("c4", "8")]);
        let points = check_sheet(&s, &full, true).unwrap();
        let t = totals(&s, &points);
        assert_eq!(t.total, Points(7800));
        assert_eq!(
            t.per_criterion,
            vec![Points(3250), Points(3000), Points(750), Points(800)]
        );
        assert_eq!(t.empty, 0);
        let t = typed_totals(&s, &typed(&[("a", "20"), ("b", "abc"), ("c3", "7,5")]));
        assert_eq!((t.total, t.empty), (Points(2750), 3));
        assert_eq!(s.max(), Points::whole(100));
    }

    #[test]
    fn a_total_never_exceeds_the_sheet_maximum() {
        // Every line at its maximum gives exactly the maximum.
        let s = spec();
        let all_max: BTreeMap<String, String> = s.lines().map(|l| (l.key.clone(), l.max.display())).collect();
        let points = check_sheet(&s, &all_max, true).unwrap();
        assert_eq!(totals(&s, &points).total, s.max());
    }
}
