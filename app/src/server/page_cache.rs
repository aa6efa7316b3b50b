//! A short-lived cache of the public pages as anonymous visitors get them
//! (`/`, `/results/…`, `/catalogue…`, `/statistics`, `/verify…`), so that
//! a results page shared on social networks or printed as a QR code does
//! not run its queries for every visitor.
//!
//! What is kept is the whole response as sent (compressed, with its
//! headers, the page's Content-Security-Policy and the nonce its scripts
//! carry), keyed by path and query, the language cookie and the
//! `Accept-Encoding` header. Only anonymous requests (no cookie but the
//! language one) are served from it, and only successful HTML responses
//! that set no cookie are kept. An entry lives `TIEUBIEU_PAGE_CACHE_SECONDS`
//! (10 by default, 0 turns the cache off; when one expires under load, one
//! request renders it again while the others get the old copy, for at
//! most another such period); any request that may change
//! data (every method but GET and HEAD) empties it in this process at
//! once, so a server shows its own changes immediately and other servers
//! within that time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};

use crate::i18n::LANG_COOKIE;

/// Most entries kept (search queries make the key space open-ended).
const MAX_ENTRIES: usize = 512;
/// Largest response kept.
const MAX_BODY: usize = 1 << 20;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    path: String,
    lang: Option<String>,
    encoding: Option<String>,
}

struct Entry {
    at: Instant,
    /// A request is rendering this page again; the others get this copy
    /// meanwhile, so an expiry under load renders once, not once per
    /// waiting visitor.
    refreshing: bool,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// The cache, shared by the requests of one server process.
pub struct PageCache {
    ttl: Duration,
    entries: Mutex<HashMap<Key, Entry>>,
}

impl PageCache {
    /// A cache keeping pages for `ttl` (zero keeps nothing).
    pub fn new(ttl: Duration) -> Arc<PageCache> {
        Arc::new(PageCache {
            ttl,
            entries: Mutex::new(HashMap::new()),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry>> {
        // A panic while holding the lock cannot leave a map half-written
        // in a way that matters: take it back.
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Forgets every page.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The kept page, if fresh; when it has just expired, the first caller
    /// gets `None` (and renders it again) while the others get the old
    /// copy until the new one is in, for at most another `ttl`.
    fn get(&self, key: &Key) -> Option<Response> {
        let mut entries = self.lock();
        let entry = entries.get_mut(key)?;
        let age = entry.at.elapsed();
        if age >= self.ttl {
            if !entry.refreshing && age < self.ttl * 2 {
                entry.refreshing = true;
                return None;
            }
            if age >= self.ttl * 2 {
                return None;
            }
        }
        let mut response = Response::new(Body::from(entry.body.clone()));
        *response.status_mut() = entry.status;
        *response.headers_mut() = entry.headers.clone();
        response
            .headers_mut()
            .insert("x-cache", HeaderValue::from_static("hit"));
        Some(response)
    }

    fn put(&self, key: Key, status: StatusCode, headers: HeaderMap, body: Bytes) {
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            let ttl = self.ttl;
            entries.retain(|_, e| e.at.elapsed() < ttl);
            if entries.len() >= MAX_ENTRIES {
                return;
            }
        }
        entries.insert(
            key,
            Entry {
                at: Instant::now(),
                refreshing: false,
                status,
                headers,
                body,
            },
        );
    }
}

/// Whether `path` is a public page that may be kept.
pub fn public_page(path: &str) -> bool {
    path == "/"
        || path == "/statistics"
        || path == "/catalogue"
        || path == "/verify"
        || path.starts_with("/verify/")
        || path.starts_with("/catalogue/")
        || path
            .strip_prefix("/results/")
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
}

/// The language cookie of an anonymous request, `Ok(None)` when it has
/// none; `Err(())` when it carries any other cookie (a session, a form's
/// memory, a notice): such a request is never served from the cache.
fn anonymous_language(headers: &HeaderMap) -> Result<Option<String>, ()> {
    let mut lang = None;
    for value in headers.get_all(header::COOKIE) {
        let text = value.to_str().map_err(|_| ())?;
        for pair in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some((LANG_COOKIE, v)) => lang = Some(v.to_owned()),
                _ => return Err(()),
            }
        }
    }
    Ok(lang)
}

fn key_of(request: &Request) -> Option<Key> {
    if request.method() != Method::GET || !public_page(request.uri().path()) {
        return None;
    }
    let lang = anonymous_language(request.headers()).ok()?;
    let encoding = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let path = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), |p| p.as_str().to_owned());
    Some(Key { path, lang, encoding })
}

