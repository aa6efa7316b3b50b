//! The use cases behind `crate::api::outbox`:
//! Reading the outbox (administrators only): every message the system
//! wrote, sent or not, with its text, so no link is ever lost.

use crate::auth::principal::Administrator;
use crate::db::outbox;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::outbox::{OutboxPage, OutboxRow, OUTBOX_PER_PAGE};

pub async fn list(state: &AppState, _admin: Administrator, page: i64) -> Result<OutboxPage, AppError> {
    let page = page.clamp(1, 100_000);
    let mut conn = state.store.pool().acquire().await?;
    let (records, total) = outbox::list_messages(&mut conn, (page - 1) * OUTBOX_PER_PAGE, OUTBOX_PER_PAGE).await?;
    Ok(OutboxPage {
        messages: records
            .into_iter()
            .map(|m| OutboxRow {
                id: m.id,
                created_at: m.created_at,
                to: m.to,
                subject: m.subject,
                // Only a message held for a person without e-mail
                // shows its link: an administrator passes it on.
                body: if m.status == outbox::MessageStatus::Held {
                    m.body
                } else {
                    crate::domain::delivery::without_links(&m.body)
                },
                status: m.status.code().to_owned(),
                attempts: m.attempts,
                last_error: m.last_error,
                sent_at: m.sent_at,
            })
            .collect(),
        total,
        page,
        smtp_enabled: state.mail.smtp_enabled(),
    })
}
