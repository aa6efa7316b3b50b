//! The outbox: every message to a person is stored before it is sent, so
//! a failing mail server loses nothing and an administrator can read any
//! message (and its link) in the UI. Servers claim due messages with a
//! lease, so several servers never send one message twice at once.

use sqlx::FromRow;

use super::{Conn, StoreError};
use crate::domain::ids::MessageId;
use crate::domain::time::Timestamp;

/// Where a message stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MessageStatus {
    /// Waiting to be sent (or retried).
    Pending,
    /// Accepted by the mail server.
    Sent,
    /// Given up after repeated failures.
    Failed,
    /// Kept in the outbox only: no mail server is configured.
    Held,
}

impl MessageStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Held => "held",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Pending, Self::Sent, Self::Failed, Self::Held]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A message to store.
#[derive(Clone, Debug)]
pub struct NewMessage {
    /// Recipient's e-mail address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// What it is about (`invitation`, …).
    pub kind: &'static str,
}

/// A stored message.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct MessageRecord {
    /// Its id.
    pub id: MessageId,
    /// When it was written.
    pub created_at: Timestamp,
    /// Recipient.
    #[sqlx(rename = "to_address")]
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// What it is about.
    pub kind: String,
    /// Where it stands.
    pub status: MessageStatus,
    /// Sending attempts so far.
    pub attempts: i64,
    /// The last sending error.
    pub last_error: Option<String>,
    /// When the mail server accepted it.
    pub sent_at: Option<Timestamp>,
}

const COLUMNS: &str = "id, created_at, to_address, subject, body, kind, status, attempts, last_error, sent_at";

/// Stores a message, pending (to send) or held (no mail server).
pub async fn enqueue(
    conn: &mut Conn,
    message: &NewMessage,
    status: MessageStatus,
    now: Timestamp,
) -> Result<MessageId, StoreError> {
    let id = MessageId::new();
    sqlx::query(
        "INSERT INTO outbox (id, created_at, to_address, subject, body, kind, status, attempts, next_attempt_at, claimed_until) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $2, 0)",
    )
    .bind(id)
    .bind(now.millis())
    .bind(&message.to)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(message.kind)
    .bind(status)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Claims up to `limit` due messages for `lease_secs`; other servers skip
/// them until the lease ends.
pub async fn claim_due(
    conn: &mut Conn,
    now: Timestamp,
    lease_secs: i64,
    limit: i64,
) -> Result<Vec<MessageRecord>, StoreError> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 AND claimed_until <= $1 \
         ORDER BY next_attempt_at LIMIT $2",
    )
    .bind(now.millis())
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut claimed = Vec::new();
    for id in ids {
        let won = sqlx::query(
            "UPDATE outbox SET claimed_until = $2 WHERE id = $1 AND status = 'pending' AND claimed_until <= $3",
        )
        .bind(&id)
        .bind(now.plus_secs(lease_secs).millis())
        .bind(now.millis())
        .execute(&mut *conn)
        .await?
        .rows_affected()
            == 1;
        if won {
            let sql = format!("SELECT {COLUMNS} FROM outbox WHERE id = $1");
            let row = sqlx::query(&sql).bind(&id).fetch_one(&mut *conn).await?;
            claimed.push(MessageRecord::from_row(&row)?);
        }
    }
    Ok(claimed)
}

/// Records that the mail server accepted a message, keeping `body` as
/// what remains of it (its one-time links cut off).
pub async fn mark_sent(conn: &mut Conn, id: MessageId, now: Timestamp, body: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, claimed_until = 0, last_error = NULL, \
         body = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(now.millis())
    .bind(body)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records a failed attempt: retry at `next`, or give up when `next` is
/// `None`.
pub async fn mark_attempt_failed(
    conn: &mut Conn,
    id: MessageId,
    error: &str,
    next: Option<Timestamp>,
) -> Result<(), StoreError> {
    let status = if next.is_some() { "pending" } else { "failed" };
    sqlx::query(
        "UPDATE outbox SET status = $2, attempts = attempts + 1, next_attempt_at = $3, claimed_until = 0, \
         last_error = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(next.map_or(0, Timestamp::millis))
    .bind(error)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Empties the bodies of messages created before `before` (their links
/// have long expired; the subject, recipient and status stay).
pub async fn purge_bodies(conn: &mut Conn, before: Timestamp) -> Result<u64, StoreError> {
    let done = sqlx::query("UPDATE outbox SET body = '' WHERE created_at < $1 AND body <> '' AND status <> 'pending'")
        .bind(before.millis())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

/// A page of messages, newest first, with the total count.
pub async fn list_messages(conn: &mut Conn, offset: i64, limit: i64) -> Result<(Vec<MessageRecord>, i64), StoreError> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&mut *conn)
        .await?;
    let sql = format!("SELECT {COLUMNS} FROM outbox ORDER BY created_at DESC, id LIMIT $1 OFFSET $2");
    let rows = sqlx::query(&sql).bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    let messages = rows.iter().map(MessageRecord::from_row).collect::<Result<_, _>>()?;
    Ok((messages, total))
}
