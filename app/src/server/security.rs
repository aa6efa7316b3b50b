//! Request guards and response headers that every route gets.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};

use crate::i18n::{translate, Lang};
use crate::infra::state::AppState;

/// Whether a request may change state, judged by where it comes from.
///
/// Safe methods always pass. Otherwise a browser's `Origin` must be the
/// site's own (its public URL, or the `Host` it was reached at); `null` or
/// a foreign origin is refused. Without `Origin` (old browsers, scripts),
/// `Sec-Fetch-Site` must not say the request is cross-site. Requests with
/// neither header come from programs, which carry no victim's cookies.
pub fn origin_allowed(
    method: &Method,
    origin: Option<&str>,
    sec_fetch_site: Option<&str>,
    host: Option<&str>,
    public_origin: &str,
) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE) {
        return true;
    }
    match origin {
        Some(origin) => {
            if origin == public_origin {
                return true;
            }
            let Some(host) = host else { return false };
            let authority = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            authority.is_some_and(|a| a.eq_ignore_ascii_case(host))
        }
        None => !matches!(sec_fetch_site, Some("cross-site") | Some("same-site")),
    }
}

/// Refuses cross-origin state-changing requests with 403.
pub async fn check_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let allowed = origin_allowed(
        request.method(),
        text(header::ORIGIN),
        headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
        text(header::HOST),
        &state.config.public_origin(),
    );
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), "refused a cross-origin request");
        let message = format!(
            "{}\n{}\n",
            translate(Lang::Vi, "error-cross-origin", &[]),
            translate(Lang::En, "error-cross-origin", &[])
        );
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            message,
        )
            .into_response()
    }
}

/// The Content-Security-Policy of rendered pages. Scripts need the
/// per-response nonce (Leptos's hydration script and resource data) and
/// WebAssembly compilation; nothing is loaded from another origin.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of every other response (files, JSON): nothing may run.
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Adds the security headers to every response.
pub async fn security_headers(State(state): State<AppState>, mut request: Request<Body>, next: Next) -> Response {
    // Every response gets its own nonce; a rendered page's scripts carry it
    // (see `provide_page_nonce`), and the page's policy allows only them.
    let nonce = PageNonce::new();
    request.extensions_mut().insert(nonce.clone());
    // What a signed-in person reads (dossiers, sheets, the outbox, account
    // pages) and every server function's answer stay out of every cache,
    // the browser's included, unless the response says otherwise.
    let private = request.uri().path().starts_with("/api/")
        || crate::auth::request::cookie_in(request.headers(), crate::auth::principal::session_cookie_name(&state))
            .is_some();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if private && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let set = |headers: &mut http::HeaderMap, name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        header::HeaderName::from_static("permissions-policy"),
        "geolocation=(), microphone=(), payment=(), usb=()",
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let html = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if html {
            if let Ok(value) = HeaderValue::from_str(&page_csp(&nonce.0)) {
                headers.insert(header::CONTENT_SECURITY_POLICY, value);
            }
        } else {
            set(headers, header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
        }
    }
    if state.config.https() {
        set(headers, header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    response
}

/// The nonce of one response, made by [`security_headers`].
#[derive(Clone, Debug)]
pub struct PageNonce(pub String);

impl PageNonce {
    fn new() -> PageNonce {
        use base64::Engine;
        let bytes = crate::auth::token::random_bytes::<16>();
        PageNonce(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// Makes Leptos put this request's nonce on the scripts it writes
/// (replacing the one Leptos made itself), so the header set by
/// [`security_headers`] and the page always agree.
pub fn provide_page_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(nonce) = use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<PageNonce>().cloned()) {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://tieubieu.example.vn";

    #[test]
    fn reads_always_pass() {
        assert!(origin_allowed(
            &Method::GET,
            Some("https://evil.example"),
            Some("cross-site"),
            None,
            SITE
        ));
    }

    #[test]
    fn posts_from_the_site_pass() {
        assert!(origin_allowed(
            &Method::POST,
            Some(SITE),
            Some("same-origin"),
            None,
            SITE
        ));
        assert!(origin_allowed(
            &Method::POST,
            Some("http://127.0.0.1:3000"),
            None,
            Some("127.0.0.1:3000"),
            SITE
        ));
    }

    #[test]
    fn posts_from_elsewhere_are_refused() {
        assert!(!origin_allowed(
            &Method::POST,
            Some("https://evil.example"),
            None,
            Some("tieubieu.example.vn"),
            SITE
        ));
        assert!(!origin_allowed(
            &Method::POST,
            Some("null"),
            None,
            Some("tieubieu.example.vn"),
            SITE
        ));
        assert!(!origin_allowed(
            &Method::DELETE,
            None,
            Some("cross-site"),
            Some("tieubieu.example.vn"),
            SITE
        ));
        assert!(!origin_allowed(
            &Method::POST,
            Some("http://127.0.0.1:3000.evil.example"),
            None,
            Some("127.0.0.1:3000"),
            SITE
        ));
    }

    #[test]
    fn programs_without_browser_headers_pass() {
        assert!(origin_allowed(&Method::POST, None, None, Some("x"), SITE));
    }

    #[test]
    fn the_page_policy_carries_the_nonce_and_forbids_framing() {
        let csp = page_csp("abc");
        assert!(csp.contains("'nonce-abc'") && csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
