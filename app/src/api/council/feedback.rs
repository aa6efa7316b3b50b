//! The entrant's feedback once the round's results are published: the
//! official score, the mean per criterion group and the jurors' comments,
//! never the jurors' names.

use leptos::prelude::*;

use super::EntryFeedback;
use crate::error::AppError;

/// The feedback on an entry, for its business (and the round's
/// secretariat), from publication on.
#[server(endpoint = "entry_feedback")]
pub async fn get_entry_feedback(entry: String) -> Result<EntryFeedback, AppError> {
    boundary::finish(boundary::signed_in(async |state, principal| imp::feedback(state, principal, &entry).await).await)
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::council::feedback as imp;
