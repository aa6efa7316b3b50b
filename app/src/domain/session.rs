//! How long a sign-in lasts: an absolute lifetime from the sign-in
//! (shorter for administrators), and an idle timeout after the last
//! request (short for the staff of a round, longer for entrants, who
//! come back to a dossier over days), and where a sign-in may lead back to.

use super::role::{Role, RoleGrant};
use super::time::Timestamp;

/// The limits an installation sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    /// Idle seconds allowed to staff (administrators, secretaries, jurors,
    /// council members).
    pub staff_idle_secs: i64,
    /// Idle seconds allowed to everyone else (entrants).
    pub entrant_idle_secs: i64,
    /// Longest an administrator's sign-in lasts, idle or not.
    pub admin_lifetime_secs: i64,
}

/// A request refreshes the session's "last seen" at most this often, so
/// reading pages does not write to the database each time.
pub const TOUCH_EVERY_SECS: i64 = 60;

/// Whether someone holding `grants` is staff.
pub fn is_staff(grants: &[RoleGrant]) -> bool {
    grants.iter().any(|g| g.role != Role::Entrant)
}

/// Whether a session signed in at `created` and last used at `last_seen`
/// is still alive at `now` for someone holding `grants` (its own expiry
/// is checked by the store).
pub fn session_alive(
    limits: &SessionLimits,
    grants: &[RoleGrant],
    created: Timestamp,
    last_seen: Timestamp,
    now: Timestamp,
) -> bool {
    let idle = if is_staff(grants) {
        limits.staff_idle_secs
    } else {
        limits.entrant_idle_secs
    };
    let admin = grants.iter().any(|g| g.role == Role::Administrator);
    last_seen.plus_secs(idle) > now && (!admin || created.plus_secs(limits.admin_lifetime_secs) > now)
}

/// Whether a request at `now` should record itself as the session's
/// latest.
pub fn should_touch(last_seen: Timestamp, now: Timestamp) -> bool {
    last_seen.plus_secs(TOUCH_EVERY_SECS) <= now
}

/// A path on this site to go back to; anything else (another site,
/// `//host`, a scheme) becomes `/`.
pub fn local_path(candidate: &str) -> String {
    let ok = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.starts_with("/\\")
        && !candidate.chars().any(|c| c.is_control());
    if ok {
        candidate.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::RoundId;

    const LIMITS: SessionLimits = SessionLimits {
        staff_idle_secs: 2 * 3600,
        entrant_idle_secs: 7 * 24 * 3600,
        admin_lifetime_secs: 12 * 3600,
    };

    fn at(hours: f64) -> Timestamp {
        Timestamp((hours * 3_600_000.0) as i64 + 1_800_000_000_000)
    }

    #[test]
    fn staff_are_signed_out_after_two_idle_hours_entrants_after_a_week() {
        let entrant = [RoleGrant::global(Role::Entrant)];
        let juror = [
            RoleGrant::global(Role::Entrant),
            RoleGrant {
                role: Role::Juror,
                round: Some(RoundId::new()),
            },
        ];
        assert!(session_alive(&LIMITS, &juror, at(0.0), at(0.0), at(1.9)));
        assert!(!session_alive(&LIMITS, &juror, at(0.0), at(0.0), at(2.0)));
        assert!(
            session_alive(&LIMITS, &juror, at(0.0), at(5.0), at(6.5)),
            "used meanwhile"
        );
        assert!(session_alive(&LIMITS, &entrant, at(0.0), at(0.0), at(100.0)));
        assert!(!session_alive(&LIMITS, &entrant, at(0.0), at(0.0), at(168.0)));
    }

    #[test]
    fn an_administrators_sign_in_ends_after_twelve_hours_however_busy() {
        let admin = [RoleGrant::global(Role::Administrator)];
        assert!(session_alive(&LIMITS, &admin, at(0.0), at(11.5), at(11.9)));
        assert!(!session_alive(&LIMITS, &admin, at(0.0), at(11.9), at(12.0)));
    }

    #[test]
    fn last_seen_is_written_once_a_minute_at_most() {
        assert!(!should_touch(at(0.0), at(0.01)));
        assert!(should_touch(at(0.0), at(1.0 / 60.0)));
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/admin/accounts?page=2"), "/admin/accounts?page=2");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
            "/a\nb",
        ] {
            assert_eq!(local_path(bad), "/", "{bad}");
        }
    }
}
