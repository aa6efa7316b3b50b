//! The use cases behind `crate::api::judging::sheets`:
//! Score sheets: the page a juror scores on (or the secretariat types a
//! paper sheet in), saving as a draft or submitting, and reopening.
//!
//! `juror` is empty for the caller's own sheet; a secretary names the
//! juror whose sheet they open.

use std::collections::BTreeMap;

use crate::auth::principal::Principal;
use crate::auth::standing::{Juror, RoundManager};
use crate::db::businesses::BusinessRecord;
use crate::db::entries::{self, EntryRecord};
use crate::db::outbox::NewMessage;
use crate::db::rounds::{self, RoundRecord};
use crate::db::sheets::{self, SheetRecord, SheetWrite};
use crate::db::{audit, users, Conn};
use crate::domain::audit::AuditAction;
use crate::domain::entry::{EntryForm, EntryState};
use crate::domain::ids::UserId;
use crate::domain::jury::{scoring_open, JudgingRefusal, JurorAccess};
use crate::domain::lifecycle::check_reason;
use crate::domain::scoring::{check_sheet, line_field, totals, SheetSpec, SheetState, COMMENT_MAX};
use crate::domain::text::clean_paragraphs;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::i18n::{Arg, I18n, Lang};
use crate::infra::state::AppState;
use crate::model::judging::sheets::SheetSaved;
use crate::model::judging::{Dossier, SheetPage, SheetValues};
use crate::model::rounds::Named;
use crate::service::entries::view::file_view;
use crate::service::judging::access::{entry_in_round, group_of, juror_standing, sheet_spec, whose};
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::roles_in;

/// A sheet as loaded for the caller.
struct SheetContext {
    actor: Actor,
    round: RoundRecord,
    entry: EntryRecord,
    business: BusinessRecord,
    juror: UserId,
    juror_name: String,
    juror_email: Option<String>,
    standing: JurorAccess,
}

/// Who acts on a sheet: the juror on their own, or the round's
/// secretariat on a juror's (a paper sheet typed in, a reopening).
enum Actor {
    Juror(Juror),
    Secretariat(RoundManager),
}

impl SheetContext {
    fn principal(&self) -> &Principal {
        match &self.actor {
            Actor::Juror(juror) => juror.principal(),
            Actor::Secretariat(manager) => manager.principal(),
        }
    }

    /// The caller is the juror (otherwise a secretary of the round).
    fn own(&self) -> bool {
        matches!(self.actor, Actor::Juror(_))
    }
}

/// Loads the sheet of `juror` (the caller when empty) on `entry`. A
/// juror reaches only their own sheets on entries assigned to them; a
/// secretary any juror's. Anything else is not found.
async fn load(conn: &mut Conn, principal: Principal, entry: &str, juror: &str) -> Result<SheetContext, AppError> {
    let (entry, round, business) = entry_in_round(conn, entry).await?;
    let roles = roles_in(&principal, round.id);
    let (juror, own) = whose(&principal, &roles, juror)?;
    let actor = if own {
        Actor::Juror(Juror::check(principal, &round)?)
    } else {
        Actor::Secretariat(RoundManager::check(principal, round.clone())?)
    };
    let standing = juror_standing(conn, &round, &entry, business.owner, juror)
        .await?
        .ok_or(AppError::NotFound)?;
    if own && standing == JurorAccess::Conflicted {
        // A juror in conflict sees nothing of the entry.
        return Err(AppError::NotFound);
    }
    let user = users::get_user(conn, juror).await?.ok_or(AppError::NotFound)?;
    Ok(SheetContext {
        actor,
        round,
        entry,
        business,
        juror,
        juror_name: user.name,
        juror_email: user.email,
        standing,
    })
}

