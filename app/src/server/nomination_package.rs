//! The nomination package (`GET /rounds/{id}/nominations.zip`), for a
//! higher round run outside this installation: a ZIP with the summary list
//! (danh sách trích ngang, an XLSX workbook) and, per nominated entry, a
//! folder with its dossier files and its certificate. Names inside the ZIP
//! are made here from the selection code, the product and each file's
//! kind; a name a user typed is cleaned of anything but letters, digits,
//! spaces and `-_.()`. The ZIP is written to an unnamed scratch file and
//! streamed, so a large package never sits in memory.

use std::io::{Seek, SeekFrom, Write};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::header;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::exports::{refusal, Caller};
use crate::db::entries::{self, FileRecord};
use crate::domain::certificate::{status, CertificateStatus};
use crate::domain::nomination::{results_fixed, NominationRefusal};
use crate::domain::role::Role;
use crate::domain::time::Timestamp;
use crate::domain::upload::{FileKind, FileType};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::infra::certificate_pdf::{self, CertificateContent};
use crate::infra::state::AppState;
use crate::service::council::certificate::facts_in;
use crate::service::council::certificate::printed_certificate;
use crate::service::nominations::{nominees, Nominee};
use crate::service::rounds::access::{load, roles_in};

/// A name safe inside a ZIP: letters (any script), digits, spaces and
/// `-_.()` kept, everything else (slashes, dots at the start, controls)
/// replaced, at most `max` characters, never empty.
pub fn safe_name(raw: &str, max: usize) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')') {
                c
            } else {
                '-'
            }
        })
        .take(max)
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    if trimmed.is_empty() {
        "-".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn extension(t: FileType) -> &'static str {
    match t {
        FileType::Jpeg => "jpg",
        FileType::Png => "png",
        FileType::Webp => "webp",
        FileType::Pdf => "pdf",
    }
}

fn kind_prefix(k: FileKind) -> &'static str {
    match k {
        FileKind::Photo => "anh-san-pham",
        FileKind::Registration => "dang-ky-kinh-doanh",
        FileKind::LowerCertificate => "gcn-cap-duoi",
        FileKind::Document => "tai-lieu",
    }
}

/// The ZIP path of the `n`-th file of an entry in `folder`.
pub fn file_path(folder: &str, n: usize, f: &FileRecord) -> String {
    let stem = f
        .display_name
        .rsplit_once('.')
        .map(|(stem, _)| stem)
        .unwrap_or(&f.display_name);
    format!(
        "{folder}/{:02}-{}-{}.{}",
        n + 1,
        kind_prefix(f.kind),
        safe_name(stem, 60),
        extension(f.file_type)
    )
}

/// One entry of the package, gathered before the ZIP is written.
struct Item {
    folder: String,
    nominee: Nominee,
    files: Vec<(String, std::path::PathBuf)>,
    certificate: Option<(String, CertificateContent)>,
}

/// `GET /rounds/{id}/nominations.zip`: the round's secretariat and
/// administrators, once the decision is recorded.
pub async fn nominations_zip(State(state): State<AppState>, Path(id): Path<String>, caller: Caller) -> Response {
    let (principal, i18n) = caller.into_parts();
    let gathered = async {
        let mut conn = state.store.pool().acquire().await?;
        let round = load(&mut conn, &id).await?;
        let roles = roles_in(&principal, round.id);
        if !(principal.is_administrator() || roles.contains(&Role::Secretary)) {
            return Err(if roles.is_empty() {
                AppError::NotFound
            } else {
                AppError::Forbidden
            });
        }
        if !results_fixed(round.state) {
            return Err(NominationRefusal::NotDecided.into());
        }
        // The round's files and decision, read once for every nominee.
        let mut round_files = entries::files_of_round(&mut conn, round.id).await?;
        let decision = crate::db::council::decision(&mut conn, round.id)
            .await?
            .ok_or(NominationRefusal::NotDecided)?;
        let mut items = Vec::new();
        for nominee in nominees(&mut conn, &round).await? {
            let code = nominee.entry.selection_code.clone().unwrap_or_default();
            let product = nominee.entry.content.product_name.clone().unwrap_or_default();
            let folder = safe_name(&format!("{code} {product}"), 80);
            let mut files = Vec::new();
            for (n, f) in round_files
                .remove(&nominee.entry.id)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if let Some(path) = state.files.path(&f.content_hash) {
                    files.push((file_path(&folder, n, f), path));
                }
            }
            let certificate = match &nominee.certificate {
                // A revoked certificate is listed with its status, never printed.
                Some(record) if record.revoked.is_none() => {
                    let facts = facts_in(&mut conn, round.clone(), decision.clone(), record.clone()).await?;
                    let (content, name) = printed_certificate(facts, &state.config.public_url);
                    Some((format!("{folder}/{name}"), content))
                }
                _ => None,
            };
            items.push(Item {
                folder,
                nominee,
                files,
                certificate,
            });
        }
        Ok::<_, AppError>((round.settings.name, items))
    }
    .await;
    let (round_name, items) = match gathered {
        Ok(found) => found,
        Err(error) => return refusal(i18n, error),
    };
    let scratch = match state.files.scratch() {
        Ok(file) => file,
        Err(error) => {
            tracing::error!(%error, "no scratch file for a nomination package");
            return refusal(i18n, AppError::Internal);
        }
    };
    let written = tokio::task::spawn_blocking(move || write_package(scratch, &round_name, &items, i18n)).await;
    let file = match written {
        Ok(Ok(file)) => file,
        Ok(Err(error)) => {
            tracing::error!(%error, "could not write a nomination package");
            return refusal(i18n, AppError::Internal);
        }
        Err(error) => {
            tracing::error!(%error, "the nomination package task failed");
            return refusal(i18n, AppError::Internal);
        }
    };
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
    (
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"ho-so-de-cu.zip\"".to_owned(),
            ),
            (header::CONTENT_LENGTH, length.to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        Body::from_stream(stream),
    )
        .into_response()
}

