//! Account rules: names, e-mail addresses, Vietnamese phone numbers,
//! passwords, and the sign-up form as a whole.

use serde::{Deserialize, Serialize};

use super::text::clean_line;
use super::validation::{Checker, FieldError, Problem};

/// Longest display name we keep.
pub const NAME_MAX: usize = 120;
/// Longest e-mail address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// Shortest password (NIST SP 800-63B minimum).
pub const PASSWORD_MIN: usize = 8;
/// Shortest password of a staff account (administrators, secretaries,
/// jurors, council members): what they protect is worth more.
pub const STAFF_PASSWORD_MIN: usize = 12;
/// Longest password; long enough for any passphrase, short enough that
/// hashing it costs nothing unusual.
pub const PASSWORD_MAX: usize = 128;

/// A normalised e-mail address: trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses an address using the grammar browsers apply to
    /// `<input type="email">` (WHATWG), with at least one dot in the domain.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(FieldError::new(field, Problem::Required));
        }
        if value.chars().count() > EMAIL_MAX {
            return Err(FieldError::new(field, Problem::TooLong { max: EMAIL_MAX }));
        }
        if is_valid_email(&value) {
            Ok(Self(value))
        } else {
            Err(FieldError::new(field, Problem::InvalidEmail))
        }
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_valid_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// A Vietnamese phone number in the national form people write, `0` and
/// nine or ten digits (mobile numbers have ten digits in all).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    /// Accepts spaces, dots, dashes and parentheses as separators and the
    /// international prefix `+84` or `84`.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(FieldError::new(field, Problem::Required));
        }
        let invalid = || FieldError::new(field, Problem::InvalidPhone);
        let mut digits = String::new();
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => {}
                ' ' | '.' | '-' | '(' | ')' => {}
                _ => return Err(invalid()),
            }
        }
        let national = if trimmed.starts_with('+') {
            digits.strip_prefix("84").map(|rest| format!("0{rest}"))
        } else if digits.starts_with("84") && (digits.len() == 11 || digits.len() == 12) {
            Some(format!("0{}", &digits[2..]))
        } else {
            Some(digits)
        };
        match national {
            Some(n) if n.starts_with('0') && !n.starts_with("00") && (10..=11).contains(&n.len()) => Ok(Self(n)),
            _ => Err(invalid()),
        }
    }

    /// The number as stored, e.g. `0912345678`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number grouped for reading, e.g. `0912 345 678`.
    pub fn display(&self) -> String {
        format_phone(&self.0)
    }
}

/// Groups a stored phone number for reading: `0912 345 678`.
pub fn format_phone(stored: &str) -> String {
    if stored.len() == 10 && stored.is_ascii() {
        format!("{} {} {}", &stored[..4], &stored[4..7], &stored[7..])
    } else {
        stored.to_owned()
    }
}

/// What a person types to sign in: an e-mail address or a phone number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Identifier {
    /// Signs in by e-mail.
    Email(Email),
    /// Signs in by phone.
    Phone(Phone),
}

impl Identifier {
    /// An `@` means an e-mail address; anything else must be a phone number.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        if raw.trim().is_empty() {
            Err(FieldError::new(field, Problem::Required))
        } else if raw.contains('@') {
            Email::parse(field, raw).map(Self::Email)
        } else {
            Phone::parse(field, raw).map(Self::Phone)
        }
    }

    /// A stable key for throttling failed sign-ins to this identifier,
    /// whether or not an account has it.
    pub fn throttle_key(&self) -> String {
        match self {
            Self::Email(e) => format!("account:{}", e.as_str()),
            Self::Phone(p) => format!("account:{}", p.as_str()),
        }
    }
}

/// A display name: one line, 1 to [`NAME_MAX`] characters, NFC.
pub fn parse_name(field: &str, raw: &str) -> Result<String, FieldError> {
    clean_line(field, raw, NAME_MAX, true).map(|name| name.unwrap_or_default())
}

/// Passwords people pick first; refused so that a throttled attacker's
/// few guesses are not enough.
const COMMON_PASSWORDS: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "87654321",
    "11111111",
    "00000000",
    "88888888",
    "password",
    "password1",
    "password123",
    "matkhau",
    "matkhau123",
    "matkhau1",
    "qwertyui",
    "qwerty123",
    "abcd1234",
    "abc12345",
    "iloveyou",
    "admin123",
    "administrator",
    "12341234",
    "66668888",
    "tieubieu",
];