fn values_of(sheet: Option<&SheetRecord>, by_name: Option<String>) -> SheetValues {
    let Some(sheet) = sheet else {
        return SheetValues::default();
    };
    SheetValues {
        version: sheet.version,
        state: Some(sheet.state),
        points: sheet.points.iter().map(|(k, p)| (k.clone(), p.display())).collect(),
        comment: sheet.comment.clone().unwrap_or_default(),
        from_paper: sheet.from_paper,
        submitted_at: sheet.submitted_at,
        updated: by_name.map(|name| (sheet.updated_at, name)),
    }
}

async fn stored_values(conn: &mut Conn, ctx: &SheetContext) -> Result<SheetValues, AppError> {
    let sheet = sheets::get_sheet(conn, ctx.entry.id, ctx.juror).await?;
    let by = match &sheet {
        Some(s) => users::get_user(conn, s.updated_by).await?.map(|u| u.name),
        None => None,
    };
    Ok(values_of(sheet.as_ref(), by))
}

/// Whether the caller may write the sheet now.
fn may_write(ctx: &SheetContext, sheet: Option<&SheetRecord>) -> Result<(), JudgingRefusal> {
    if !scoring_open(ctx.round.state) {
        return Err(JudgingRefusal::ScoringClosed);
    }
    match ctx.standing {
        JurorAccess::Conflicted => return Err(JudgingRefusal::Conflicted),
        JurorAccess::MustDeclare if ctx.own() => return Err(JudgingRefusal::DeclareFirst),
        _ => {}
    }
    if sheet.is_some_and(|s| s.state == SheetState::Submitted) {
        return Err(JudgingRefusal::SheetLocked);
    }
    Ok(())
}

pub async fn page(state: &AppState, principal: Principal, entry: &str, juror: &str) -> Result<SheetPage, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let ctx = load(&mut conn, principal, entry, juror).await?;
    let reveal = !ctx.own() || ctx.standing == JurorAccess::Scores;
    let groups = rounds::groups(&mut conn, ctx.round.id).await?;
    let group = groups.iter().find(|g| Some(g.number) == ctx.entry.content.group);
    let spec = if reveal {
        sheet_spec(&mut conn, &ctx.round, group.map(|g| g.id)).await?
    } else {
        SheetSpec::default()
    };
    let sheet = sheets::get_sheet(&mut conn, ctx.entry.id, ctx.juror).await?;
    let values = if reveal {
        stored_values(&mut conn, &ctx).await?
    } else {
        SheetValues::default()
    };
    let dossier = if reveal {
        let files = entries::files_of(&mut conn, ctx.entry.id).await?;
        Some(Dossier {
            form: EntryForm::from_content(&ctx.entry.content),
            files: files.iter().map(file_view).collect(),
        })
    } else {
        None
    };
    let (level, territory) = crate::service::rounds::access::place_names(&mut conn, &ctx.round).await?;
    let b = &ctx.business.business;
    Ok(SheetPage {
        entry: ctx.entry.id,
        round: ctx.round.id,
        round_name: ctx.round.settings.name.clone(),
        level,
        territory,
        round_state: ctx.round.state,
        code: ctx.entry.selection_code.clone(),
        product_name: ctx.entry.content.product_name.clone().unwrap_or_default(),
        group: group.map(|g| {
            (
                g.number,
                Named {
                    vi: g.name_vi.clone(),
                    en: g.name_en.clone(),
                },
            )
        }),
        business_name: b.name.clone(),
        representative: b.representative.clone(),
        place: format!("{}, {}", b.commune, b.province),
        juror: ctx.juror,
        juror_name: ctx.juror_name.clone(),
        standing: ctx.standing,
        own: ctx.own(),
        can_edit: reveal && may_write(&ctx, sheet.as_ref()).is_ok(),
        can_reopen: !ctx.own()
            && scoring_open(ctx.round.state)
            && sheet.as_ref().is_some_and(|s| s.state == SheetState::Submitted),
        spec,
        values,
        dossier,
    })
}

pub async fn values(state: &AppState, principal: Principal, entry: &str, juror: &str) -> Result<SheetValues, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let ctx = load(&mut conn, principal, entry, juror).await?;
    if ctx.own() && ctx.standing != JurorAccess::Scores {
        return Err(JudgingRefusal::DeclareFirst.into());
    }
    stored_values(&mut conn, &ctx).await
}

