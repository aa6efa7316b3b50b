//! Downloads built on request: the jury's report as an XLSX workbook
//! (rust_xlsxwriter), for the same people who may read the report page, and
//! a recognised entry's certificate as a PDF, for its business and the
//! round's secretariat and council.

use axum::body::Body;
use axum::extract::{FromRequestParts, Path, State};
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{header, StatusCode};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::uploads::language;
use crate::api::council::JuryReport;
use crate::auth::principal::{principal_from_headers, Principal};
use crate::db::{council, Conn};
use crate::domain::council::CouncilRefusal;
use crate::domain::points::Points;
use crate::domain::report::Mean;
use crate::error::AppError;
use crate::i18n::{Arg, I18n};
use crate::infra::certificate_pdf;
use crate::infra::state::AppState;
use crate::service::council::certificate::certificate_content;
use crate::service::council::report::report_for;

/// A download refused, answered as the status of its error and its
/// sentence as plain text in the caller's language.
pub struct Refusal {
    i18n: I18n,
    error: AppError,
}

impl Refusal {
    /// `error`, to be told in `i18n`'s language.
    pub fn new(i18n: I18n, error: AppError) -> Self {
        Refusal { i18n, error }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.error.status()).unwrap_or(StatusCode::BAD_REQUEST);
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            self.error.message(self.i18n),
        )
            .into_response()
    }
}

/// A download refused, as a response.
pub fn refusal(i18n: I18n, error: AppError) -> Response {
    Refusal::new(i18n, error).into_response()
}

/// The signed-in person asking for a download, with the language to
/// answer in. As an extractor it answers a refusal itself (not signed in,
/// or the session unreadable), in that language, so a handler that takes
/// a `Caller` starts past the check.
pub struct Caller {
    principal: Principal,
    i18n: I18n,
}

impl Caller {
    /// The person and the language.
    pub fn into_parts(self) -> (Principal, I18n) {
        (self.principal, self.i18n)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Refusal> {
        let i18n = I18n::new(language(&parts.headers));
        match principal_from_headers(state, &parts.headers).await {
            Ok(Some(principal)) => Ok(Caller { principal, i18n }),
            Ok(None) => Err(Refusal::new(i18n, AppError::Unauthenticated)),
            Err(error) => Err(Refusal::new(i18n, error)),
        }
    }
}

/// The MIME type of an XLSX workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file built on a blocking thread, as a private download of type
/// `content_type` named `file_name`; a failure is logged with `what` and
/// answered 500.
fn download<E: std::fmt::Display>(
    i18n: I18n,
    built: Result<Result<Vec<u8>, E>, tokio::task::JoinError>,
    content_type: &'static str,
    file_name: &str,
    what: &str,
) -> Response {
    match built {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, content_type.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file_name}\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            Body::from(bytes),
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::error!(%error, "could not build the {what}");
            refusal(i18n, AppError::Internal)
        }
        Err(error) => {
            tracing::error!(%error, "the {what} task failed");
            refusal(i18n, AppError::Internal)
        }
    }
}

/// `GET /entries/{id}/certificate.pdf`.
pub async fn certificate_pdf(State(state): State<AppState>, Path(id): Path<String>, caller: Caller) -> Response {
    let (principal, i18n) = caller.into_parts();
    let content = match state.store.pool().acquire().await {
        Ok(mut conn) => certificate_content(&mut conn, &state, &principal, &id).await,
        Err(error) => Err(error.into()),
    };
    let (content, file_name) = match content {
        Ok(found) => found,
        Err(error) => return refusal(i18n, error),
    };
    let built = tokio::task::spawn_blocking(move || certificate_pdf::render(&content)).await;
    download(i18n, built, "application/pdf", &file_name, "certificate")
}

/// One counted score sheet in the score table.
pub struct ScoreRow {
    /// The entry's selection code.
    pub code: String,
    /// The product.
    pub product: String,
    /// The juror's name.
    pub juror: String,
    /// The subtotal of each criterion group.
    pub per_criterion: Vec<Points>,
    /// The total.
    pub total: Points,
    /// Typed in from paper by the secretariat.
    pub from_paper: bool,
    /// The juror's comment.
    pub comment: String,
}

/// The decided round's results and every counted sheet, for the
/// secretariat, the council and administrators.
pub struct ScoreTable {
    /// The report (official scores and figures).
    pub report: JuryReport,
    /// Each eligible entry's result and certificate, by entry.
    pub outcomes: std::collections::HashMap<crate::domain::ids::EntryId, ((bool, bool), Option<String>)>,
    /// The counted sheets, by code then juror.
    pub sheets: Vec<ScoreRow>,
}

