//! Who may see and change an entry.

use crate::auth::principal::Principal;
use crate::auth::standing::EntryOwner;
use crate::db::businesses::{self, BusinessRecord};
use crate::db::entries::{self, EntryRecord};
use crate::db::rounds::{self, RoundRecord};
use crate::db::Conn;
use crate::domain::ids::EntryId;
use crate::domain::jury::JurorAccess;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::service::rounds::access::roles_in;

/// How the viewer relates to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The business that enters it.
    Owner,
    /// A secretary of its round, or an administrator.
    Secretariat,
    /// A juror assigned to it, who declared no tie to its business
    /// (from judging on: before, the list of entries is not fixed).
    Juror,
}

/// An entry with its round and business, as loaded for a viewer.
pub struct EntryContext {
    /// The entry.
    pub entry: EntryRecord,
    /// Its round.
    pub round: RoundRecord,
    /// The entering business.
    pub business: BusinessRecord,
    /// How the viewer relates to it.
    pub relation: Relation,
}

/// The entry, if the viewer may see it; an entry the viewer has no
/// part in is [`AppError::NotFound`], so ids reveal nothing.
pub async fn load(conn: &mut Conn, principal: &Principal, id: &str) -> Result<EntryContext, AppError> {
    let id = EntryId::parse(id).ok_or(AppError::NotFound)?;
    let entry = entries::get_entry(conn, id).await?.ok_or(AppError::NotFound)?;
    let business = businesses::get_business(conn, entry.business)
        .await?
        .ok_or(AppError::NotFound)?;
    let round = rounds::get_round(conn, entry.round).await?.ok_or(AppError::NotFound)?;
    let roles = roles_in(principal, round.id);
    let relation = if business.owner == principal.id() {
        Relation::Owner
    } else if principal.is_administrator() || roles.contains(&Role::Secretary) {
        Relation::Secretariat
    } else if roles.contains(&Role::Juror) {
        match crate::service::judging::access::juror_standing(conn, &round, &entry, business.owner, principal.id())
            .await?
        {
            Some(JurorAccess::Scores) => Relation::Juror,
            // The dossier stays hidden until the juror has declared.
            Some(JurorAccess::MustDeclare) => return Err(AppError::Forbidden),
            Some(JurorAccess::Conflicted) | None => return Err(AppError::NotFound),
        }
    } else {
        return Err(AppError::NotFound);
    };
    Ok(EntryContext {
        entry,
        round,
        business,
        relation,
    })
}

/// The entry, if the viewer is its business; anyone else who may see
/// it is refused, anyone who may not finds nothing.
pub async fn load_own(conn: &mut Conn, principal: &Principal, id: &str) -> Result<EntryOwner, AppError> {
    let context = load(conn, principal, id).await?;
    EntryOwner::check(principal.clone(), context.entry, context.round, context.business).ok_or(AppError::Forbidden)
}
