//! Who may do what with a round.

use crate::auth::principal::{require_principal, Principal};
use crate::db::rounds::{self, RoundRecord};
use crate::db::Conn;
use crate::domain::ids::RoundId;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::infra::state::AppState;

/// The names of a round's level and territory (empty when missing).
pub async fn place_names(
    conn: &mut Conn,
    round: &RoundRecord,
) -> Result<(crate::model::rounds::Named, crate::model::rounds::Named), AppError> {
    let (level, territory) = crate::db::geography::names_of_place(conn, round.level, round.territory).await?;
    let named = |pair: Option<crate::db::geography::NamePair>| {
        pair.map(|(vi, en)| crate::model::rounds::Named { vi, en })
            .unwrap_or_default()
    };
    Ok((named(level), named(territory)))
}

/// The roles `principal` holds in `round`.
pub fn roles_in(principal: &Principal, round: RoundId) -> Vec<Role> {
    principal.roles_in(round)
}

/// A round by the id in a request; unknown or malformed ids are
/// [`AppError::NotFound`].
pub async fn load(conn: &mut Conn, id: &str) -> Result<RoundRecord, AppError> {
    let id = RoundId::parse(id).ok_or(AppError::NotFound)?;
    rounds::get_round(conn, id).await?.ok_or(AppError::NotFound)
}

pub use crate::auth::standing::{RoundManager, RoundViewer};

/// The round, if the caller runs it; otherwise why not. A round the
/// caller has no part in is [`AppError::NotFound`].
pub async fn require_manager(state: &AppState, conn: &mut Conn, id: &str) -> Result<RoundManager, AppError> {
    manage(require_principal(state).await?, conn, id).await
}

/// The round, if `principal` runs it (see [`require_manager`]).
pub async fn manage(principal: Principal, conn: &mut Conn, id: &str) -> Result<RoundManager, AppError> {
    RoundManager::check(principal, load(conn, id).await?)
}

/// The round, if the caller may see it (an administrator or a member).
pub async fn require_viewer(state: &AppState, conn: &mut Conn, id: &str) -> Result<RoundViewer, AppError> {
    let principal = require_principal(state).await?;
    RoundViewer::check(principal, load(conn, id).await?)
}
