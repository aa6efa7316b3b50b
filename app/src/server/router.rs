//! The HTTP router: pages, server functions, health, language, files.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, State};
use axum::http::{header, Method, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use super::security::{check_origin, security_headers};
use crate::app::{shell, App};
use crate::domain::session::local_path;
use crate::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};
use crate::infra::state::AppState;

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
        // and may take long on a slow rural connection; the whole body,
        // chunked or not, is cut off at an entry's quota.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(super::uploads::body_limit(&state.config)))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(15 * 60),
        ));
    let pages = Router::new()
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
        .layer(middleware::from_fn_with_state(PAGE_STALL, render_again_if_stalled));
    Router::new()
        .route("/healthz", get(health))
        .route("/lang", post(set_language))
        .route("/api/{*fn_name}", get(server_fn).post(server_fn))
        .route("/rounds/{id}/report.xlsx", get(super::exports::report_xlsx))
        .route("/rounds/{id}/scores.xlsx", get(super::exports::scores_xlsx))
        .route(
            "/rounds/{id}/nominations.zip",
            get(super::nomination_package::nominations_zip),
        )
        .route("/entries/{id}/certificate.pdf", get(super::exports::certificate_pdf))
        .route("/open-data/certificates.csv", get(super::open_data::certificates_csv))
        .route("/results/{id}/results.csv", get(super::open_data::round_results_csv))
        .route("/statistics.csv", get(super::open_data::statistics_csv))
        .merge(pages)
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
        .layer(middleware::from_fn_with_state(
            super::page_cache::PageCache::new(Duration::from_secs(state.config.page_cache_seconds)),
            super::page_cache::page_cache,
        ))
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

/// How long a page may take to render before it is taken for stalled.
/// Pages render in well under a second; the server's own timeout is 30 s.
const PAGE_STALL: Duration = Duration::from_secs(8);

/// Renders a page again when its first rendering stalls.
///
/// Leptos 0.8's server rendering, rarely, never finishes a page whose
/// `<Suspense>` waits on a resource (the family of upstream issues
/// leptos-rs/leptos#4851 and #4673, not all fixed in 0.8.23; seen here
/// under CPU contention, once in some thousands of page loads): the
/// process stays healthy and the same request rendered again answers at
/// once. A page GET is a pure read, so rendering it again is safe; the
/// stall is logged so it stays visible. Anything else (server functions,
/// posts) goes through untouched.
async fn render_again_if_stalled(State(stall): State<Duration>, request: Request<Body>, next: Next) -> Response {
    let is_page = matches!(*request.method(), Method::GET | Method::HEAD) && !request.uri().path().starts_with("/api/");
    if !is_page {
        return next.run(request).await;
    }
    let (parts, _) = request.into_parts();
    let first = Request::from_parts(parts.clone(), Body::empty());
    match tokio::time::timeout(stall, next.clone().run(first)).await {
        Ok(response) => response,
        Err(_) => {
            // The route pattern, never the path (it can hold a token).
            let route = parts
                .extensions
                .get::<MatchedPath>()
                .map_or("(unmatched)", MatchedPath::as_str)
                .to_owned();
            tracing::warn!(route, "page rendering stalled; rendering it again");
            next.run(Request::from_parts(parts, Body::empty())).await
        }
    }
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

#[cfg(test)]
mod stall_tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// A page whose first rendering never finishes, and the calls made.
    fn stalling_once() -> (Router, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let page = move || {
            let counted = counted.clone();
            async move {
                if counted.fetch_add(1, Ordering::SeqCst) == 0 {
                    std::future::pending::<()>().await;
                }
                "rendered"
            }
        };
        let router = Router::new()
            .route("/page", get(page.clone()))
            .route("/api/thing", get(page))
            .layer(middleware::from_fn_with_state(
                Duration::from_millis(50),
                render_again_if_stalled,
            ));
        (router, calls)
    }

    async fn body(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn a_stalled_page_is_rendered_again() {
        let (router, calls) = stalling_once();
        let request = Request::get("/page").body(Body::empty()).unwrap();
        let response = router.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(body(response).await, "rendered");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn server_functions_are_never_run_twice() {
        let (router, calls) = stalling_once();
        let request = Request::get("/api/thing").body(Body::empty()).unwrap();
        let answer = tokio::time::timeout(Duration::from_millis(300), router.oneshot(request)).await;
        assert!(answer.is_err(), "the stalled call is left to the server's own timeout");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
