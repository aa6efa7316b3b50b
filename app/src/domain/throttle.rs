//! Throttling of failed sign-ins, per account and per address.
//!
//! A few failures cost nothing; after that each further failure locks the
//! key for twice as long as the one before, up to an hour. Quiet time
//! forgets old failures. The rule is pure; the store keeps the counters so
//! that every server behind a load balancer sees the same state.

use super::time::Timestamp;

/// How a kind of key is throttled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed before the first lock.
    pub free_failures: u32,
    /// Length of the first lock, in seconds.
    pub first_lock_secs: i64,
    /// Longest lock, in seconds.
    pub max_lock_secs: i64,
    /// Failures older than this (seconds without a new failure) are forgotten.
    pub forget_after_secs: i64,
}

/// Per account (the e-mail address or phone number typed): five free tries.
pub const ACCOUNT_POLICY: ThrottlePolicy = ThrottlePolicy {
    free_failures: 5,
    first_lock_secs: 60,
    max_lock_secs: 3600,
    forget_after_secs: 3600,
};

/// Per network address: more tries, since an office may share one address.
pub const ADDRESS_POLICY: ThrottlePolicy = ThrottlePolicy {
    free_failures: 20,
    first_lock_secs: 60,
    max_lock_secs: 3600,
    forget_after_secs: 3600,
};

/// What the store keeps for one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleState {
    /// Failures counted so far.
    pub failures: u32,
    /// When the last failure happened.
    pub last_failure: Timestamp,
    /// Attempts are refused until this instant.
    pub locked_until: Timestamp,
}

/// `Err(until)` while the key is locked.
pub fn check_throttle(state: Option<&ThrottleState>, now: Timestamp) -> Result<(), Timestamp> {
    match state {
        Some(s) if s.locked_until > now => Err(s.locked_until),
        _ => Ok(()),
    }
}

/// The state after one more failure at `now`.
pub fn record_failure(policy: &ThrottlePolicy, state: Option<ThrottleState>, now: Timestamp) -> ThrottleState {
    let previous = state
        .filter(|s| s.last_failure.plus_secs(policy.forget_after_secs) > now || s.locked_until > now)
        .map_or(0, |s| s.failures);
    let failures = previous.saturating_add(1);
    let locked_until = if failures >= policy.free_failures {
        let doublings = (failures - policy.free_failures).min(20);
        let lock = policy
            .first_lock_secs
            .saturating_mul(1_i64 << doublings)
            .min(policy.max_lock_secs);
        now.plus_secs(lock)
    } else {
        // Not locked: the epoch, never "now", so that an attempt whose
        // clock reads a moment earlier does not take it for a lock.
        Timestamp(0)
    };
    ThrottleState {
        failures,
        last_failure: now,
        locked_until,
    }
}

/// The later of two optional locks: what to tell the user.
pub fn later_lock(a: Result<(), Timestamp>, b: Result<(), Timestamp>) -> Result<(), Timestamp> {
    match (a, b) {
        (Err(x), Err(y)) => Err(x.max(y)),
        (Err(x), _) | (_, Err(x)) => Err(x),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail_n(n: u32, policy: &ThrottlePolicy, start: Timestamp) -> Option<ThrottleState> {
        let mut state = None;
        for _ in 0..n {
            state = Some(record_failure(policy, state, start));
        }
        state
    }

    #[test]
    fn first_failures_are_free() {
        let now = Timestamp(1_000_000);
        let state = fail_n(4, &ACCOUNT_POLICY, now);
        assert_eq!(check_throttle(state.as_ref(), now), Ok(()));
    }

    #[test]
    fn fifth_failure_locks_for_a_minute_then_doubles() {
        let now = Timestamp(1_000_000);
        let state = fail_n(5, &ACCOUNT_POLICY, now).unwrap();
        assert_eq!(check_throttle(Some(&state), now), Err(now.plus_secs(60)));
        assert_eq!(check_throttle(Some(&state), now.plus_secs(60)), Ok(()));
        let later = now.plus_secs(61);
        let state = record_failure(&ACCOUNT_POLICY, Some(state), later);
        assert_eq!(state.locked_until, later.plus_secs(120));
    }

    #[test]
    fn locks_are_capped_at_an_hour() {
        let now = Timestamp(0);
        let state = fail_n(40, &ACCOUNT_POLICY, now).unwrap();
        assert_eq!(state.locked_until, now.plus_secs(3600));
    }

    #[test]
    fn quiet_time_forgets_failures() {
        let now = Timestamp(0);
        let state = fail_n(4, &ACCOUNT_POLICY, now);
        let much_later = now.plus_secs(3601);
        let state = record_failure(&ACCOUNT_POLICY, state, much_later);
        assert_eq!(state.failures, 1);
        assert_eq!(check_throttle(Some(&state), much_later), Ok(()));
    }

    #[test]
    fn addresses_get_more_tries_than_accounts() {
        let now = Timestamp(0);
        assert!(check_throttle(fail_n(19, &ADDRESS_POLICY, now).as_ref(), now).is_ok());
        assert!(check_throttle(fail_n(20, &ADDRESS_POLICY, now).as_ref(), now).is_err());
    }

    #[test]
    fn the_later_lock_wins() {
        let (a, b) = (Timestamp(5), Timestamp(9));
        assert_eq!(later_lock(Err(a), Err(b)), Err(b));
        assert_eq!(later_lock(Ok(()), Err(a)), Err(a));
        assert_eq!(later_lock(Ok(()), Ok(())), Ok(()));
    }
}