/// The field problems of a sheet, each told with its line's name.
fn told_lines(spec: &SheetSpec, mut errors: Vec<crate::domain::validation::FieldError>) -> AppError {
    let i18n = I18n::new(crate::app::page_lang());
    for error in &mut errors {
        let label = spec
            .criteria
            .iter()
            .flat_map(|c| c.lines.iter().map(move |l| (c, l)))
            .find(|(_, l)| line_field(&l.key) == error.field)
            .map(|(c, l)| {
                let name = match i18n.lang {
                    Lang::Vi => &l.name_vi,
                    Lang::En => &l.name_en,
                };
                if c.has_subs {
                    format!("{}. {name}", c.number)
                } else {
                    name.clone()
                }
            });
        if let Some(label) = label {
            error.text = Some(i18n.problem_sentence(&label, &error.problem));
        }
    }
    AppError::Invalid(errors)
}

fn points_json(sheet: Option<&SheetRecord>) -> serde_json::Value {
    match sheet {
        None => serde_json::Value::Null,
        Some(s) => serde_json::json!({
            "state": s.state.code(),
            "total": s.total.display(),
            "points": s.points.iter().map(|(k, p)| (k.clone(), p.display())).collect::<BTreeMap<_, _>>(),
            "comment": s.comment,
            "from_paper": s.from_paper,
        }),
    }
}

/// A score sheet as its form posts it.
#[derive(Clone, Copy)]
pub struct SheetPost<'a> {
    /// The entry.
    pub entry: &'a str,
    /// The juror whose sheet it is (empty: the caller).
    pub juror: &'a str,
    /// The version the form was loaded at.
    pub version: i64,
    /// `save` (a draft) or `submit`.
    pub intent: &'a str,
    /// The lines as typed, by line key.
    pub typed: &'a BTreeMap<String, String>,
    /// The juror's comment.
    pub comment: &'a str,
}

pub async fn save(state: &AppState, principal: Principal, post: SheetPost<'_>) -> Result<SheetSaved, AppError> {
    let SheetPost {
        entry,
        juror,
        version,
        intent,
        typed,
        comment,
    } = post;
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load(&mut tx, principal, entry, juror).await?;
    if !ctx.own() {
        // Typing a paper sheet in: never for one's own business.
        crate::domain::jury::may_act_on_entry_of(ctx.principal().id(), ctx.business.owner)?;
    }
    let before = sheets::get_sheet(&mut tx, ctx.entry.id, ctx.juror).await?;
    may_write(&ctx, before.as_ref())?;
    if ctx.entry.state != EntryState::Accepted {
        return Err(JudgingRefusal::NotEligible.into());
    }
    let group = group_of(&mut tx, ctx.round.id, ctx.entry.content.group).await?;
    let spec = sheet_spec(&mut tx, &ctx.round, group).await?;
    let submit = intent == "submit";
    let points = check_sheet(&spec, typed, submit).map_err(|errors| told_lines(&spec, errors))?;
    let comment = clean_paragraphs("comment", comment, COMMENT_MAX, false)?;
    let sums = totals(&spec, &points);
    let from_paper = !ctx.own();
    let write = SheetWrite {
        round: ctx.round.id,
        entry: ctx.entry.id,
        juror: ctx.juror,
        state: if submit {
            SheetState::Submitted
        } else {
            SheetState::Draft
        },
        points: &points,
        total: sums.total,
        subtotals: &sums.per_criterion,
        comment: comment.as_deref(),
        from_paper,
        by: ctx.principal().id(),
    };
    let Some(new_version) = sheets::write_sheet(&mut tx, &write, version, now).await? else {
        return Err(AppError::Conflict);
    };
    // The criteria the round is scored on stay as they are from now.
    rounds::freeze_criteria(&mut tx, ctx.round.id, now).await?;
    let after = sheets::get_sheet(&mut tx, ctx.entry.id, ctx.juror).await?;
    let action = if !ctx.own() {
        Some(AuditAction::SheetFromPaper)
    } else if submit {
        Some(AuditAction::SheetSubmitted)
    } else {
        None
    };
    if let Some(action) = action {
        let mut row = audit_entry(action, Some(ctx.principal()));
        row.target_type = Some("sheet");
        row.target_id = after.as_ref().map(|s| s.id.to_string());
        row.target_name = Some(format!(
            "{} · {}",
            ctx.entry.selection_code.clone().unwrap_or_default(),
            ctx.juror_name
        ));
        row.details = Some(serde_json::json!({
            "entry": ctx.entry.id.to_string(),
            "juror": ctx.juror.to_string(),
            "before": points_json(before.as_ref()),
            "after": points_json(after.as_ref()),
        }));
        audit::append(&mut tx, row).await?;
    }
    tx.commit().await?;
    notice_back(if submit { "sheet-submitted" } else { "sheet-saved" });
    Ok(SheetSaved {
        version: new_version,
        submitted: submit,
    })
}

