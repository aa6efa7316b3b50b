//! The secretariat's acts on entries. For now: returning a submitted
//! entry for correction, with a message the entrant sees (the screening
//! pages arrive with the judging feature).

use leptos::prelude::*;

use crate::error::AppError;

/// Returns a submitted entry to its business for correction.
#[server(endpoint = "return_entry")]
pub async fn return_entry(entry: String, message: String) -> Result<(), AppError> {
    crate::api::boundary::finish(imp::return_entry(&entry, &message).await)
}

#[cfg(feature = "ssr")]
mod imp {
    use super::super::access::{load, Relation};
    use crate::api::boundary::{app_state, audit_entry, notice_back};
    use crate::auth::principal::require_principal;
    use crate::db::outbox::NewMessage;
    use crate::db::{audit, entries, users};
    use crate::domain::audit::AuditAction;
    use crate::domain::entry::{check_message, check_return, EntryState};
    use crate::domain::time::Timestamp;
    use crate::error::AppError;
    use crate::i18n::{Arg, I18n, Lang};

    pub async fn return_entry(id: &str, message: &str) -> Result<(), AppError> {
        let state = app_state()?;
        let principal = require_principal(&state).await?;
        let now = Timestamp::now();
        let mut tx = state.store.write().await?;
        let ctx = load(&mut tx, &principal, id).await?;
        if ctx.relation != Relation::Secretariat {
            return Err(AppError::Forbidden);
        }
        let message = check_message(message)?;
        check_return(ctx.entry.state, ctx.round.state).map_err(AppError::EntryRefused)?;
        if !entries::set_state(
            &mut tx,
            ctx.entry.id,
            EntryState::Submitted,
            EntryState::Returned,
            Some(&message),
            now,
        )
        .await?
        {
            return Err(AppError::Conflict);
        }
        let mut entry = audit_entry(AuditAction::EntryReturned, Some(&principal));
        entry.target_type = Some("entry");
        entry.target_id = Some(ctx.entry.id.to_string());
        entry.target_name = ctx.entry.content.product_name.clone();
        entry.details = Some(serde_json::json!({ "before": "submitted", "after": "returned", "message": message }));
        audit::append(&mut tx, entry).await?;
        let account_email = users::get_user(&mut tx, ctx.business.owner)
            .await?
            .and_then(|u| u.email);
        if let Some(to) = ctx.business.business.email.clone().or(account_email) {
            let link = state.config.link(&format!("/entries/{}", ctx.entry.id));
            let text = |lang: Lang, part: &str| {
                I18n::new(lang).t_with(
                    &format!("mail-returned-{part}"),
                    &[
                        (
                            "product",
                            Arg::Text(ctx.entry.content.product_name.clone().unwrap_or_default()),
                        ),
                        ("round", Arg::Text(ctx.round.settings.name.clone())),
                        ("message", Arg::Text(message.clone())),
                        ("link", Arg::Text(link.clone())),
                    ],
                )
            };
            let mail = NewMessage {
                to,
                subject: format!("{} / {}", text(Lang::Vi, "subject"), text(Lang::En, "subject")),
                body: format!("{}\n\n----------\n\n{}", text(Lang::Vi, "body"), text(Lang::En, "body")),
                kind: "entry",
            };
            state.mail.queue(&mut tx, &mail).await?;
        }
        tx.commit().await?;
        state.mail.wake();
        notice_back("entry-returned");
        Ok(())
    }
}
