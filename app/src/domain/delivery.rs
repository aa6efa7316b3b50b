//! When to retry sending a message after the mail server refused it or
//! could not be reached.

/// Attempts before a message is given up (retries span most of a day).
pub const MAX_ATTEMPTS: i64 = 10;

/// Seconds to wait before the next attempt, after `attempts_so_far`
/// failed attempts (counting the one that just failed); `None` when it is
/// time to give up. Waits grow from 30 seconds to at most 4 hours.
pub fn retry_delay_secs(attempts_so_far: i64) -> Option<i64> {
    if attempts_so_far >= MAX_ATTEMPTS {
        return None;
    }
    let exponent = u32::try_from(attempts_so_far.saturating_sub(1).max(0))
        .unwrap_or(0)
        .min(12);
    Some((30_i64 << (2 * exponent).min(20)).min(4 * 3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_then_give_up() {
        assert_eq!(retry_delay_secs(1), Some(30));
        assert_eq!(retry_delay_secs(2), Some(120));
        assert_eq!(retry_delay_secs(3), Some(480));
        assert_eq!(retry_delay_secs(5), Some(7680));
        assert_eq!(retry_delay_secs(6), Some(4 * 3600));
        assert_eq!(retry_delay_secs(9), Some(4 * 3600));
        assert_eq!(retry_delay_secs(10), None);
    }

    #[test]
    fn total_wait_is_about_a_day() {
        let total: i64 = (1..MAX_ATTEMPTS).filter_map(retry_delay_secs).sum();
        assert!((12 * 3600..=36 * 3600).contains(&total), "{total}");
    }
}
