//! Certificate numbers: made from the round's pattern, for example
//! `{seq}/{year}/GCN-CNNT` → `007/2026/GCN-CNNT`.

use super::text::clean_line;
use super::validation::{FieldError, Problem};

/// The pattern a new round starts with.
pub const DEFAULT_PATTERN: &str = "{seq}/{year}/GCN-CNNT";
/// Longest pattern.
pub const PATTERN_MAX: usize = 80;

const PLACEHOLDERS: [&str; 2] = ["seq", "year"];

/// Checks a pattern: one line, with `{seq}` (the running number, which
/// makes numbers unique) and no placeholder other than `{seq}` and `{year}`.
pub fn check_pattern(field: &str, raw: &str) -> Result<String, FieldError> {
    let pattern = clean_line(field, raw, PATTERN_MAX, true)?.unwrap_or_default();
    let mut rest = pattern.as_str();
    let mut has_seq = false;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            return Err(FieldError::new(
                field,
                Problem::PatternUnknownPlaceholder { name: after.to_owned() },
            ));
        };
        let name = &after[..end];
        if !PLACEHOLDERS.contains(&name) {
            return Err(FieldError::new(
                field,
                Problem::PatternUnknownPlaceholder { name: name.to_owned() },
            ));
        }
        has_seq |= name == "seq";
        rest = &after[end + 1..];
    }
    if !has_seq {
        return Err(FieldError::new(field, Problem::PatternNeedsSequence));
    }
    Ok(pattern)
}

/// The certificate number for running number `seq` (from 1, shown with at
/// least three digits) in `year`.
pub fn format_number(pattern: &str, seq: u32, year: i32) -> String {
    pattern
        .replace("{seq}", &format!("{seq:03}"))
        .replace("{year}", &year.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_pattern() {
        assert_eq!(format_number(DEFAULT_PATTERN, 7, 2026), "007/2026/GCN-CNNT");
        assert_eq!(format_number("ĐN-{year}-{seq}", 1234, 2027), "ĐN-2027-1234");
    }

    #[test]
    fn patterns_need_the_running_number_and_known_placeholders_only() {
        assert_eq!(
            check_pattern("p", " {seq}/{year}/GCN-CNNT "),
            Ok(DEFAULT_PATTERN.to_owned())
        );
        assert_eq!(
            check_pattern("p", "{year}/GCN").unwrap_err().problem,
            Problem::PatternNeedsSequence
        );
        assert_eq!(
            check_pattern("p", "{seq}/{province}").unwrap_err().problem,
            Problem::PatternUnknownPlaceholder {
                name: "province".into()
            }
        );
        assert!(check_pattern("p", "{seq").is_err());
        assert_eq!(check_pattern("p", "").unwrap_err().problem, Problem::Required);
    }
}
