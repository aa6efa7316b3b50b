//! Instants. Stored and compared in UTC (milliseconds since the Unix
//! epoch); shown in Vietnam's time (UTC+7, no daylight saving) as
//! Vietnamese users write dates: `28/11/2026 14:30`.

use serde::{Deserialize, Serialize};
use time::{macros::offset, Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::validation::{FieldError, Problem};

/// Vietnam's time zone, UTC+7 all year.
pub const VIETNAM: UtcOffset = offset!(+7);

/// An instant, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The current instant (server side; the browser never decides time).
    #[cfg(feature = "ssr")]
    pub fn now() -> Self {
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Self(i64::try_from(since.as_millis()).unwrap_or(i64::MAX))
    }

    /// Milliseconds since the epoch.
    pub fn millis(self) -> i64 {
        self.0
    }

    /// This instant moved by a number of seconds (negative moves back).
    pub fn plus_secs(self, secs: i64) -> Self {
        Self(self.0.saturating_add(secs.saturating_mul(1000)))
    }

    /// Whole seconds from `self` until `later`, rounded up, never negative.
    pub fn secs_until(self, later: Timestamp) -> i64 {
        let ms = later.0.saturating_sub(self.0).max(0);
        (ms + 999) / 1000
    }

    fn in_vietnam(self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
            .to_offset(VIETNAM)
    }

    /// `dd/mm/yyyy` in Vietnam's time.
    pub fn vn_date(self) -> String {
        let t = self.in_vietnam();
        format!("{:02}/{:02}/{:04}", t.day(), u8::from(t.month()), t.year())
    }

    /// `HH:MM` in Vietnam's time, 24-hour clock.
    pub fn vn_time(self) -> String {
        let t = self.in_vietnam();
        format!("{:02}:{:02}", t.hour(), t.minute())
    }

    /// `dd/mm/yyyy HH:MM` in Vietnam's time.
    pub fn vn_datetime(self) -> String {
        format!("{} {}", self.vn_date(), self.vn_time())
    }

    /// The value of an `<input type="datetime-local">` showing this instant
    /// in Vietnam's time: `2026-12-01T08:00`.
    pub fn vn_input_value(self) -> String {
        let t = self.in_vietnam();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        )
    }

    /// The year in Vietnam's time.
    pub fn vn_year(self) -> i32 {
        self.in_vietnam().year()
    }

    /// ISO 8601 in UTC, for `<time datetime>` attributes.
    pub fn iso_utc(self) -> String {
        let t = self.in_vietnam().to_offset(UtcOffset::UTC);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

/// Parses a date and time typed in Vietnam's time, either as a browser's
/// `datetime-local` value (`2026-12-01T08:00`) or as people write it
/// (`01/12/2026 08:00`; the time may be left out, meaning 00:00).
pub fn parse_vn_datetime(field: &str, raw: &str) -> Result<Timestamp, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    let invalid = || FieldError::new(field, Problem::InvalidDateTime);
    let numbers =
        |s: &str, sep: char| -> Option<Vec<u32>> { s.split(sep).map(|p| p.trim().parse::<u32>().ok()).collect() };
    let (date_part, time_part) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, t.trim()),
        None => (text, ""),
    };
    let (year, month, day) = if date_part.contains('-') {
        match numbers(date_part, '-').as_deref() {
            Some([y, m, d]) => (*y, *m, *d),
            _ => return Err(invalid()),
        }
    } else {
        match numbers(date_part, '/').as_deref() {
            Some([d, m, y]) => (*y, *m, *d),
            _ => return Err(invalid()),
        }
    };
    let (hour, minute) = if time_part.is_empty() {
        (0, 0)
    } else {
        match numbers(time_part, ':').as_deref() {
            Some([h, m]) => (*h, *m),
            Some([h, m, _s]) => (*h, *m),
            _ => return Err(invalid()),
        }
    };
    if !(1900..=9999).contains(&year) {
        return Err(invalid());
    }
    let month = Month::try_from(u8::try_from(month).map_err(|_| invalid())?).map_err(|_| invalid())?;
    let date = Date::from_calendar_date(year as i32, month, u8::try_from(day).map_err(|_| invalid())?)
        .map_err(|_| invalid())?;
    let time = Time::from_hms(
        u8::try_from(hour).map_err(|_| invalid())?,
        u8::try_from(minute).map_err(|_| invalid())?,
        0,
    )
    .map_err(|_| invalid())?;
    let instant = PrimitiveDateTime::new(date, time).assume_offset(VIETNAM);
    Ok(Timestamp(
        i64::try_from(instant.unix_timestamp_nanos() / 1_000_000).map_err(|_| invalid())?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_vietnam_time_across_midnight_utc() {
        // 2026-11-28T18:30:00Z is 29/11/2026 01:30 in Vietnam.
        let t = Timestamp(1_795_890_600_000);
        assert_eq!(t.iso_utc(), "2026-11-28T18:30:00Z");
        assert_eq!(t.vn_datetime(), "29/11/2026 01:30");
    }

    #[test]
    fn typed_dates_are_vietnam_time() {
        let t = parse_vn_datetime("d", "2026-12-01T08:00").unwrap();
        assert_eq!(t.iso_utc(), "2026-12-01T01:00:00Z");
        assert_eq!(t.vn_input_value(), "2026-12-01T08:00");
        assert_eq!(parse_vn_datetime("d", "01/12/2026 08:00"), Ok(t));
        assert_eq!(
            parse_vn_datetime("d", "1/12/2026").unwrap().vn_datetime(),
            "01/12/2026 00:00"
        );
        for bad in [
            "31/02/2026",
            "2026-13-01T00:00",
            "tomorrow",
            "01/12/2026 25:00",
            "2026-12-01T08",
            "0001-01-01T00:00",
        ] {
            assert_eq!(
                parse_vn_datetime("d", bad).unwrap_err().problem,
                Problem::InvalidDateTime,
                "{bad}"
            );
        }
        assert_eq!(parse_vn_datetime("d", " ").unwrap_err().problem, Problem::Required);
    }

    #[test]
    fn seconds_until_round_up_and_never_go_negative() {
        let t = Timestamp(10_000);
        assert_eq!(t.secs_until(Timestamp(10_001)), 1);
        assert_eq!(t.secs_until(Timestamp(70_000)), 60);
        assert_eq!(t.secs_until(Timestamp(0)), 0);
        assert_eq!(t.plus_secs(-10), Timestamp(0));
    }
}
