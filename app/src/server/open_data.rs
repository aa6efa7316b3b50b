//! Open data: every certificate issued by a round whose results are
//! published, as CSV (`/open-data/certificates.csv`), for buyers and for
//! the ministry's database. UTF-8 with a byte-order mark so spreadsheet
//! programs read the diacritics; dates as dd/mm/yyyy.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};

use axum::extract::Path;

use crate::api::results::RoundResults;
use crate::db::council::{self, OpenCertificate};
use crate::domain::certificate::{status, CertificateStatus};
use crate::domain::time::Timestamp;
use crate::infra::state::AppState;
use crate::service::results::results_for;

/// The columns, first the certificate number.
const HEADER: [&str; 10] = [
    "Số giấy chứng nhận",
    "Sản phẩm",
    "Cơ sở",
    "Nhóm sản phẩm",
    "Cấp",
    "Địa bàn",
    "Quyết định",
    "Ngày cấp",
    "Có giá trị đến",
    "Tình trạng",
];

/// A text cell, safe to open in a spreadsheet: a value that a spreadsheet
/// would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets
/// a leading apostrophe.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn status_text(status: CertificateStatus) -> &'static str {
    match status {
        CertificateStatus::Valid => "Còn hiệu lực",
        CertificateStatus::Expired => "Hết hiệu lực",
        CertificateStatus::Revoked => "Đã thu hồi",
    }
}

/// The rows as CSV bytes.
pub fn certificates_csv_bytes(rows: &[OpenCertificate], now: Timestamp) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(HEADER)?;
        for r in rows {
            let product = r.set_name.clone().unwrap_or_else(|| r.product.clone());
            let group = match (r.group_number, &r.group_name) {
                (Some(n), Some(name)) => format!("{n}. {name}"),
                (Some(n), None) => n.to_string(),
                _ => String::new(),
            };
            let decision = format!("{} ngày {} của {}", r.decision_number, r.decided_on.vn_date(), r.issuer);
            writer.write_record([
                cell(&r.number),
                cell(&product),
                cell(&r.business),
                cell(&group),
                cell(&r.level),
                cell(&r.territory),
                cell(&decision),
                r.issued_at.vn_date(),
                r.valid_until.vn_date(),
                status_text(status(r.valid_until, r.revoked, now)).to_owned(),
            ])?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// A round's public results as CSV: one row per recognised product.
pub fn results_csv_bytes(r: &RoundResults) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let mut header = vec![
            "Nhóm sản phẩm",
            "Sản phẩm",
            "Bộ sản phẩm",
            "Cơ sở",
            "Địa chỉ",
            "Số giấy chứng nhận",
            "Đề cử lên cấp trên",
        ];
        if r.show_scores {
            header.push("Điểm");
        }
        writer.write_record(&header)?;
        for group in &r.groups {
            for item in &group.items {
                let mut record = vec![
                    cell(&format!("{}. {}", group.number, group.name.vi)),
                    cell(&item.product),
                    cell(item.set.as_deref().unwrap_or("")),
                    cell(&item.business),
                    cell(&item.place),
                    cell(item.certificate.as_deref().unwrap_or("")),
                    if item.nominated { "Có" } else { "Không" }.to_owned(),
                ];
                if r.show_scores {
                    record.push(item.score.map(|s| s.display()).unwrap_or_default());
                }
                writer.write_record(&record)?;
            }
        }
        writer.flush()?;
    }
    Ok(out)
}

/// `GET /results/{id}/results.csv`: a published round's results.
pub async fn round_results_csv(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let results = match state.store.pool().acquire().await {
        Ok(mut conn) => results_for(&mut conn, &id).await,
        Err(error) => Err(error.into()),
    };
    let results = match results {
        Ok(r) => r,
        Err(crate::error::AppError::NotFound) => return (StatusCode::NOT_FOUND, "404\n").into_response(),
        Err(error) => {
            tracing::error!(%error, "could not gather a round's results");
            return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
        }
    };
    match results_csv_bytes(&results) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"ket-qua.csv\""),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "could not write a round's results");
            (StatusCode::INTERNAL_SERVER_ERROR, "").into_response()
        }
    }
}

