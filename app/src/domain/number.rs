//! Numbers as Vietnamese users write them: `.` groups thousands and `,`
//! marks decimals (`1.234,5`).

/// Groups the digits of a whole number: `1234567` → `1.234.567`.
pub fn format_int(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A number with up to `decimals` decimals, trailing zeros dropped:
/// `7.5` → `7,5`, `70.0` → `70`, `1234.25` → `1.234,25`.
pub fn format_decimal(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && (whole != 0 || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{}", format_int(whole))
    } else {
        format!("{sign}{},{fraction}", format_int(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(999), "999");
        assert_eq!(format_int(1000), "1.000");
        assert_eq!(format_int(1_234_567), "1.234.567");
        assert_eq!(format_int(-45_000), "-45.000");
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(format_decimal(7.5, 2), "7,5");
        assert_eq!(format_decimal(70.0, 2), "70");
        assert_eq!(format_decimal(1234.25, 2), "1.234,25");
        assert_eq!(format_decimal(72.333_333, 2), "72,33");
        assert_eq!(format_decimal(-0.001, 2), "0");
    }
}