fn keepable(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"))
}

/// The middleware (outermost but for tracing, so that what it keeps is
/// exactly what was sent: compressed, with its security headers).
pub async fn page_cache(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if cache.ttl.is_zero() {
        return next.run(request).await;
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        // Anything that may change data empties the cache, before and
        // after (a page rendered meanwhile may hold the old data).
        cache.clear();
        let response = next.run(request).await;
        cache.clear();
        return response;
    }
    let Some(key) = key_of(&request) else {
        return next.run(request).await;
    };
    if let Some(hit) = cache.get(&key) {
        return hit;
    }
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => {
            cache.put(key, parts.status, parts.headers.clone(), bytes.clone());
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(error) => {
            // Larger than kept, or the body failed: the page is lost either
            // way; say so rather than send half of it.
            tracing::warn!(%error, "a public page could not be read whole");
            let mut failed = Response::new(Body::empty());
            *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            failed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str, cookie: Option<&str>) -> Request {
        let mut builder = http::Request::get(path).header(header::ACCEPT_ENCODING, "br");
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_anonymous_visits_of_public_pages_are_kept() {
        for path in [
            "/",
            "/results/abc",
            "/catalogue",
            "/catalogue?q=nuoc+mam",
            "/catalogue/x",
            "/statistics",
            "/verify/1/2026",
        ] {
            assert!(key_of(&request(path, None)).is_some(), "{path}");
            assert!(
                key_of(&request(path, Some("tb_lang=en"))).is_some(),
                "{path} in English"
            );
            assert!(
                key_of(&request(path, Some("tb_session=abc"))).is_none(),
                "{path} signed in"
            );
            assert!(
                key_of(&request(path, Some("tb_lang=vi; tb_form=x"))).is_none(),
                "{path} with a form's memory"
            );
        }
        for path in [
            "/rounds",
            "/entries/1",
            "/results/abc/results.csv",
            "/api/x",
            "/account",
            "/files/1/thumb",
        ] {
            assert!(key_of(&request(path, None)).is_none(), "{path}");
        }
        let mut post = request("/", None);
        *post.method_mut() = Method::POST;
        assert!(key_of(&post).is_none());
        // The language and the encoding are part of the key.
        assert_ne!(key_of(&request("/", Some("tb_lang=en"))), key_of(&request("/", None)));
    }

    #[test]
    fn entries_expire_and_the_cache_stays_bounded() {
        let cache = PageCache::new(Duration::from_millis(50));
        let key = key_of(&request("/", None)).unwrap();
        cache.put(key.clone(), StatusCode::OK, HeaderMap::new(), Bytes::from_static(b"x"));
        assert!(cache.get(&key).is_some());
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get(&key).is_none(), "expired: the first caller renders it again");
        assert!(cache.get(&key).is_some(), "the others get the old copy meanwhile");
        cache.put(key.clone(), StatusCode::OK, HeaderMap::new(), Bytes::from_static(b"y"));
        assert!(cache.get(&key).is_some());
        std::thread::sleep(Duration::from_millis(110));
        assert!(cache.get(&key).is_none(), "too old to stand in");
        assert!(cache.get(&key).is_none());
        let cache = PageCache::new(Duration::from_secs(60));
        for n in 0..MAX_ENTRIES + 10 {
            let key = key_of(&request(&format!("/catalogue?q={n}"), None)).unwrap();
            cache.put(key, StatusCode::OK, HeaderMap::new(), Bytes::new());
        }
        assert_eq!(cache.lock().len(), MAX_ENTRIES);
        cache.clear();
        assert!(cache.lock().is_empty());
    }
}
