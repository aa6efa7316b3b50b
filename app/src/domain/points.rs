//! Points on the 100-point sheet, kept as whole hundredths so that sums and
//! comparisons are exact ("7,5" is 750). People type them the Vietnamese
//! way, with a decimal comma; a dot is accepted too.

use serde::{Deserialize, Serialize};

use super::number::format_int;
use super::validation::{FieldError, Problem};

/// A number of points, in hundredths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Points(pub i64);

impl Points {
    /// Whole points.
    pub const fn whole(points: i64) -> Points {
        Points(points * 100)
    }

    /// Hundredths of a point.
    pub fn centi(self) -> i64 {
        self.0
    }

    /// As Vietnamese users write it: `7,5`, `40`, `72,25`, `1.250`.
    /// Integer arithmetic only, so the browser's bundle needs no float
    /// formatting.
    pub fn display(self) -> String {
        let abs = self.0.unsigned_abs();
        let whole = format_int((abs / 100) as i64);
        let sign = if self.0 < 0 { "-" } else { "" };
        match abs % 100 {
            0 => format!("{sign}{whole}"),
            f if f % 10 == 0 => format!("{sign}{whole},{}", f / 10),
            f => format!("{sign}{whole},{f:02}"),
        }
    }

    /// As an `<input>` value (same as [`Points::display`]).
    pub fn input_value(self) -> String {
        self.display()
    }
}

/// Parses points typed by a person: digits with at most two decimals after
/// a comma or a dot, within `min..=max`. `whole_only` refuses decimals.
pub fn parse_points(field: &str, raw: &str, min: Points, max: Points, whole_only: bool) -> Result<Points, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    let not_a_number = || FieldError::new(field, Problem::NotANumber);
    let (whole, fraction) = match text.find([',', '.']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let negative = whole.starts_with('-');
    let whole_digits = whole.strip_prefix('-').unwrap_or(whole);
    if whole_digits.is_empty() && fraction.is_empty()
        || !whole_digits.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || whole_digits.len() > 9
    {
        return Err(not_a_number());
    }
    if fraction.len() > 2 {
        return Err(FieldError::new(field, Problem::TooManyDecimals));
    }
    let whole_value: i64 = if whole_digits.is_empty() {
        0
    } else {
        whole_digits.parse().map_err(|_| not_a_number())?
    };
    let fraction_value: i64 = format!("{fraction:0<2}").parse().map_err(|_| not_a_number())?;
    let mut value = whole_value * 100 + fraction_value;
    if negative {
        value = -value;
    }
    if whole_only && fraction_value != 0 {
        return Err(FieldError::new(field, Problem::WholeNumberRequired));
    }
    let value = Points(value);
    if value < min || value > max {
        return Err(FieldError::new(
            field,
            Problem::OutOfRange {
                min: min.display(),
                max: max.display(),
            },
        ));
    }
    Ok(value)
}

/// Parses a whole number typed by a person, within `min..=max`.
pub fn parse_whole(field: &str, raw: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    let points = parse_points(field, raw, Points::whole(min), Points::whole(max), true)?;
    Ok(points.0 / 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: Points = Points::whole(100);

    #[test]
    fn commas_and_dots_both_mark_decimals() {
        assert_eq!(parse_points("p", "7,5", Points(0), MAX, false), Ok(Points(750)));
        assert_eq!(parse_points("p", "7.5", Points(0), MAX, false), Ok(Points(750)));
        assert_eq!(parse_points("p", " 70 ", Points(0), MAX, false), Ok(Points(7000)));
        assert_eq!(parse_points("p", "72,25", Points(0), MAX, false), Ok(Points(7225)));
        assert_eq!(parse_points("p", ",5", Points(0), MAX, false), Ok(Points(50)));
    }

    #[test]
    fn nonsense_and_out_of_range_are_refused_with_the_reason() {
        let problem = |raw: &str| parse_points("p", raw, Points(0), MAX, false).unwrap_err().problem;
        assert_eq!(problem(""), Problem::Required);
        assert_eq!(problem("abc"), Problem::NotANumber);
        assert_eq!(problem("7,5,5"), Problem::NotANumber);
        assert_eq!(problem("1e3"), Problem::NotANumber);
        assert_eq!(problem("7,555"), Problem::TooManyDecimals);
        assert_eq!(
            problem("-1"),
            Problem::OutOfRange {
                min: "0".into(),
                max: "100".into()
            }
        );
        assert_eq!(
            problem("100,5"),
            Problem::OutOfRange {
                min: "0".into(),
                max: "100".into()
            }
        );
        assert_eq!(problem("99999999999999"), Problem::NotANumber);
    }

    #[test]
    fn whole_numbers_refuse_fractions() {
        assert_eq!(parse_whole("n", "12", 0, 100), Ok(12));
        assert_eq!(
            parse_whole("n", "12,5", 0, 100).unwrap_err().problem,
            Problem::WholeNumberRequired
        );
    }

    #[test]
    fn points_display_the_vietnamese_way() {
        assert_eq!(Points(750).display(), "7,5");
        assert_eq!(Points(4000).display(), "40");
        assert_eq!(Points(7225).display(), "72,25");
        assert_eq!(Points(705).display(), "7,05");
        assert_eq!(Points(0).display(), "0");
        assert_eq!(Points(-250).display(), "-2,5");
        assert_eq!(Points(125_000).display(), "1.250");
    }
}
