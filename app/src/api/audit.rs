//! Reading the audit log (administrators only).

pub use crate::model::audit::*;

use leptos::prelude::*;

use crate::error::AppError;

/// Lists the audit log, newest first, optionally of one action.
#[server(endpoint = "list_audit")]
pub async fn list_audit(before: Option<i64>, action: Option<String>) -> Result<AuditPage, AppError> {
    boundary::finish(
        boundary::as_administrator(async |state, admin| imp::list(state, admin, before, action.as_deref()).await).await,
    )
}

#[cfg(feature = "ssr")]
use crate::api::boundary;
#[cfg(feature = "ssr")]
use crate::service::audit as imp;