/// Gathers the score table of round `id` for `principal`: who may read
/// the report, once the round is decided.
pub async fn score_table(conn: &mut Conn, principal: &Principal, id: &str) -> Result<ScoreTable, AppError> {
    use crate::domain::lifecycle::RoundState;
    use crate::service::council::report::{authorize, build_all};
    let round = crate::service::rounds::access::load(conn, id).await?;
    authorize(principal, &round)?;
    if round.state < RoundState::Decided {
        return Err(CouncilRefusal::NotDeliberating.into());
    }
    let results = council::results_of_round(conn, round.id).await?;
    // An entry's certificate is its own or its set's: the round's
    // certificates and sets, read once.
    let certificates = council::certificates_of_round(conn, round.id).await?;
    let sets = council::sets_of_round(conn, round.id).await?;
    let mut outcomes = std::collections::HashMap::new();
    for r in &results {
        let certificate = council::certificate_among(&certificates, &sets, r.entry).map(|c| c.number.clone());
        outcomes.insert(r.entry, ((r.recognised, r.nominated), certificate));
    }
    let (report, _, counted) = build_all(conn, &round).await?;
    let names: std::collections::HashMap<_, _> = crate::db::round_members::members(conn, round.id)
        .await?
        .into_iter()
        .map(|m| (m.user, m.name))
        .collect();
    let mut sheets: Vec<ScoreRow> = counted
        .into_iter()
        .map(|c| ScoreRow {
            code: c.entry.code.unwrap_or_default(),
            product: c.entry.product_name.unwrap_or_default(),
            juror: names.get(&c.sheet.juror).cloned().unwrap_or_default(),
            per_criterion: c.per_criterion,
            total: c.sheet.total,
            from_paper: c.sheet.from_paper,
            comment: c.sheet.comment.unwrap_or_default(),
        })
        .collect();
    sheets.sort_by(|a, b| (&a.code, &a.juror).cmp(&(&b.code, &b.juror)));
    Ok(ScoreTable {
        report,
        outcomes,
        sheets,
    })
}

/// `GET /rounds/{id}/scores.xlsx`: results and the full score table.
pub async fn scores_xlsx(State(state): State<AppState>, Path(id): Path<String>, caller: Caller) -> Response {
    let (principal, i18n) = caller.into_parts();
    let table = match state.store.pool().acquire().await {
        Ok(mut conn) => score_table(&mut conn, &principal, &id).await,
        Err(error) => Err(error.into()),
    };
    let table = match table {
        Ok(table) => table,
        Err(error) => return refusal(i18n, error),
    };
    let built = tokio::task::spawn_blocking(move || scores_workbook(&table, i18n)).await;
    download(i18n, built, XLSX, "bang-diem.xlsx", "score table")
}

/// The results (one row per eligible entry, with its outcome and
/// certificate) and the score table (one row per counted sheet).
pub fn scores_workbook(t: &ScoreTable, i18n: I18n) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format("0.00");
    let results = book.add_worksheet();
    results.set_name("Ket qua")?;
    results.write_with_format(0, 0, t.report.round_name.as_str(), &bold)?;
    let headers = [
        i18n.t("field-group"),
        i18n.t("report-col-rank"),
        i18n.t("field-selection_code"),
        i18n.t("field-product_name"),
        i18n.t("sheet-business"),
        i18n.t("report-col-official"),
        i18n.t("report-col-sheets-counted"),
        i18n.t("council-q-recognise"),
        i18n.t("council-q-nominate"),
        i18n.t("field-certificate-number"),
    ];
    for (col, text) in headers.iter().enumerate() {
        results.write_with_format(2, col as u16, text.as_str(), &bold)?;
    }
    let mut row = 3;
    let yes_no = |b: bool| if b { i18n.t("scores-yes") } else { i18n.t("scores-no") };
    for group in &t.report.groups {
        for entry in &group.rows {
            results.write(row, 0, format!("{}. {}", group.number, group.name.get(i18n.lang)))?;
            if let Some(rank) = entry.rank {
                results.write(row, 1, rank as u32)?;
            }
            results.write(row, 2, entry.code.as_str())?;
            results.write(row, 3, entry.product.as_str())?;
            results.write(row, 4, entry.business.as_str())?;
            if let Some(v) = mean(entry.figures.official) {
                results.write_with_format(row, 5, v, &number)?;
            }
            results.write(row, 6, entry.figures.sheets as u32)?;
            if let Some(((recognised, nominated), certificate)) = t.outcomes.get(&entry.entry) {
                results.write(row, 7, yes_no(*recognised))?;
                results.write(row, 8, yes_no(*nominated))?;
                results.write(row, 9, certificate.as_deref().unwrap_or(""))?;
            }
            row += 1;
        }
    }
    results.autofit();
    let table = book.add_worksheet();
    table.set_name("Bang diem")?;
    let mut headers = vec![
        i18n.t("field-selection_code"),
        i18n.t("field-product_name"),
        i18n.t("scores-juror"),
    ];
    for c in &t.report.criteria {
        headers.push(i18n.t_with(
            "report-col-criterion",
            &[("number", Arg::Num(c.number)), ("max", Arg::Text(c.max.display()))],
        ));
    }
    headers.extend([
        i18n.t("scores-total"),
        i18n.t("sheet-from-paper"),
        i18n.t("field-comment"),
    ]);
    for (col, text) in headers.iter().enumerate() {
        table.write_with_format(0, col as u16, text.as_str(), &bold)?;
    }
    for (i, s) in t.sheets.iter().enumerate() {
        let row = i as u32 + 1;
        table.write(row, 0, s.code.as_str())?;
        table.write(row, 1, s.product.as_str())?;
        table.write(row, 2, s.juror.as_str())?;
        let mut col = 3;
        for p in &s.per_criterion {
            table.write_with_format(row, col, points(*p), &number)?;
            col += 1;
        }
        table.write_with_format(row, col, points(s.total), &number)?;
        if s.from_paper {
            table.write(row, col + 1, yes_no(true))?;
        }
        table.write(row, col + 2, s.comment.as_str())?;
    }
    table.autofit();
    book.save_to_buffer()
}

