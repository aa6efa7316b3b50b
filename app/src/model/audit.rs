//! What `crate::api::audit` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::time::Timestamp;

/// Rows shown per page.
pub const AUDIT_PER_PAGE: i64 = 50;

/// One row of the audit log as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Position in the log.
    pub seq: i64,
    /// When.
    pub at: Timestamp,
    /// Who (their name at the time), if anyone was signed in.
    pub actor: Option<String>,
    /// The action's code (`account.disabled`, …).
    pub action: String,
    /// What it was done to (name at the time, or the identifier typed).
    pub target: Option<String>,
    /// Network address of the request.
    pub address: Option<String>,
    /// Details as JSON text (before and after values).
    pub details: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    /// The rows.
    pub rows: Vec<AuditRow>,
    /// Pass as `before` to get the next (older) page; `None` at the end.
    pub older: Option<i64>,
}
