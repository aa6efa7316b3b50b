//! Downloads built on request: the jury's report as an XLSX workbook
//! (rust_xlsxwriter), for the same people who may read the report page, and
//! a recognised entry's certificate as a PDF, for its business and the
//! round's secretariat and council.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, StatusCode};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::certificate_pdf::{self, CertificateContent};
use super::state::AppState;
use super::uploads::language;
use crate::api::council::certificate::{address, facts};
use crate::api::council::report::imp::report_for;
use crate::api::council::JuryReport;
use crate::api::judging::access::entry_in_round;
use crate::api::rounds::access::roles_in;
use crate::auth::principal::{principal_from_headers, Principal};
use crate::db::{council, Conn};
use crate::domain::council::CouncilRefusal;
use crate::domain::points::Points;
use crate::domain::report::Mean;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::i18n::{Arg, I18n};

fn refusal(i18n: I18n, error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        error.message(i18n),
    )
        .into_response()
}

/// `GET /entries/{id}/certificate.pdf`.
pub async fn certificate_pdf(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let i18n = I18n::new(language(&headers));
    let principal = match principal_from_headers(&state, &headers).await {
        Ok(Some(principal)) => principal,
        Ok(None) => return refusal(i18n, AppError::Unauthenticated),
        Err(error) => return refusal(i18n, error),
    };
    let content = match state.store.pool().acquire().await {
        Ok(mut conn) => certificate_content(&mut conn, &state, &principal, &id).await,
        Err(error) => Err(error.into()),
    };
    let (content, file_name) = match content {
        Ok(found) => found,
        Err(error) => return refusal(i18n, error),
    };
    match tokio::task::spawn_blocking(move || certificate_pdf::render(&content)).await {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
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
            tracing::error!(%error, "could not draw a certificate");
            refusal(i18n, AppError::Internal)
        }
        Err(error) => {
            tracing::error!(%error, "the certificate task failed");
            refusal(i18n, AppError::Internal)
        }
    }
}

/// What the certificate of entry `id` says, if `principal` may have it:
/// the entry's business, the round's secretariat and council, and
/// administrators. Also the file name to offer.
pub async fn certificate_content(
    conn: &mut Conn,
    state: &AppState,
    principal: &Principal,
    id: &str,
) -> Result<(CertificateContent, String), AppError> {
    let (entry, round, business) = entry_in_round(conn, id).await?;
    let roles = roles_in(principal, round.id);
    let may = business.owner == principal.id
        || principal.is_administrator()
        || roles.contains(&Role::Secretary)
        || roles.contains(&Role::CouncilMember);
    if !may {
        return Err(if roles.is_empty() {
            AppError::NotFound
        } else {
            AppError::Forbidden
        });
    }
    if council::decision(conn, round.id).await?.is_none() {
        // Nothing is decided yet: there is no certificate to give.
        return Err(AppError::NotFound);
    }
    let record = council::certificate_of_entry(conn, entry.id)
        .await?
        .ok_or(CouncilRefusal::NotRecognised)?;
    let f = facts(conn, record).await?;
    let verify_url = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        crate::domain::certificate::verify_path(&f.record.number)
    );
    let file_name: String = f
        .record
        .number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    Ok((
        CertificateContent {
            issuer: f.decision.issuer,
            level: f.level.vi,
            product: f.product,
            set_items: f.set_items,
            group: f
                .group
                .map(|(number, name)| format!("Nhóm {number}: {}", name.vi))
                .unwrap_or_default(),
            address: address(&f.business.business),
            business: f.business.business.name,
            decision_number: f.decision.number,
            decided_on: f.decision.decided_on,
            signer: f.decision.signer,
            number: f.record.number,
            valid_until: f.record.valid_until,
            place: f.territory.vi,
            verify_url,
        },
        format!("giay-chung-nhan-{file_name}.pdf"),
    ))
}

/// `GET /rounds/{id}/report.xlsx`.
pub async fn report_xlsx(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let i18n = I18n::new(language(&headers));
    let principal = match principal_from_headers(&state, &headers).await {
        Ok(Some(principal)) => principal,
        Ok(None) => return refusal(i18n, AppError::Unauthenticated),
        Err(error) => return refusal(i18n, error),
    };
    let report = match state.store.pool().acquire().await {
        Ok(mut conn) => report_for(&mut conn, &principal, &id).await,
        Err(error) => Err(error.into()),
    };
    let report = match report {
        Ok(report) => report,
        Err(error) => return refusal(i18n, error),
    };
    let built = tokio::task::spawn_blocking(move || workbook(&report, i18n)).await;
    match built {
        Ok(Ok(bytes)) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"bao-cao-cham-diem.xlsx\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            Body::from(bytes),
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::error!(%error, "could not build the report workbook");
            refusal(i18n, AppError::Internal)
        }
        Err(error) => {
            tracing::error!(%error, "the report workbook task failed");
            refusal(i18n, AppError::Internal)
        }
    }
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