pub async fn reopen(
    state: &AppState,
    principal: Principal,
    entry: &str,
    juror: &str,
    version: i64,
    reason: &str,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let mut tx = state.store.write().await?;
    let ctx = load(&mut tx, principal, entry, juror).await?;
    if ctx.own() {
        return Err(AppError::Forbidden);
    }
    crate::domain::jury::may_act_on_entry_of(ctx.principal().id(), ctx.business.owner)?;
    let reason = check_reason(reason)?.ok_or_else(|| {
        crate::domain::validation::FieldError::new("reason", crate::domain::validation::Problem::Required)
    })?;
    if !scoring_open(ctx.round.state) {
        return Err(JudgingRefusal::ScoringClosed.into());
    }
    let sheet = sheets::get_sheet(&mut tx, ctx.entry.id, ctx.juror).await?;
    let Some(sheet) = sheet.filter(|s| s.state == SheetState::Submitted) else {
        return Err(JudgingRefusal::NotSubmitted.into());
    };
    if !sheets::reopen(&mut tx, sheet.id, version, ctx.principal().id(), now).await? {
        return Err(AppError::Conflict);
    }
    let mut row = audit_entry(AuditAction::SheetReopened, Some(ctx.principal()));
    row.target_type = Some("sheet");
    row.target_id = Some(sheet.id.to_string());
    row.target_name = Some(format!(
        "{} · {}",
        ctx.entry.selection_code.clone().unwrap_or_default(),
        ctx.juror_name
    ));
    row.details = Some(serde_json::json!({
        "entry": ctx.entry.id.to_string(),
        "juror": ctx.juror.to_string(),
        "reason": reason,
        "before": points_json(Some(&sheet)),
    }));
    audit::append(&mut tx, row).await?;
    if let Some(to) = ctx.juror_email.clone() {
        let link = state.config.link(&format!("/entries/{}/sheet", ctx.entry.id));
        let text = |lang: Lang, part: &str| {
            I18n::new(lang).t_with(
                &format!("mail-sheet-reopened-{part}"),
                &[
                    ("code", Arg::Text(ctx.entry.selection_code.clone().unwrap_or_default())),
                    (
                        "product",
                        Arg::Text(ctx.entry.content.product_name.clone().unwrap_or_default()),
                    ),
                    ("round", Arg::Text(ctx.round.settings.name.clone())),
                    ("reason", Arg::Text(reason.clone())),
                    ("link", Arg::Text(link.clone())),
                ],
            )
        };
        let mail = NewMessage {
            to,
            subject: format!("{} / {}", text(Lang::Vi, "subject"), text(Lang::En, "subject")),
            body: format!("{}\n\n----------\n\n{}", text(Lang::Vi, "body"), text(Lang::En, "body")),
            kind: "sheet",
        };
        state.mail.queue(&mut tx, &mail).await?;
    }
    tx.commit().await?;
    state.mail.wake();
    notice_back("sheet-reopened");
    Ok(())
}
