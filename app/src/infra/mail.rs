//! Outgoing mail. Messages are written to the outbox in the transaction
//! of the change that causes them; a background worker sends them through
//! SMTP and retries with back-off, so sending never blocks a request and a
//! failing mail server loses nothing. Without SMTP, messages are held in
//! the outbox, where an administrator reads them.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use super::config::{Config, ConfigError};
use crate::db::outbox::{self, MessageRecord, MessageStatus, NewMessage};
use crate::db::{Conn, Store, StoreError};
use crate::domain::delivery::retry_delay_secs;
use crate::domain::ids::MessageId;
use crate::domain::time::Timestamp;

/// How long a claimed message is reserved for one server.
const LEASE_SECS: i64 = 120;
/// How often the worker looks for due messages when nobody wakes it
/// (messages queued by another server, retries coming due).
const POLL_INTERVAL: Duration = Duration::from_secs(5);

/// The SMTP transport, if configured, and the worker's wake-up bell.
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    wake: Notify,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("smtp", &self.transport.is_some())
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// Builds the mailer from the configuration.
    pub fn new(config: &Config) -> Result<Mailer, ConfigError> {
        let from = config.mail_from.parse::<Mailbox>().map_err(|e| ConfigError::Invalid {
            name: "TIEUBIEU_MAIL_FROM",
            problem: e.to_string(),
        })?;
        let transport = match &config.smtp_url {
            None => None,
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| ConfigError::Invalid {
                        name: "TIEUBIEU_SMTP_URL",
                        problem: e.to_string(),
                    })?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
        };
        Ok(Mailer {
            transport,
            from,
            wake: Notify::new(),
        })
    }

    /// Whether messages go out by SMTP (otherwise they are held).
    pub fn smtp_enabled(&self) -> bool {
        self.transport.is_some()
    }

    /// Writes a message to the outbox inside the caller's transaction.
    /// Call [`Mailer::wake`] after the commit. A message to a phone number
    /// (a person without e-mail) is held for an administrator to pass on.
    pub async fn queue(&self, conn: &mut Conn, message: &NewMessage) -> Result<MessageId, StoreError> {
        let status = if self.smtp_enabled() && message.to.contains('@') {
            MessageStatus::Pending
        } else {
            MessageStatus::Held
        };
        outbox::enqueue(conn, message, status, Timestamp::now()).await
    }

    /// Tells the worker that a message is waiting.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    async fn deliver(&self, message: &MessageRecord) -> Result<(), String> {
        let Some(transport) = &self.transport else {
            return Err("no SMTP server configured".into());
        };
        let to: Mailbox = message.to.parse().map_err(|e| format!("recipient: {e}"))?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .message_id(Some(format!("<{}@tieubieu>", message.id)))
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())
            .map_err(|e| format!("message: {e}"))?;
        transport.send(email).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// Sends due messages until the process ends. Safe to run on every server:
/// a message is claimed with a lease before it is sent.
pub fn spawn_worker(store: Store, mailer: Arc<Mailer>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if !mailer.smtp_enabled() {
            return;
        }
        loop {
            match send_due(&store, &mailer).await {
                Ok(sent) if sent > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox worker failed; retrying"),
            }
            let _ = tokio::time::timeout(POLL_INTERVAL, mailer.wake.notified()).await;
        }
    })
}

/// Sends the messages that are due now; returns how many were handled.
pub async fn send_due(store: &Store, mailer: &Mailer) -> Result<usize, StoreError> {
    let claimed = {
        let mut tx = store.write().await?;
        let claimed = outbox::claim_due(&mut tx, Timestamp::now(), LEASE_SECS, 10).await?;
        tx.commit().await?;
        claimed
    };
    let count = claimed.len();
    for message in claimed {
        let result = mailer.deliver(&message).await;
        let mut conn = store.pool().acquire().await?;
        match result {
            Ok(()) => {
                tracing::info!(message = %message.id, kind = %message.kind, "message sent");
                let kept = crate::domain::delivery::without_links(&message.body);
                outbox::mark_sent(&mut conn, message.id, Timestamp::now(), &kept).await?;
            }
            Err(error) => {
                let attempts = message.attempts + 1;
                let next = retry_delay_secs(attempts).map(|s| Timestamp::now().plus_secs(s));
                tracing::warn!(message = %message.id, attempts, error = %error, "message not sent");
                outbox::mark_attempt_failed(&mut conn, message.id, &error, next).await?;
            }
        }
    }
    Ok(count)
}
