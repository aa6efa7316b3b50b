//! Certificate numbers: made from the round's pattern, for example
//! `{seq}/{year}/GCN-CNNT` → `007/2026/GCN-CNNT`.

use serde::{Deserialize, Serialize};

use super::business::Business;
use super::text::clean_line;
use super::time::{parse_vn_datetime, Timestamp};
use super::validation::{FieldError, Problem};

/// What a certificate names, fixed when it is issued: the business may
/// later rename itself or move, the certificate still says what the
/// decision recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifiedNames {
    /// The product, or the set's name.
    pub product: String,
    /// For a set: its recognised products.
    pub set_items: Vec<String>,
    /// The product group: number, Vietnamese and English name.
    pub group: Option<(i64, String, String)>,
    /// The business as its profile stood (name, legal form, registration
    /// number, address, representative).
    pub business: Business,
    /// The round's level: Vietnamese and English name.
    pub level: (String, String),
    /// The round's territory: Vietnamese and English name.
    pub territory: (String, String),
}

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

/// Numbers `count` certificates of one decision: running numbers from 1 in
/// the round, in the pattern and `year`, skipping any number in `taken`
/// (held by another round's certificate), so a number is never issued
/// twice. Returns each certificate's running number and number, in order.
pub fn number_certificates(
    pattern: &str,
    year: i32,
    count: usize,
    taken: &std::collections::BTreeSet<String>,
) -> Vec<(i64, String)> {
    let mut numbers = Vec::with_capacity(count);
    let mut seq: u32 = 0;
    while numbers.len() < count && seq < u32::MAX {
        seq += 1;
        let number = format_number(pattern, seq, year);
        if !taken.contains(&number) {
            numbers.push((i64::from(seq), number));
        }
    }
    numbers
}

/// How many calendar years a certificate covers, the year of issue
/// counting as the first (domain: "The certificate").
pub const VALID_YEARS: i32 = 4;

/// The last instant a certificate issued at `issued` is valid: the end of
/// 31 December (Vietnam time) of the fourth year, counting the year of
/// issue as the first. Issued 15/11/2021 → valid to 31/12/2024.
pub fn valid_until(issued: Timestamp) -> Timestamp {
    let last_year = issued.vn_year() + VALID_YEARS - 1;
    // 00:00 on 1 January of the following year, less one millisecond.
    let next = parse_vn_datetime("valid_until", &format!("01/01/{}", last_year + 1)).unwrap_or(Timestamp(i64::MAX));
    Timestamp(next.0 - 1)
}

/// The longest certificate number a check accepts.
pub const NUMBER_MAX: usize = 100;

/// The public page that checks certificate `number`: `/verify/` then the
/// number, its slashes kept (`/verify/001/2026/GCN-CNNT`) and every other
/// character outside ASCII letters, digits and `-._~` percent-encoded.
pub fn verify_path(number: &str) -> String {
    let mut path = String::from("/verify/");
    for byte in number.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            path.push(char::from(byte));
        } else {
            path.push_str(&format!("%{byte:02X}"));
        }
    }
    path
}

/// A certificate number as someone typed or scanned it, cleaned for
/// lookup: Unicode NFC, spaces around trimmed; `None` when empty or longer
/// than [`NUMBER_MAX`] (no certificate has such a number).
pub fn clean_number(raw: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let text: String = raw.trim().nfc().collect();
    (!text.is_empty() && text.chars().count() <= NUMBER_MAX && !text.chars().any(char::is_control)).then_some(text)
}

/// Where a certificate stands for someone checking it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateStatus {
    /// Issued and within its validity.
    Valid,
    /// Past the end of its validity.
    Expired,
    /// Withdrawn by an administrator.
    Revoked,
}

impl CertificateStatus {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            CertificateStatus::Valid => "valid",
            CertificateStatus::Expired => "expired",
            CertificateStatus::Revoked => "revoked",
        }
    }
}

/// The status of a certificate valid until `valid_until`, at `now`. A
/// revocation wins over everything.
pub fn status(valid_until: Timestamp, revoked: bool, now: Timestamp) -> CertificateStatus {
    if revoked {
        CertificateStatus::Revoked
    } else if now > valid_until {
        CertificateStatus::Expired
    } else {
        CertificateStatus::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_run_from_one_and_skip_those_already_issued() {
        let none = std::collections::BTreeSet::new();
        assert_eq!(
            number_certificates("{seq}/{year}/GCN", 2026, 2, &none),
            [(1, "001/2026/GCN".to_string()), (2, "002/2026/GCN".to_string())]
        );
        let taken = ["001/2026/GCN".to_string(), "003/2026/GCN".to_string()].into();
        let numbers: Vec<_> = number_certificates("{seq}/{year}/GCN", 2026, 3, &taken);
        assert_eq!(
            numbers.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(),
            [2, 4, 5],
            "{numbers:?}"
        );
        assert!(number_certificates("{seq}", 2026, 0, &taken).is_empty());
    }

    #[test]
    fn a_certificate_is_valid_to_the_end_of_its_fourth_year() {
        let issued = parse_vn_datetime("d", "15/11/2021 09:00").unwrap();
        let until = valid_until(issued);
        assert_eq!(until.vn_datetime(), "31/12/2024 23:59");
        assert_eq!(status(until, false, until), CertificateStatus::Valid);
        assert_eq!(status(until, false, until.plus_secs(1)), CertificateStatus::Expired);
        assert_eq!(status(until, true, issued), CertificateStatus::Revoked);
        // Issued on 1 January or on 31 December: the same four calendar years.
        let early = parse_vn_datetime("d", "01/01/2026 00:00").unwrap();
        let late = parse_vn_datetime("d", "31/12/2026 23:30").unwrap();
        assert_eq!(valid_until(early), valid_until(late));
        assert_eq!(valid_until(late).vn_date(), "31/12/2029");
        // 31/12 at 20:00 UTC is already 1 January in Vietnam.
        let new_year_in_vietnam = parse_vn_datetime("d", "01/01/2027 03:00").unwrap();
        assert_eq!(valid_until(new_year_in_vietnam).vn_date(), "31/12/2030");
    }

    #[test]
    fn the_check_address_keeps_slashes_and_encodes_the_rest() {
        assert_eq!(verify_path("001/2026/GCN-CNNT"), "/verify/001/2026/GCN-CNNT");
        assert_eq!(verify_path("ĐN 7?#"), "/verify/%C4%90N%207%3F%23");
        assert_eq!(clean_number("  001/2026/GCN-CNNT "), Some("001/2026/GCN-CNNT".into()));
        assert_eq!(
            clean_number("Ðe\u{0301}"),
            Some("Ðé".into()),
            "decomposed accents are composed"
        );
        assert_eq!(clean_number("   "), None);
        assert_eq!(clean_number(&"9".repeat(10_000)), None);
        assert_eq!(clean_number("a\u{0007}b"), None);
    }

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
