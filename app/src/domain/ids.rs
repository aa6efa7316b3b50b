//! Typed identifiers: a `UserId` can never be passed where a `RoundId` is
//! expected. All are UUIDs, stored as text.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id.
            #[cfg(feature = "ssr")]
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// Parses the text form; `None` for anything that is not a UUID.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self)
            }
        }

        #[cfg(feature = "ssr")]
        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

/// Calls `$m!` with every id type, each with its doc comment: the one
/// list that `id_type!` here and the store's codec both expand.
macro_rules! each_id {
    ($m:ident) => {
        $m!(
        /// An account.
        UserId,
        /// A selection round (đợt bình chọn).
        RoundId,
        /// An invitation to create an account.
        InvitationId,
        /// A message in the outbox.
        MessageId,
        /// A one-time link to set a new password.
        ResetId,
        /// A level (cấp).
        LevelId,
        /// A territory (địa bàn).
        TerritoryId,
        /// A product group within a round.
        GroupId,
        /// A criterion group within a round.
        CriterionId,
        /// A sub-criterion within a round.
        SubCriterionId,
        /// A business (cơ sở).
        BusinessId,
        /// An entry (hồ sơ dự thi).
        EntryId,
        /// A file of an entry.
        FileId,
        /// A juror's score sheet for one entry.
        SheetId,
        /// A certificate of recognition.
        CertificateId,
        /// A set of products (bộ sản phẩm) of one business.
        SetId,
        );
    };
}
// The store (server only) expands it too.
#[cfg(feature = "ssr")]
pub(crate) use each_id;

each_id!(id_type);