/// `GET /rounds/{id}/report.xlsx`.
pub async fn report_xlsx(State(state): State<AppState>, Path(id): Path<String>, caller: Caller) -> Response {
    let (principal, i18n) = caller.into_parts();
    let report = match state.store.pool().acquire().await {
        Ok(mut conn) => report_for(&mut conn, &principal, &id).await,
        Err(error) => Err(error.into()),
    };
    let report = match report {
        Ok(report) => report,
        Err(error) => return refusal(i18n, error),
    };
    let built = tokio::task::spawn_blocking(move || workbook(&report, i18n)).await;
    download(i18n, built, XLSX, "bao-cao-cham-diem.xlsx", "report workbook")
}

fn points(p: Points) -> f64 {
    p.centi() as f64 / 100.0
}

fn mean(m: Option<Mean>) -> Option<f64> {
    m.map(|m| points(m.rounded()))
}

/// The report as a workbook: one row per eligible entry, grouped by
/// product group, with the same columns as the page.
pub fn workbook(report: &JuryReport, i18n: I18n) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Bao cao")?;
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format("0.00");
    sheet.write_with_format(0, 0, i18n.t("report-title"), &bold)?;
    sheet.write(1, 0, report.round_name.as_str())?;
    let mut headers = vec![
        i18n.t("field-group"),
        i18n.t("report-col-rank"),
        i18n.t("field-selection_code"),
        i18n.t("field-product_name"),
        i18n.t("sheet-business"),
        i18n.t("report-col-official"),
    ];
    for c in &report.criteria {
        headers.push(i18n.t_with(
            "report-col-criterion",
            &[("number", Arg::Num(c.number)), ("max", Arg::Text(c.max.display()))],
        ));
    }
    headers.extend([
        i18n.t("report-col-median"),
        i18n.t("report-col-lowest"),
        i18n.t("report-col-highest"),
        i18n.t("report-col-spread"),
        i18n.t("report-col-sheets-counted"),
        i18n.t("report-col-sheets-owed"),
        i18n.t("report-col-standing"),
        i18n.t("report-flagged"),
    ]);
    let head_row = 3;
    for (col, text) in headers.iter().enumerate() {
        sheet.write_with_format(head_row, col as u16, text.as_str(), &bold)?;
    }
    let mut row = head_row + 1;
    for group in &report.groups {
        let group_name = format!("{}. {}", group.number, group.name.get(i18n.lang));
        for entry in &group.rows {
            let f = &entry.figures;
            let mut col: u16 = 0;
            let mut next = || {
                col += 1;
                col - 1
            };
            sheet.write(row, next(), group_name.as_str())?;
            match entry.rank {
                Some(rank) => sheet.write(row, next(), rank as u32)?,
                None => sheet.write(row, next(), "")?,
            };
            sheet.write(row, next(), entry.code.as_str())?;
            sheet.write(row, next(), entry.product.as_str())?;
            sheet.write(row, next(), entry.business.as_str())?;
            let means = [f.official]
                .into_iter()
                .chain(f.per_criterion.iter().copied())
                .chain([f.median]);
            for value in means {
                let c = next();
                if let Some(v) = mean(value) {
                    sheet.write_with_format(row, c, v, &number)?;
                }
            }
            for value in [f.lowest, f.highest, f.spread] {
                let c = next();
                if let Some(v) = value {
                    sheet.write_with_format(row, c, points(v), &number)?;
                }
            }
            sheet.write(row, next(), f.sheets as u32)?;
            sheet.write(row, next(), entry.expected_sheets as u32)?;
            let standing = match f.official {
                None => String::new(),
                Some(_) if f.reaches => i18n.t("report-reaches"),
                Some(_) => i18n.t("report-below"),
            };
            sheet.write(row, next(), standing.as_str())?;
            let flag = if f.flagged {
                i18n.t("report-flagged")
            } else {
                String::new()
            };
            sheet.write(row, next(), flag.as_str())?;
            row += 1;
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}
