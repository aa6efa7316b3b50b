//! The use cases behind `crate::api::rounds::view`:
//! Reading rounds: the viewer's list, one round in full, and the public
//! list of rounds open for entries or published.

use std::collections::HashMap;

use crate::auth::principal::Principal;
use crate::db::rounds::{self, RoundRecord};
use crate::db::{geography, round_members, Conn};
use crate::domain::account::format_phone;
use crate::domain::lifecycle::{check_move, moves_from, Direction, RoundState};
use crate::domain::role::Role;
use crate::domain::round::settings_scope;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::rounds::view::PublicRound;
use crate::model::rounds::{CriterionView, GroupCriteria, MemberView, MoveOption, Named, RoundDetail, RoundSummary};
use crate::service::rounds::access::{require_viewer, roles_in};

/// Names of every level and territory, by id.
pub struct Names {
    levels: HashMap<String, Named>,
    territories: HashMap<String, Named>,
}

impl Names {
    pub async fn load(conn: &mut Conn) -> Result<Names, AppError> {
        let levels = geography::list_levels(conn)
            .await?
            .into_iter()
            .map(|l| {
                (
                    l.id.to_string(),
                    Named {
                        vi: l.name_vi,
                        en: l.name_en,
                    },
                )
            })
            .collect();
        let territories = geography::list_territories(conn)
            .await?
            .into_iter()
            .map(|t| {
                (
                    t.id.to_string(),
                    Named {
                        vi: t.name_vi,
                        en: t.name_en,
                    },
                )
            })
            .collect();
        Ok(Names { levels, territories })
    }

    pub fn summary(&self, round: &RoundRecord, my_roles: Vec<Role>) -> RoundSummary {
        RoundSummary {
            id: round.id,
            name: round.settings.name.clone(),
            year: round.settings.year,
            level: self.levels.get(&round.level.to_string()).cloned().unwrap_or_default(),
            territory: self
                .territories
                .get(&round.territory.to_string())
                .cloned()
                .unwrap_or_default(),
            state: round.state,
            settings: round.settings.clone(),
            my_roles,
        }
    }
}

pub async fn list_mine(state: &AppState, principal: Principal) -> Result<Vec<RoundSummary>, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let list = if principal.is_administrator() {
        rounds::list_rounds(&mut conn).await?
    } else {
        rounds::rounds_of_user(&mut conn, principal.id()).await?
    };
    let names = Names::load(&mut conn).await?;
    Ok(list
        .iter()
        .map(|r| names.summary(r, roles_in(&principal, r.id)))
        .collect())
}

pub async fn detail(state: &AppState, id: &str) -> Result<RoundDetail, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let viewer = require_viewer(state, &mut conn, id).await?;
    let (principal, round) = (viewer.principal(), viewer.round());
    let my_roles = roles_in(principal, round.id);
    let can_manage = principal.is_administrator() || my_roles.contains(&Role::Secretary);
    let names = Names::load(&mut conn).await?;
    let parent = match round.parent {
        Some(parent) => rounds::get_round(&mut conn, parent)
            .await?
            .map(|p| (p.id, p.settings.name)),
        None => None,
    };
    let facts = rounds::facts(&mut conn, round, Timestamp::now()).await?;
    let moves = moves_from(round.state)
        .into_iter()
        .map(|(to, direction)| {
            let back = direction == Direction::Back;
            // Moves back are judged as if a reason were given: the form asks for it.
            let reason = back.then_some("…");
            MoveOption {
                to,
                back,
                refusal: check_move(round.state, to, &facts, reason).err(),
            }
        })
        .collect();
    let groups = rounds::groups(&mut conn, round.id).await?;
    let criteria = rounds::criteria(&mut conn, round.id).await?;
    let subs = rounds::sub_criteria(&mut conn, round.id).await?;
    let members = round_members::members(&mut conn, round.id).await?;
    let number_of = |g| groups.iter().find(|x| x.id == g).map(|x| x.number).unwrap_or_default();
    Ok(RoundDetail {
        form: round.settings.to_form(),
        level_id: round.level.to_string(),
        territory_id: round.territory.to_string(),
        parent,
        state_changed_at: round.state_changed_at,
        moves,
        can_manage,
        can_assign: principal.is_administrator(),
        scope: settings_scope(round.state),
        criteria_frozen: round.criteria_frozen,
        groups: groups
            .iter()
            .map(|g| GroupCriteria {
                id: g.id.to_string(),
                number: g.number,
                name: Named {
                    vi: g.name_vi.clone(),
                    en: g.name_en.clone(),
                },
                criteria: criteria
                    .iter()
                    .map(|c| CriterionView {
                        id: c.id.to_string(),
                        number: c.number,
                        name: Named {
                            vi: c.name_vi.clone(),
                            en: c.name_en.clone(),
                        },
                        max: c.max,
                        subs: subs
                            .iter()
                            .filter(|s| s.group == g.id && s.criterion == c.id)
                            .map(|s| s.item.clone())
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        members: members
            .into_iter()
            .map(|m| MemberView {
                chair: m.role == Role::CouncilMember && round.chair == Some(m.user),
                contact: m
                    .email
                    .clone()
                    .or_else(|| m.phone.as_deref().map(format_phone))
                    .unwrap_or_default(),
                groups: m.groups.iter().map(|g| number_of(*g)).collect(),
                user: m.user,
                name: m.name,
                role: m.role,
            })
            .collect(),
        summary: names.summary(round, my_roles),
    })
}

pub async fn public(state: &AppState) -> Result<Vec<PublicRound>, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let listed: Vec<RoundState> = RoundState::ALL.into_iter().filter(|s| s.listed_publicly()).collect();
    let list = rounds::rounds_in_states(&mut conn, &listed).await?;
    let names = Names::load(&mut conn).await?;
    Ok(list
        .iter()
        .map(|r| {
            let summary = names.summary(r, Vec::new());
            PublicRound {
                id: r.id,
                name: summary.name,
                level: summary.level,
                territory: summary.territory,
                state: r.state,
                entries_open: r.settings.entries_open,
                entries_close: r.settings.entries_close,
                judging_close: r.settings.judging_close,
            }
        })
        .collect())
}
