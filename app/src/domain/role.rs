//! Roles. Administrators act on the whole installation; the other roles
//! are held per round (a person may judge one round and sit on the council
//! of another), so a grant carries an optional round.

use serde::{Deserialize, Serialize};

use super::ids::RoundId;

/// What a person may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Operates the installation: accounts, roles, rounds, the audit log.
    Administrator,
    /// The council's support team (tổ giúp việc): runs a round.
    Secretary,
    /// A member of a round's jury (ban giám khảo).
    Juror,
    /// A member of a round's council (hội đồng bình chọn).
    CouncilMember,
    /// A business representative who enters products.
    Entrant,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Secretary,
        Role::Juror,
        Role::CouncilMember,
        Role::Entrant,
    ];

    /// Roles an administrator may give by invitation.
    pub const INVITABLE: [Role; 4] = [Role::Administrator, Role::Secretary, Role::Juror, Role::CouncilMember];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Secretary => "secretary",
            Role::Juror => "juror",
            Role::CouncilMember => "council_member",
            Role::Entrant => "entrant",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One role held by one person, installation-wide or in one round.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleGrant {
    /// The role.
    pub role: Role,
    /// The round it applies to; `None` for the whole installation.
    pub round: Option<RoundId>,
}

impl RoleGrant {
    /// A role for the whole installation.
    pub fn global(role: Role) -> Self {
        Self { role, round: None }
    }
}

/// Whether the grants include an installation-wide administrator role.
pub fn is_administrator(grants: &[RoleGrant]) -> bool {
    grants
        .iter()
        .any(|g| g.role == Role::Administrator && g.round.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn only_a_global_grant_makes_an_administrator() {
        assert!(is_administrator(&[RoleGrant::global(Role::Administrator)]));
        assert!(!is_administrator(&[RoleGrant::global(Role::Secretary)]));
        assert!(!is_administrator(&[RoleGrant {
            role: Role::Administrator,
            round: Some(RoundId(uuid::Uuid::nil())),
        }]));
    }

    #[test]
    fn entrants_are_not_invited() {
        assert!(!Role::INVITABLE.contains(&Role::Entrant));
    }
}
