//! The HTTP router: pages, server functions, health, language, files.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, State};
use axum::http::{header, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Form, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use super::security::{check_origin, security_headers};
use super::state::AppState;
use crate::app::{shell, App};
use crate::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};

/// Builds the whole application router around `state`.
pub fn build_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let page_state = state.clone();
    let fallback_state = state.clone();
    let options = state.leptos_options.clone();
    let uploads = Router::new()
        .route("/entries/{id}/files", post(super::uploads::upload))
        .route("/files/{id}", get(super::uploads::download))
        .route("/files/{id}/{size}", get(super::uploads::download_size))
        // Uploads read their own bodies, file by file, with their own caps,
        // and may take long on a slow rural connection.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(15 * 60),
        ));
    Router::new()
        .route("/healthz", get(health))
        .route("/lang", post(set_language))
        .route("/api/{*fn_name}", get(server_fn).post(server_fn))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(page_state.clone());
                super::security::provide_page_nonce();
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || {
                provide_context(fallback_state.clone());
                super::security::provide_page_nonce();
            },
            shell,
        ))
        .layer(RequestBodyLimitLayer::new(state.config.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .merge(uploads)
        .layer(middleware::map_response(with_error_status))
        .layer(middleware::from_fn_with_state(state.clone(), check_origin))
        .layer(middleware::from_fn_with_state(state.clone(), security_headers))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
            // Log the route pattern, never the path itself: paths can hold
            // one-time tokens (setup and invitation links).
            let route = request
                .extensions()
                .get::<MatchedPath>()
                .map_or("(unmatched)", MatchedPath::as_str);
            tracing::info_span!("request", method = %request.method(), route)
        }))
        .with_state(state)
}

/// Server functions are routed by `leptos_routes_with_context` (which
/// registers each one with the page context); this catch-all answers for
/// names that do not exist.
async fn server_fn(State(state): State<AppState>, request: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_context(state.clone()), request).await
}

/// Errors raised before a server function's body runs (arguments that do
/// not decode, a body cut short) come out of Leptos as 500; give them the
/// status their [`AppError`] stands for, so no client sees "internal
/// error" for a bad request.
async fn with_error_status(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(error.status()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
async fn health(State(state): State<AppState>) -> Response {
    let ok = tokio::time::timeout(Duration::from_secs(3), state.store.ping())
        .await
        .unwrap_or(false);
    let (status, body) = if ok {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
    };
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// The language switch's form.
#[derive(serde::Deserialize)]
struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

/// `POST /lang`: remembers the language in a cookie and goes back to the
/// page the switch was on. A plain form, so it works without JavaScript.
async fn set_language(State(state): State<AppState>, Form(form): Form<LanguageForm>) -> Response {
    let lang = Lang::from_code(&form.lang).unwrap_or_default();
    let secure = if state.config.https() { "; Secure" } else { "" };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        lang.code()
    );
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, local_path(&form.back)), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// A path on this site to go back to; anything else (another site,
/// `//host`, a scheme) becomes `/`.
pub fn local_path(candidate: &str) -> String {
    let ok = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.starts_with("/\\")
        && !candidate.chars().any(|c| c.is_control());
    if ok {
        candidate.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/admin/accounts?page=2"), "/admin/accounts?page=2");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
            "/a\nb",
        ] {
            assert_eq!(local_path(bad), "/", "{bad}");
        }
    }
}