/// Whether `lower` is in the list of the 20,000 most common passwords
/// shipped in `app/assets/common-passwords.txt` (on the server; the browser
/// checks the short list above, and the server checks again).
#[cfg(feature = "ssr")]
fn in_shipped_list(lower: &str) -> bool {
    static LIST: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../assets/common-passwords.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(lower)
}

#[cfg(not(feature = "ssr"))]
fn in_shipped_list(_lower: &str) -> bool {
    false
}

/// A staff account's password must be at least [`STAFF_PASSWORD_MIN`]
/// characters (checked after [`check_new_password`], once it is known
/// whose password it is).
pub fn check_staff_password(field: &str, password: &str) -> Result<(), FieldError> {
    if password.chars().count() < STAFF_PASSWORD_MIN {
        return Err(FieldError::new(
            field,
            Problem::TooShort {
                min: STAFF_PASSWORD_MIN,
            },
        ));
    }
    Ok(())
}

/// A code from an authenticator app as typed: six digits, spaces and a
/// middle dash allowed ("123 456" is how most apps show it), full-width
/// digits of a Vietnamese phone keyboard folded.
pub fn parse_code(field: &str, text: &str) -> Result<String, FieldError> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            other => other,
        })
        .collect();
    if digits.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::new(field, Problem::InvalidCode));
    }
    Ok(digits)
}

/// Checks a new password and its confirmation. Any characters are allowed
/// (spaces and Vietnamese letters included); only length and the most
/// common choices are refused.
pub fn check_new_password(
    field: &str,
    confirm_field: &str,
    password: &str,
    confirmation: &str,
) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length == 0 {
        return Err(FieldError::new(field, Problem::Required));
    }
    if length < PASSWORD_MIN {
        return Err(FieldError::new(field, Problem::TooShort { min: PASSWORD_MIN }));
    }
    if length > PASSWORD_MAX {
        return Err(FieldError::new(field, Problem::TooLong { max: PASSWORD_MAX }));
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lower.as_str()) || in_shipped_list(&lower) {
        return Err(FieldError::new(field, Problem::CommonPassword));
    }
    if password != confirmation {
        return Err(FieldError::new(confirm_field, Problem::PasswordsDiffer));
    }
    Ok(())
}

/// A checked sign-up form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAccount {
    /// Display name.
    pub name: String,
    /// E-mail address, when given.
    pub email: Option<Email>,
    /// Phone number, when given.
    pub phone: Option<Phone>,
}

