//! Uploading files to an entry (a multipart form: works without
//! JavaScript, and with it shows progress) and downloading them (only to
//! the entering business and the round's secretariat).

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use http::{header, HeaderMap, HeaderValue, StatusCode};

use crate::api::entries::{FileProblem, UploadReport};
use crate::auth::principal::principal_from_headers;
use crate::auth::request::address_of;
use crate::auth::standing::EntryOwner;
use crate::db::entries::{self};
use crate::domain::ids::FileId;
use crate::domain::upload::{display_name, FileKind, UploadRefusal};
use crate::error::AppError;
use crate::i18n::Tell;
use crate::i18n::{I18n, Lang, LANG_COOKIE};
use crate::infra::files::Spool;
use crate::infra::state::AppState;
use crate::service::entries::access::{load, load_own};
use crate::service::uploads::store_file;

/// The most bytes a text field of the upload form (`kind`) may hold; it is
/// read up to here and no further.
const MAX_TEXT_FIELD: usize = 64;

/// The most bytes one upload request may carry: an entry's whole quota and
/// room for the form around it. The router cuts any body off here, chunked
/// ones included ([`body_limit`]); up to here too-large files are read and
/// discarded so the browser gets a proper answer.
pub fn body_limit(config: &crate::infra::config::Config) -> usize {
    usize::try_from(config.max_entry_bytes.saturating_add(1 << 20)).unwrap_or(usize::MAX)
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json") && !v.contains("text/html"))
}

/// The caller's language, from the language cookie.
pub(crate) fn language(headers: &HeaderMap) -> Lang {
    crate::auth::request::cookie_in(headers, LANG_COOKIE)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

fn error_response(headers: &HeaderMap, error: AppError, back: &str) -> Response {
    if wants_json(headers) {
        let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
        return (status, axum::Json(error.told(I18n::new(language(headers))))).into_response();
    }
    match error {
        AppError::Unauthenticated => {
            let next = crate::components::status::urlencode(back);
            redirect(&format!("/sign-in?next={next}"))
        }
        other => {
            let message = other.message(I18n::new(language(headers)));
            (
                StatusCode::from_u16(other.status()).unwrap_or(StatusCode::BAD_REQUEST),
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                message,
            )
                .into_response()
        }
    }
}

fn redirect(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/")),
        )],
    )
        .into_response()
}

/// `POST /entries/{id}/files`: a multipart form with a `kind` field
/// followed by one or more `file` fields.
pub async fn upload(State(state): State<AppState>, Path(entry): Path<String>, request: Request) -> Response {
    let headers = request.headers().clone();
    let address = address_of(&headers, request.extensions(), state.config.trust_proxy);
    let back = format!("/entries/{entry}");
    let principal = match principal_from_headers(&state, &headers).await {
        Ok(Some(p)) => p,
        Ok(None) => return error_response(&headers, AppError::Unauthenticated, &back),
        Err(e) => return error_response(&headers, e, &back),
    };
    let context = {
        let mut conn = match state.store.pool().acquire().await {
            Ok(c) => c,
            Err(e) => return error_response(&headers, e.into(), &back),
        };
        match load_own(&mut conn, &principal, &entry).await {
            Ok(c) => c,
            Err(e) => return error_response(&headers, e, &back),
        }
    };
    if let Some(length) = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
    {
        if length > body_limit(&state.config) as u64 {
            return error_response(
                &headers,
                AppError::UploadRefused(UploadRefusal::TooLarge {
                    max: state.config.max_file_bytes,
                }),
                &back,
            );
        }
    }
    let multipart = match Multipart::from_request(request, &state).await {
        Ok(m) => m,
        Err(_) => return error_response(&headers, AppError::BadRequest, &back),
    };
    let report = receive(&state, &context, multipart, address).await;
    let report = match report {
        Ok(report) => report,
        Err(e) => return error_response(&headers, e, &back),
    };
    let i18n = I18n::new(language(&headers));
    let report = UploadReport {
        messages: report
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.name, p.refusal.tell(i18n)))
            .collect(),
        ..report
    };
    let all_busy = report.added == 0
        && !report.problems.is_empty()
        && report.problems.iter().all(|p| p.refusal == UploadRefusal::Busy);
    if wants_json(&headers) {
        let status = if all_busy {
            StatusCode::SERVICE_UNAVAILABLE
        } else if report.added == 0 && !report.problems.is_empty() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        let mut response = (status, axum::Json(report)).into_response();
        if all_busy {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(crate::infra::work_queue::RETRY_AFTER_SECONDS),
            );
        }
        return response;
    }
    let mut location = format!("{back}?notice=files-added&added={}", report.added);
    if !report.problems.is_empty() {
        // Only which file (its place in the form) and the refusal's kind
        // travel in the address: the page words them itself, so nothing
        // written into the address is shown as the site's own text.
        let problems: Vec<(usize, &UploadRefusal)> = report.problems.iter().map(|p| (p.position, &p.refusal)).collect();
        let encoded = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&problems).unwrap_or_default());
        location.push_str("&upload_errors=");
        location.push_str(&encoded);
    }
    redirect(&location)
}

