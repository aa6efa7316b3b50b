//! Rules for administering accounts: who may be disabled, which roles may
//! be taken away, and when an invitation can still be used.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::ids::UserId;
use super::role::Role;
use super::time::Timestamp;

/// Where an account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountStatus {
    /// Invited; the person has not set a password yet.
    Invited,
    /// In use.
    Active,
    /// Disabled by an administrator: cannot sign in.
    Disabled,
}

impl AccountStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Invited => "invited",
            Self::Active => "active",
            Self::Disabled => "disabled",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Invited, Self::Active, Self::Disabled]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Why an administrative change is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum AdminRefusal {
    /// An administrator cannot disable their own account or drop their own
    /// administrator role (they would lock themselves out mid-action).
    #[error("you cannot do this to your own account")]
    OwnAccount,
    /// The installation would be left without an active administrator.
    #[error("the last active administrator must stay")]
    LastAdministrator,
    /// The account is already in the requested state.
    #[error("nothing to change")]
    NothingToChange,
}

/// Whether `actor` may disable `target`. `active_admins` counts the active
/// accounts holding the administrator role, `target_is_admin` tells whether
/// the target is one of them.
pub fn check_disable(
    actor: UserId,
    target: UserId,
    target_status: AccountStatus,
    target_is_admin: bool,
    active_admins: usize,
) -> Result<(), AdminRefusal> {
    if actor == target {
        return Err(AdminRefusal::OwnAccount);
    }
    if target_status == AccountStatus::Disabled {
        return Err(AdminRefusal::NothingToChange);
    }
    if target_is_admin && target_status == AccountStatus::Active && active_admins <= 1 {
        return Err(AdminRefusal::LastAdministrator);
    }
    Ok(())
}

/// Whether `actor` may take the installation-wide `role` away from `target`.
pub fn check_revoke(
    actor: UserId,
    target: UserId,
    role: Role,
    target_active: bool,
    active_admins: usize,
) -> Result<(), AdminRefusal> {
    if role == Role::Administrator {
        if actor == target {
            return Err(AdminRefusal::OwnAccount);
        }
        if target_active && active_admins <= 1 {
            return Err(AdminRefusal::LastAdministrator);
        }
    }
    Ok(())
}

/// How long an invitation link stays usable: a week.
pub const INVITATION_DAYS: i64 = 7;

/// How long a reset link the person asked for stays usable: two hours
/// (it travels by e-mail and only proves access to that mailbox).
pub const SELF_RESET_HOURS: i64 = 2;

/// How long a reset link an administrator issued stays usable: three
/// days (it is passed on by hand, often by phone).
pub const ADMIN_RESET_HOURS: i64 = 72;

/// Whether a one-time link that expires at `expires` and was used at
/// `used` (if ever) can be used at `now`.
pub fn link_usable(expires: Timestamp, used: Option<Timestamp>, now: Timestamp) -> bool {
    used.is_none() && now < expires
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn ids() -> (UserId, UserId) {
        (UserId(Uuid::from_u128(1)), UserId(Uuid::from_u128(2)))
    }

    #[test]
    fn nobody_disables_themselves() {
        let (a, _) = ids();
        assert_eq!(
            check_disable(a, a, AccountStatus::Active, true, 3),
            Err(AdminRefusal::OwnAccount)
        );
    }

    #[test]
    fn the_last_administrator_stays() {
        let (a, b) = ids();
        assert_eq!(
            check_disable(a, b, AccountStatus::Active, true, 1),
            Err(AdminRefusal::LastAdministrator)
        );
        assert_eq!(check_disable(a, b, AccountStatus::Active, true, 2), Ok(()));
        assert_eq!(check_disable(a, b, AccountStatus::Active, false, 1), Ok(()));
        assert_eq!(
            check_revoke(a, b, Role::Administrator, true, 1),
            Err(AdminRefusal::LastAdministrator)
        );
        assert_eq!(
            check_revoke(a, a, Role::Administrator, true, 5),
            Err(AdminRefusal::OwnAccount)
        );
        assert_eq!(check_revoke(a, a, Role::Juror, true, 1), Ok(()));
    }

    #[test]
    fn disabling_twice_changes_nothing() {
        let (a, b) = ids();
        assert_eq!(
            check_disable(a, b, AccountStatus::Disabled, false, 1),
            Err(AdminRefusal::NothingToChange)
        );
    }

    #[test]
    fn links_work_once_and_until_they_expire() {
        let t = Timestamp(1000);
        assert!(link_usable(t.plus_secs(10), None, t));
        assert!(!link_usable(t.plus_secs(10), Some(t), t));
        assert!(!link_usable(t, None, t));
    }
}
