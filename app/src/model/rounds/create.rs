//! What `crate::api::rounds::create` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::round::RoundSettingsForm;
use crate::model::geography::Geography;

/// An earlier round, to copy or to nominate to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundChoice {
    /// Its id, as text.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its level's id.
    pub level: String,
}

/// What the new-round form offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewRoundOptions {
    /// Levels and territories.
    pub geography: Geography,
    /// Existing rounds.
    pub rounds: Vec<RoundChoice>,
    /// The values the form starts with.
    pub defaults: RoundSettingsForm,
}