/// Reads the fields one by one, storing each acceptable file.
async fn receive(
    state: &AppState,
    context: &EntryOwner,
    mut multipart: Multipart,
    address: Option<String>,
) -> Result<UploadReport, AppError> {
    let mut report = UploadReport::default();
    let mut kind = FileKind::Photo;
    let mut position = 0;
    let editable = context.entry().state.editable();
    let max_file_bytes = state.config.max_file_bytes;
    // A body cut off by the router's limit reads as "payload too large".
    let unreadable = move |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::UploadRefused(UploadRefusal::TooLarge { max: max_file_bytes })
        } else {
            AppError::UploadRefused(UploadRefusal::Unreadable)
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "kind" {
            // Read no more than a kind's code can be.
            let mut text = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                if text.len() + chunk.len() > MAX_TEXT_FIELD {
                    return Err(AppError::BadRequest);
                }
                text.extend_from_slice(&chunk);
            }
            let text = std::str::from_utf8(&text).map_err(|_| AppError::BadRequest)?;
            kind = FileKind::from_code(text.trim()).ok_or(AppError::BadRequest)?;
            continue;
        }
        if name != "file" {
            // Skipped unread: the next field is found by streaming past it,
            // within the body's limit.
            continue;
        }
        let shown = display_name(field.file_name().unwrap_or_default());
        // A file input left empty posts a part with no name and no bytes.
        let chosen = field.file_name().is_some_and(|n| !n.is_empty());
        // The bytes go to a scratch file as they arrive: a request that
        // waits for its turn in the work queue holds no photo in memory.
        let mut spool = Spool::new(&state.files).map_err(|e| {
            tracing::error!(error = %e, "opening a scratch file failed");
            AppError::Internal
        })?;
        let mut too_large = false;
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if too_large || spool.size() + chunk.len() as u64 > state.config.max_file_bytes {
                // Read on to the end of the field, keeping nothing.
                too_large = true;
                continue;
            }
            spool.write(&chunk).await.map_err(|e| {
                tracing::error!(error = %e, "writing a scratch file failed");
                AppError::Internal
            })?;
        }
        if !chosen && spool.size() == 0 && !too_large {
            continue;
        }
        let spooled = spool.finish().await.map_err(|e| {
            tracing::error!(error = %e, "writing a scratch file failed");
            AppError::Internal
        })?;
        position += 1;
        let outcome = if !editable {
            Err(UploadRefusal::EntryLocked)
        } else if too_large {
            Err(UploadRefusal::TooLarge {
                max: state.config.max_file_bytes,
            })
        } else {
            store_file(state, context, kind, &shown, spooled, address.clone()).await
        };
        match outcome {
            Ok(()) => report.added += 1,
            Err(refusal) => report.problems.push(FileProblem {
                name: shown,
                position,
                refusal,
            }),
        }
    }
    Ok(report)
}

/// Which stored size of a file to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Size {
    Full,
    Medium,
    Thumb,
}

/// `GET /files/{id}`: the file (for photos, the large size).
pub async fn download(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    send(&state, &id, Size::Full, &headers).await
}

/// `GET /files/{id}/{size}`: `medium` or `thumb` of a photo.
pub async fn download_size(
    State(state): State<AppState>,
    Path((id, size)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let size = match size.as_str() {
        "medium" => Size::Medium,
        "thumb" => Size::Thumb,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    send(&state, &id, size, &headers).await
}

async fn send(state: &AppState, id: &str, size: Size, headers: &HeaderMap) -> Response {
    let not_found = || {
        (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "404\n",
        )
            .into_response()
    };
    let unauthorized = || {
        (
            StatusCode::UNAUTHORIZED,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "401\n",
        )
            .into_response()
    };
    let principal = principal_from_headers(state, headers).await.ok().flatten();
    let Some(file_id) = FileId::parse(id) else {
        return not_found();
    };
    let (record, public) = {
        let Ok(mut conn) = state.store.pool().acquire().await else {
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        };
        let Ok(Some(record)) = entries::get_file(&mut conn, file_id).await else {
            return not_found();
        };
        // The business, the round's secretariat and the entry's jurors who
        // declared no tie see every file; anyone sees the resized photos
        // of a product recognised in published results; anyone else
        // learns nothing.
        let private = match &principal {
            Some(p) => load(&mut conn, p, &record.entry.to_string()).await.is_ok(),
            None => false,
        };
        let shown = size != Size::Full
            && record.kind == FileKind::Photo
            && crate::db::council::publicly_recognised(&mut conn, record.entry)
                .await
                .unwrap_or(false);
        match (private, shown, &principal) {
            (true, _, _) => (record, false),
            (false, true, _) => (record, true),
            (false, false, None) => return unauthorized(),
            (false, false, Some(_)) => return not_found(),
        }
    };
    let (hash, mime) = match size {
        Size::Full => (Some(record.content_hash.clone()), record.file_type.mime()),
        Size::Medium => (record.medium_hash.clone(), "image/jpeg"),
        Size::Thumb => (record.thumb_hash.clone(), "image/jpeg"),
    };
    let Some(hash) = hash else { return not_found() };
    let etag = format!("\"{hash}\"");
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let Ok(bytes) = state.files.read(&hash).await else {
        tracing::error!(file = %record.id, "a stored file is missing on disk");
        return not_found();
    };
    let disposition = format!(
        "inline; filename*=UTF-8''{}",
        url::form_urlencoded::byte_serialize(record.display_name.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    );
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, mime)
        .header(header::CONTENT_LENGTH, bytes.len())
        .header(
            header::CACHE_CONTROL,
            if public {
                "public, max-age=86400"
            } else {
                "private, no-store"
            },
        )
        .header(header::ETAG, etag)
        .header(header::CONTENT_DISPOSITION, disposition)
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        )
        .body(Body::from(bytes))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
