//! The council's store: members' votes (replaced until the decision), the
//! tallies of votes taken in the meeting, the decision, each entry's result
//! and the certificates, numbered once and for all inside the decision's
//! transaction, the sets of products, and the open-data list. One module
//! per resource; everything is reachable as `db::council::*`.

mod certificates;
mod decisions;
mod open_data;
mod public;
mod sets;
mod tallies;
mod votes;

pub use certificates::*;
pub use decisions::*;
pub use open_data::*;
pub use public::*;
pub use sets::*;
pub use tallies::*;
pub use votes::*;