/// The programme's figures as CSV: one row per line of each breakdown.
pub fn statistics_csv_bytes(s: &crate::api::statistics::Statistics) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record([
            "Bảng",
            "Mục",
            "Số hồ sơ",
            "Số sản phẩm được công nhận",
            "Tỷ lệ công nhận",
        ])?;
        let tables = [
            ("Tổng cộng", std::slice::from_ref(&s.total)),
            ("Theo nhóm sản phẩm", s.by_group.as_slice()),
            ("Theo địa bàn", s.by_territory.as_slice()),
            ("Theo cấp", s.by_level.as_slice()),
            ("Theo năm", s.by_year.as_slice()),
        ];
        for (table, lines) in tables {
            for line in lines {
                writer.write_record([
                    table.to_owned(),
                    cell(&line.vi),
                    line.entries.to_string(),
                    line.recognised.to_string(),
                    line.rate_text(),
                ])?;
            }
        }
        for (i, n) in s.score_bands.iter().enumerate() {
            let band = if i == 9 {
                "90–100".to_owned()
            } else {
                format!("{}–{}", i * 10, i * 10 + 9)
            };
            writer.write_record([
                "Phân bố điểm".to_owned(),
                band,
                n.to_string(),
                String::new(),
                String::new(),
            ])?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// `GET /statistics.csv`.
pub async fn statistics_csv(State(state): State<AppState>) -> Response {
    let stats = match state.store.pool().acquire().await {
        Ok(mut conn) => crate::service::statistics::statistics_from(&mut conn).await,
        Err(error) => Err(error.into()),
    };
    let bytes = stats
        .map_err(|e| e.to_string())
        .and_then(|s| statistics_csv_bytes(&s).map_err(|e| e.to_string()));
    match bytes {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"thong-ke.csv\""),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "could not count the figures");
            (StatusCode::INTERNAL_SERVER_ERROR, "").into_response()
        }
    }
}

/// `GET /open-data/certificates.csv`.
pub async fn certificates_csv(State(state): State<AppState>) -> Response {
    let rows = match state.store.pool().acquire().await {
        Ok(mut conn) => council::open_certificates(&mut conn).await,
        Err(error) => Err(error.into()),
    };
    let bytes = rows
        .map_err(|e| e.to_string())
        .and_then(|rows| certificates_csv_bytes(&rows, Timestamp::now()).map_err(|e| e.to_string()));
    match bytes {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"giay-chung-nhan.csv\"",
                ),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "could not list the certificates");
            (StatusCode::INTERNAL_SERVER_ERROR, "").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("Nước mắm"), "Nước mắm");
    }

    #[test]
    fn the_list_starts_with_the_number_and_reads_in_a_spreadsheet() {
        let row = OpenCertificate {
            number: "001/2026/GCN-CNNT".into(),
            product: "Nước mắm, cá cơm \"nhĩ\"".into(),
            set_name: None,
            business: "Hộ Phú Quốc".into(),
            group_number: Some(2),
            group_name: Some("Chế biến nông, lâm, thủy sản".into()),
            level: "Cấp tỉnh".into(),
            territory: "Đồng Nai".into(),
            decision_number: "1234/QĐ-UBND".into(),
            decided_on: Timestamp(1_795_000_000_000),
            issuer: "Ủy ban nhân dân tỉnh Đồng Nai".into(),
            issued_at: Timestamp(1_795_000_000_000),
            valid_until: Timestamp(1_893_430_799_000),
            revoked: false,
        };
        let bytes = certificates_csv_bytes(&[row], Timestamp(1_795_000_000_000)).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with("\u{FEFF}Số giấy chứng nhận,Sản phẩm"));
        assert_eq!(
            lines.next().unwrap(),
            "001/2026/GCN-CNNT,\"Nước mắm, cá cơm \"\"nhĩ\"\"\",Hộ Phú Quốc,\"2. Chế biến nông, lâm, thủy sản\",Cấp tỉnh,Đồng Nai,1234/QĐ-UBND ngày 18/11/2026 của Ủy ban nhân dân tỉnh Đồng Nai,18/11/2026,31/12/2029,Còn hiệu lực"
        );
    }
}
