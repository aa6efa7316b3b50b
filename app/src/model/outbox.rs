//! What `crate::api::outbox` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::ids::MessageId;
use crate::domain::time::Timestamp;

/// Messages shown per page.
pub const OUTBOX_PER_PAGE: i64 = 30;

/// One message as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    /// Its id.
    pub id: MessageId,
    /// When it was written.
    pub created_at: Timestamp,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Text.
    pub body: String,
    /// `pending`, `sent`, `failed` or `held`.
    pub status: String,
    /// Sending attempts.
    pub attempts: i64,
    /// The last sending error.
    pub last_error: Option<String>,
    /// When it was sent.
    pub sent_at: Option<Timestamp>,
}

/// A page of the outbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxPage {
    /// The messages, newest first.
    pub messages: Vec<OutboxRow>,
    /// Messages in all.
    pub total: i64,
    /// This page's number, from 1.
    pub page: i64,
    /// Whether a mail server is configured.
    pub smtp_enabled: bool,
}
