//! What `crate::api::rounds` sends and receives: the types the pages,
//! the server functions and the use cases share.

pub mod create;
pub mod view;

use serde::{Deserialize, Serialize};

use crate::domain::ids::{RoundId, UserId};
use crate::domain::lifecycle::{MoveRefusal, RoundState};
use crate::domain::role::Role;
use crate::domain::round::{RoundSettings, RoundSettingsForm, SettingsScope};
use crate::i18n::Lang;

/// A name in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Named {
    /// The name in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// A round in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundSummary {
    /// Its id.
    pub id: RoundId,
    /// Its name.
    pub name: String,
    /// Its year.
    pub year: i32,
    /// Its level.
    pub level: Named,
    /// Its territory.
    pub territory: Named,
    /// Where it stands.
    pub state: RoundState,
    /// Its calendar and rules.
    pub settings: RoundSettings,
    /// The roles the viewer holds in it.
    pub my_roles: Vec<Role>,
}

/// A move offered on the round page, with why it is refused, if it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoveOption {
    /// The state it leads to.
    pub to: RoundState,
    /// Whether it goes back (and needs a reason).
    pub back: bool,
    /// Why it cannot be taken now.
    pub refusal: Option<MoveRefusal>,
}

/// A member of a round, as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    /// The person.
    pub user: UserId,
    /// Their name.
    pub name: String,
    /// E-mail or phone.
    pub contact: String,
    /// The role.
    pub role: Role,
    /// For jurors: numbers of the product groups they score.
    pub groups: Vec<i64>,
    /// Whether they chair the council.
    pub chair: bool,
}

/// A product group and its criteria, as the criteria page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupCriteria {
    /// The group's id.
    pub id: String,
    /// Its number.
    pub number: i64,
    /// Its name.
    pub name: Named,
    /// The criterion groups with their sub-criteria for this product group.
    pub criteria: Vec<CriterionView>,
}

/// One criterion group for one product group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionView {
    /// The criterion's id.
    pub id: String,
    /// Its number.
    pub number: i64,
    /// Its name.
    pub name: Named,
    /// Its maximum.
    pub max: crate::domain::points::Points,
    /// Its sub-criteria for this product group (none: scored as one line).
    pub subs: Vec<crate::domain::criteria::SubCriterion>,
}

/// Everything the round's pages show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundDetail {
    /// The round, as listed.
    pub summary: RoundSummary,
    /// The settings as form values.
    pub form: RoundSettingsForm,
    /// Its level's id.
    pub level_id: String,
    /// Its territory's id.
    pub territory_id: String,
    /// The round its nominees go to.
    pub parent: Option<(RoundId, String)>,
    /// When it last moved.
    pub state_changed_at: crate::domain::time::Timestamp,
    /// The moves from here.
    pub moves: Vec<MoveOption>,
    /// Whether the viewer may configure and move it (administrator or
    /// the round's secretary).
    pub can_manage: bool,
    /// Whether the viewer may give roles in it (administrator).
    pub can_assign: bool,
    /// What of the settings may change now.
    pub scope: SettingsScope,
    /// Whether the criteria are frozen.
    pub criteria_frozen: bool,
    /// The product groups with their criteria.
    pub groups: Vec<GroupCriteria>,
    /// The members.
    pub members: Vec<MemberView>,
}
