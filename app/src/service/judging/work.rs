//! The use cases behind `crate::api::judging::work`:
//! A juror's list: for each round they judge, the entries to declare on
//! and to score, with their sheets' state; the entries they are in
//! conflict with are listed apart, without anything of their dossiers.

use crate::auth::principal::Principal;
use crate::db::jury::JuryState;
use crate::db::rounds;
use crate::domain::jury::JurorAccess;
use crate::domain::lifecycle::RoundState;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::judging::{SheetMark, Stance, WorkItem, WorkRound};
use crate::service::judging::access::stance;

pub async fn mine(state: &AppState, principal: Principal) -> Result<Vec<WorkRound>, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let mut result = Vec::new();
    for grant in principal.grants().iter().filter(|g| g.role == Role::Juror) {
        let Some(round_id) = grant.round else { continue };
        let Some(round) = rounds::get_round(&mut conn, round_id).await? else {
            continue;
        };
        if round.state < RoundState::Judging {
            continue;
        }
        let jury = JuryState::load(&mut conn, round.id).await?;
        let mut items = Vec::new();
        let mut conflicts = Vec::new();
        for e in &jury.entries {
            if !jury.panel.assigned(e.id, e.group).contains(&principal.id()) {
                continue;
            }
            let key = (e.id, principal.id());
            let standing = match stance(jury.declarations.get(&key), principal.id(), e.owner) {
                Stance::Undeclared => JurorAccess::MustDeclare,
                Stance::NoTie => JurorAccess::Scores,
                Stance::Tie(_) | Stance::OwnBusiness => JurorAccess::Conflicted,
            };
            let item = WorkItem {
                entry: e.id,
                code: e.code.clone(),
                product_name: e.product_name.clone().unwrap_or_default(),
                group: e.group_number,
                business_name: e.business_name.clone(),
                standing,
                sheet: (standing != JurorAccess::Conflicted)
                    .then(|| jury.sheets.get(&key))
                    .flatten()
                    .map(|s| SheetMark {
                        state: s.state,
                        total: s.total,
                        from_paper: s.from_paper,
                    }),
            };
            if standing == JurorAccess::Conflicted {
                conflicts.push(item);
            } else {
                items.push(item);
            }
        }
        result.push(WorkRound {
            round: round.id,
            name: round.settings.name.clone(),
            state: round.state,
            judging_close: round.settings.judging_close,
            items,
            conflicts,
        });
    }
    Ok(result)
}
