//! What a signed-in person is proven to be in a round or to an entry.
//! Each type here is built only by its `check`, which makes the check on
//! the records the caller loaded; the fields are private, so a use case
//! that takes `&RoundManager`, `&Juror`, `&CouncilMember` or
//! `&EntryOwner` cannot be reached without the check having passed.
//!
//! A round the person has no part in is [`AppError::NotFound`] (ids
//! reveal nothing); a round they have another part in is refused.

use super::principal::Principal;
use crate::db::businesses::BusinessRecord;
use crate::db::entries::EntryRecord;
use crate::db::rounds::RoundRecord;
use crate::domain::council::CouncilRefusal;
use crate::domain::ids::RoundId;
use crate::domain::role::Role;
use crate::error::AppError;

impl Principal {
    /// The roles this person holds in `round`.
    pub fn roles_in(&self, round: RoundId) -> Vec<Role> {
        self.grants()
            .iter()
            .filter(|g| g.round == Some(round))
            .map(|g| g.role)
            .collect()
    }
}

/// A person proven to run a round: an administrator or one of the
/// round's secretaries.
pub struct RoundManager {
    principal: Principal,
    round: RoundRecord,
}

impl RoundManager {
    /// Proves that `principal` runs `round`, or says why not.
    pub fn check(principal: Principal, round: RoundRecord) -> Result<RoundManager, AppError> {
        let roles = principal.roles_in(round.id);
        if principal.is_administrator() || roles.contains(&Role::Secretary) {
            Ok(RoundManager { principal, round })
        } else if roles.is_empty() {
            Err(AppError::NotFound)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The person.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The round, as loaded when the check was made.
    pub fn round(&self) -> &RoundRecord {
        &self.round
    }
}

/// A person proven to have a part in a round (any role in it) or to
/// administer the installation: they may see the round's page.
pub struct RoundViewer {
    principal: Principal,
    round: RoundRecord,
}

impl RoundViewer {
    /// Proves that `principal` may see `round`; anyone else finds nothing.
    pub fn check(principal: Principal, round: RoundRecord) -> Result<RoundViewer, AppError> {
        if principal.is_administrator() || !principal.roles_in(round.id).is_empty() {
            Ok(RoundViewer { principal, round })
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The person.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The round, as loaded when the check was made.
    pub fn round(&self) -> &RoundRecord {
        &self.round
    }
}

/// A person proven to sit on a round's jury.
pub struct Juror {
    principal: Principal,
    round: RoundId,
}

impl Juror {
    /// Proves that `principal` is a juror of `round`; anyone else finds
    /// nothing there.
    pub fn check(principal: Principal, round: &RoundRecord) -> Result<Juror, AppError> {
        if principal.roles_in(round.id).contains(&Role::Juror) {
            Ok(Juror {
                principal,
                round: round.id,
            })
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The person.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The round whose jury they sit on.
    pub fn round(&self) -> RoundId {
        self.round
    }
}

/// A person proven to sit on a round's council.
pub struct CouncilMember {
    principal: Principal,
    round: RoundId,
}

impl CouncilMember {
    /// Proves that `principal` sits on the council of `round`: someone
    /// with no part in the round finds nothing, anyone else with a part
    /// in it (or an administrator) is told they are not a member.
    pub fn check(principal: Principal, round: &RoundRecord) -> Result<CouncilMember, AppError> {
        let roles = principal.roles_in(round.id);
        if roles.contains(&Role::CouncilMember) {
            Ok(CouncilMember {
                principal,
                round: round.id,
            })
        } else if roles.is_empty() && !principal.is_administrator() {
            Err(AppError::NotFound)
        } else {
            Err(CouncilRefusal::NotAMember.into())
        }
    }

    /// The person.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The round whose council they sit on.
    pub fn round(&self) -> RoundId {
        self.round
    }
}

/// A person proven to be the business that enters an entry, with the
/// entry, its round and the business as loaded for the check.
pub struct EntryOwner {
    principal: Principal,
    entry: EntryRecord,
    round: RoundRecord,
    business: BusinessRecord,
}

impl EntryOwner {
    /// Proves that `principal` owns `business`, the business that enters
    /// `entry` in `round`; `None` when they do not.
    pub fn check(
        principal: Principal,
        entry: EntryRecord,
        round: RoundRecord,
        business: BusinessRecord,
    ) -> Option<EntryOwner> {
        if business.owner == principal.id() && entry.business == business.id && entry.round == round.id {
            Some(EntryOwner {
                principal,
                entry,
                round,
                business,
            })
        } else {
            None
        }
    }

    /// The person.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The entry.
    pub fn entry(&self) -> &EntryRecord {
        &self.entry
    }

    /// Its round.
    pub fn round(&self) -> &RoundRecord {
        &self.round
    }

    /// The business that enters it.
    pub fn business(&self) -> &BusinessRecord {
        &self.business
    }
}
