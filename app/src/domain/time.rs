//! Instants. Stored and compared in UTC (milliseconds since the Unix
//! epoch); shown in Vietnam's time (UTC+7, no daylight saving) as
//! Vietnamese users write dates: `28/11/2026 14:30`.

use serde::{Deserialize, Serialize};
use time::{macros::offset, OffsetDateTime, UtcOffset};

/// Vietnam's time zone, UTC+7 all year.
pub const VIETNAM: UtcOffset = offset!(+7);

/// An instant, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    fn seconds_until_round_up_and_never_go_negative() {
        let t = Timestamp(10_000);
        assert_eq!(t.secs_until(Timestamp(10_001)), 1);
        assert_eq!(t.secs_until(Timestamp(70_000)), 60);
        assert_eq!(t.secs_until(Timestamp(0)), 0);
        assert_eq!(t.plus_secs(-10), Timestamp(0));
    }
}