#[derive(Debug, thiserror::Error)]
enum PackageError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Zip(#[from] zip::result::ZipError),
    #[error(transparent)]
    Xlsx(#[from] XlsxError),
    #[error(transparent)]
    Pdf(#[from] certificate_pdf::RenderError),
}

fn write_package(
    scratch: std::fs::File,
    round_name: &str,
    items: &[Item],
    i18n: I18n,
) -> Result<std::fs::File, PackageError> {
    let mut zip = ZipWriter::new(scratch);
    // Photos and PDFs are compressed already: store them as they are.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("danh-sach-trich-ngang.xlsx", deflated)?;
    zip.write_all(&summary(round_name, items, i18n, Timestamp::now())?)?;
    for item in items {
        zip.add_directory(item.folder.as_str(), stored)?;
        for (name, path) in &item.files {
            zip.start_file(name.as_str(), stored)?;
            let mut source = std::fs::File::open(path)?;
            std::io::copy(&mut source, &mut zip)?;
        }
        if let Some((name, content)) = &item.certificate {
            zip.start_file(name.as_str(), stored)?;
            zip.write_all(&certificate_pdf::render(content)?)?;
        }
    }
    let mut file = zip.finish()?;
    file.seek(SeekFrom::Start(0))?;
    Ok(file)
}

/// The summary list: one row per nominated entry.
fn summary(round_name: &str, items: &[Item], i18n: I18n, now: Timestamp) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format("0.00");
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sach")?;
    sheet.write_with_format(0, 0, i18n.t("package-title"), &bold)?;
    sheet.write(1, 0, round_name)?;
    let headers = [
        "package-col-number",
        "package-col-code",
        "package-col-product",
        "package-col-group",
        "package-col-business",
        "package-col-address",
        "package-col-representative",
        "package-col-phone",
        "package-col-score",
        "package-col-certificate",
        "package-col-valid-until",
        "package-col-status",
        "package-col-folder",
    ];
    for (col, key) in headers.iter().enumerate() {
        sheet.write_with_format(3, col as u16, i18n.t(key), &bold)?;
    }
    for (n, item) in items.iter().enumerate() {
        let row = 4 + n as u32;
        let e = &item.nominee.entry;
        let b = &item.nominee.business.business;
        sheet.write(row, 0, (n + 1) as u32)?;
        sheet.write(row, 1, e.selection_code.as_deref().unwrap_or_default())?;
        sheet.write(row, 2, e.content.product_name.as_deref().unwrap_or_default())?;
        let group = match (e.content.group, &item.nominee.group_name) {
            (Some(g), Some(name)) => format!("{g}. {}", name.get(i18n.lang)),
            (Some(g), None) => g.to_string(),
            _ => String::new(),
        };
        sheet.write(row, 3, group)?;
        sheet.write(row, 4, b.name.as_str())?;
        sheet.write(row, 5, b.address())?;
        sheet.write(row, 6, b.representative.as_str())?;
        sheet.write(row, 7, b.phone.as_str())?;
        if let Some(score) = item.nominee.score {
            sheet.write_with_format(row, 8, score.rounded().0 as f64 / 100.0, &number)?;
        }
        if let Some(c) = &item.nominee.certificate {
            sheet.write(row, 9, c.number.as_str())?;
            sheet.write(row, 10, c.valid_until.vn_date())?;
            let key = match status(c.valid_until, c.revoked.is_some(), now) {
                CertificateStatus::Valid => "verify-valid",
                CertificateStatus::Expired => "verify-expired",
                CertificateStatus::Revoked => "verify-revoked",
            };
            sheet.write(row, 11, i18n.t(key))?;
        }
        sheet.write(row, 12, item.folder.as_str())?;
    }
    sheet.set_column_width(2, 36)?;
    sheet.set_column_width(4, 30)?;
    sheet.set_column_width(5, 40)?;
    sheet.set_column_width(12, 36)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_inside_the_package_cannot_climb_out() {
        assert_eq!(safe_name("../../etc/passwd", 60), "-..-etc-passwd");
        assert_eq!(safe_name("..", 60), "-");
        assert_eq!(safe_name("/abs", 60), "-abs");
        assert_eq!(safe_name("Nước mắm Phú Quốc", 60), "Nước mắm Phú Quốc");
        assert_eq!(safe_name("a\u{0}b\nc", 60), "a-b-c");
        assert_eq!(safe_name("", 60), "-");
        assert_eq!(safe_name(&"x".repeat(500), 60).chars().count(), 60);
        for raw in ["../x", "a/b\\c", "..\\..\\win", "C:\\x"] {
            let name = safe_name(raw, 60);
            assert!(
                !name.contains('/') && !name.contains('\\') && !name.starts_with('.'),
                "{raw} → {name}"
            );
        }
    }
}
