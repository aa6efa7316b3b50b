//! The second factor: time-based one-time codes (TOTP, RFC 6238) from an
//! authenticator app, through the `totp-rs` crate. Six digits, thirty-second
//! steps, SHA-1 (what every authenticator app reads from a QR code), one
//! step of clock drift either way.

use totp_rs::{Algorithm, Secret, TOTP};

/// Seconds of one step.
pub const STEP_SECS: u64 = 30;
/// Digits of a code.
pub const DIGITS: usize = 6;
/// The name authenticator apps show beside the code.
pub const ISSUER: &str = "Tiêu biểu";

/// A fresh 160-bit secret (RFC 4226's recommended length), in base32.
pub fn new_secret() -> String {
    let bytes = crate::auth::token::random_bytes::<20>();
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => unreachable!("to_encoded gives base32"),
    }
}

fn totp(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().ok()?;
    // `new_unchecked`: the account name may hold any character; the
    // secret is ours and always 160 bits.
    Some(TOTP::new_unchecked(
        Algorithm::SHA1,
        DIGITS,
        1,
        STEP_SECS,
        bytes,
        Some(ISSUER.to_owned()),
        account.replace(':', " "),
    ))
}

/// The code for `secret` at `unix_secs` (tests and the demonstration's
/// journeys compute what an app would show).
pub fn code_at(secret: &str, unix_secs: u64) -> Option<String> {
    Some(totp(secret, "")?.generate(unix_secs))
}

/// The step a code is valid for at `unix_secs`, allowing one step of drift
/// either way, or `None`. Compared in constant time.
pub fn matching_step(secret: &str, code: &str, unix_secs: u64) -> Option<u64> {
    let totp = totp(secret, "")?;
    let now = unix_secs / STEP_SECS;
    let mut found = None;
    for step in [now.saturating_sub(1), now, now + 1] {
        let expected = totp.generate(step * STEP_SECS);
        if same(expected.as_bytes(), code.as_bytes()) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn enrolment_uri(secret: &str, account: &str) -> Option<String> {
    Some(totp(secret, account)?.get_url())
}

/// The QR code of `data` as one SVG path over a square of the returned
/// number of modules (a quiet zone of four modules around it included).
pub fn qr_path(data: &str) -> Option<(String, usize)> {
    let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((path, width + 8))
}

/// The secret as people type it: groups of four letters.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 test secret "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_follow_rfc_6238() {
        assert_eq!(code_at(RFC_SECRET, 59).as_deref(), Some("287082"));
        assert_eq!(code_at(RFC_SECRET, 1_111_111_109).as_deref(), Some("081804"));
        assert_eq!(code_at(RFC_SECRET, 2_000_000_000).as_deref(), Some("279037"));
    }

    #[test]
    fn a_code_holds_for_its_step_and_one_either_side() {
        let secret = new_secret();
        let t = 1_800_000_000;
        let code = code_at(&secret, t).unwrap();
        assert_eq!(matching_step(&secret, &code, t), Some(t / STEP_SECS));
        assert_eq!(matching_step(&secret, &code, t + STEP_SECS), Some(t / STEP_SECS));
        assert_eq!(matching_step(&secret, &code, t - STEP_SECS), Some(t / STEP_SECS));
        assert_eq!(matching_step(&secret, &code, t + 3 * STEP_SECS), None);
        assert_eq!(matching_step(&secret, "000000x", t), None);
        assert_eq!(matching_step("not base32!", &code, t), None);
    }

    #[test]
    fn secrets_are_fresh_160_bit_base32() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(&c)));
        assert_eq!(grouped("ABCDEFGH"), "ABCD EFGH");
    }

    #[test]
    fn the_enrolment_address_names_the_site_and_the_account() {
        let uri = enrolment_uri(RFC_SECRET, "admin@sct.gov.vn").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/Ti%C3%AAu%20bi%E1%BB%83u:admin%40sct.gov.vn?"),
            "{uri}"
        );
        assert!(uri.contains(&format!("secret={RFC_SECRET}")), "{uri}");
        let (path, size) = qr_path(&uri).unwrap();
        assert!(size > 25 && path.starts_with('M'));
    }
}