/// Checks the sign-up form: a name, an e-mail address or a phone number
/// (or both), and a password typed twice. Reports every problem at once.
pub fn check_sign_up(
    name: &str,
    email: &str,
    phone: &str,
    password: &str,
    password_confirm: &str,
) -> Result<NewAccount, Vec<FieldError>> {
    let mut checker = Checker::new();
    let name = checker.check(parse_name("name", name));
    let email = if email.trim().is_empty() {
        Some(None)
    } else {
        checker.check(Email::parse("email", email)).map(Some)
    };
    let phone = if phone.trim().is_empty() {
        Some(None)
    } else {
        checker.check(Phone::parse("phone", phone)).map(Some)
    };
    if matches!((&email, &phone), (Some(None), Some(None))) {
        checker.push(FieldError::new("email", Problem::EmailOrPhoneRequired));
    }
    checker.check(check_new_password(
        "password",
        "password_confirm",
        password,
        password_confirm,
    ));
    checker.finish()?;
    Ok(NewAccount {
        name: name.unwrap_or_default(),
        email: email.flatten(),
        phone: phone.flatten(),
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn codes_are_six_digits_however_typed() {
        assert_eq!(parse_code("code", " 123 456 ").unwrap(), "123456");
        assert_eq!(parse_code("code", "123-456").unwrap(), "123456");
        assert_eq!(parse_code("code", "１２３４５６").unwrap(), "123456");
        assert_eq!(parse_code("code", "").unwrap_err().problem, Problem::Required);
        assert_eq!(parse_code("code", "12345").unwrap_err().problem, Problem::InvalidCode);
        assert_eq!(parse_code("code", "12345a").unwrap_err().problem, Problem::InvalidCode);
        assert_eq!(parse_code("code", "1234567").unwrap_err().problem, Problem::InvalidCode);
    }

    use super::*;

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::parse("email", "  Lan.Nguyen@DongNai.gov.VN ").unwrap().as_str(),
            "lan.nguyen@dongnai.gov.vn"
        );
        for bad in [
            "lan",
            "lan@",
            "@x.vn",
            "lan@localhost",
            "a b@x.vn",
            "lan@x..vn",
            "lan@-x.vn",
            "<script>@x.vn",
        ] {
            assert_eq!(
                Email::parse("email", bad).unwrap_err().problem,
                Problem::InvalidEmail,
                "{bad}"
            );
        }
        let long = format!("{}@x.vn", "a".repeat(300));
        assert_eq!(
            Email::parse("email", &long).unwrap_err().problem,
            Problem::TooLong { max: 254 }
        );
    }

    #[test]
    fn vietnamese_phone_numbers_in_common_spellings() {
        for ok in [
            "0912345678",
            "0912 345 678",
            "0912.345.678",
            "+84 912 345 678",
            "84912345678",
            "(0251) 3822 123",
        ] {
            assert!(Phone::parse("phone", ok).is_ok(), "{ok}");
        }
        assert_eq!(Phone::parse("phone", "+84912345678").unwrap().as_str(), "0912345678");
        assert_eq!(Phone::parse("phone", "0912345678").unwrap().display(), "0912 345 678");
        for bad in [
            "12345",
            "0912abc678",
            "+1 555 123 4567",
            "0012345678",
            "09123456789012",
            "091234567+8",
        ] {
            assert_eq!(
                Phone::parse("phone", bad).unwrap_err().problem,
                Problem::InvalidPhone,
                "{bad}"
            );
        }
    }

    #[test]
    fn identifier_is_email_when_it_has_an_at_sign() {
        assert!(matches!(Identifier::parse("id", "a@b.vn"), Ok(Identifier::Email(_))));
        assert!(matches!(
            Identifier::parse("id", "0912345678"),
            Ok(Identifier::Phone(_))
        ));
        assert_eq!(Identifier::parse("id", " ").unwrap_err().problem, Problem::Required);
        assert_eq!(
            Identifier::parse("id", "A@B.VN").unwrap().throttle_key(),
            Identifier::parse("id", "a@b.vn").unwrap().throttle_key()
        );
    }

    #[test]
    fn passwords_need_length_and_matching_confirmation() {
        assert!(check_new_password("p", "c", "gốm sứ biên hòa", "gốm sứ biên hòa").is_ok());
        assert_eq!(
            check_new_password("p", "c", "short", "short").unwrap_err().problem,
            Problem::TooShort { min: 8 }
        );
        assert_eq!(
            check_new_password("p", "c", "12345678", "12345678")
                .unwrap_err()
                .problem,
            Problem::CommonPassword
        );
        // The shipped list of 20,000 refuses what the short one misses.
        for common in ["baseball", "sunshine1", "princess", "qwertyuiop", "trustno1"] {
            assert_eq!(
                check_new_password("p", "p", common, common).unwrap_err().problem,
                Problem::CommonPassword,
                "{common}"
            );
        }
        assert!(check_new_password("p", "p", "bánh pía sóc trăng", "bánh pía sóc trăng").is_ok());
        assert_eq!(
            check_staff_password("p", "giám khảo 1").unwrap_err().problem,
            Problem::TooShort { min: 12 }
        );
        assert!(check_staff_password("p", "giám khảo tỉnh").is_ok());
        let err = check_new_password("p", "c", "long enough", "long enougH").unwrap_err();
        assert_eq!((err.field.as_str(), err.problem), ("c", Problem::PasswordsDiffer));
        let long = "x".repeat(129);
        assert_eq!(
            check_new_password("p", "c", &long, &long).unwrap_err().problem,
            Problem::TooLong { max: 128 }
        );
    }

    #[test]
    fn sign_up_reports_every_problem_at_once() {
        let errors = check_sign_up("", "", "", "x", "y").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "password"]);
        assert_eq!(errors[1].problem, Problem::EmailOrPhoneRequired);
    }

    #[test]
    fn sign_up_accepts_phone_only() {
        let account = check_sign_up("Cơ sở Gốm Tân Vạn", "", "0912345678", "gom tan van 1", "gom tan van 1").unwrap();
        assert_eq!(account.email, None);
        assert_eq!(account.phone.unwrap().as_str(), "0912345678");
    }
}
