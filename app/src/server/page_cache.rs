//! A short-lived cache of the public pages as anonymous visitors get them
//! (`/`, `/results/…`, `/catalogue…`, `/statistics`, `/verify…`), so that
//! a results page shared on social networks or printed as a QR code does
//! not run its queries for every visitor.
//!
//! What is kept is the whole response as sent (compressed, with its
//! headers, the page's Content-Security-Policy and the nonce its scripts
//! carry), keyed on the request as the page reads it: the path, only the
//! query parameters that page reads (sorted; any other is dropped from the
//! request itself before it renders, so a random `?x=…` neither makes a
//! new entry nor reaches the page), the language (`vi` or `en`) and the
//! encoding the response will have (`br`, `gzip` or none). Only anonymous
//! requests (no cookie but the language one) are served from it, and only
//! successful HTML responses that set no cookie are kept; a page larger
//! than an entry may hold is sent uncached. At most [`MAX_ENTRIES`] are
//! kept, the least recently used going first. An entry lives
//! `TIEUBIEU_PAGE_CACHE_SECONDS` (10 by default, 0 turns the cache off;
//! when one expires under load, one request renders it again while the
//! others get the old copy, for at most another such period). A change
//! the server accepted (a request other than GET or HEAD answered with
//! success or a redirect that carries no error) empties it in this process
//! at once, and a page rendered while the change was made is not kept, so
//! a server shows its own changes immediately and other servers within
//! that time. A refused request (403, 405, a form's error) leaves it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use http_body_util::BodyExt;

use crate::i18n::{Lang, LANG_COOKIE};

/// Most entries kept (search queries make the key space open-ended).
pub const MAX_ENTRIES: usize = 512;
/// Largest response kept.
const MAX_BODY: usize = 1 << 20;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    /// The path and the normalised query.
    path: String,
    lang: Lang,
    encoding: &'static str,
}

struct Entry {
    at: Instant,
    used: Instant,
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
    /// Moves at every accepted change: a page whose rendering began before
    /// the change is not kept.
    generation: AtomicU64,
}

impl PageCache {
    /// A cache keeping pages for `ttl` (zero keeps nothing).
    pub fn new(ttl: Duration) -> Arc<PageCache> {
        Arc::new(PageCache {
            ttl,
            entries: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(0),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry>> {
        // A panic while holding the lock cannot leave a map half-written
        // in a way that matters: take it back.
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Forgets every page, and every page being rendered now.
    pub fn clear(&self) {
        let mut entries = self.lock();
        self.generation.fetch_add(1, Ordering::SeqCst);
        entries.clear();
    }

    /// Pages kept now.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
        entry.used = Instant::now();
        let mut response = Response::new(Body::from(entry.body.clone()));
        *response.status_mut() = entry.status;
        *response.headers_mut() = entry.headers.clone();
        response
            .headers_mut()
            .insert("x-cache", HeaderValue::from_static("hit"));
        Some(response)
    }

    /// Keeps a page rendered from `generation` on, unless a change came
    /// meanwhile; when full, the expired pages go, then the least recently
    /// used.
    fn put(&self, key: Key, generation: u64, status: StatusCode, headers: HeaderMap, body: Bytes) {
        let mut entries = self.lock();
        if self.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
            let ttl = self.ttl;
            entries.retain(|_, e| e.at.elapsed() < ttl * 2);
            while entries.len() >= MAX_ENTRIES {
                let Some(oldest) = entries.iter().min_by_key(|(_, e)| e.used).map(|(k, _)| k.clone()) else {
                    break;
                };
                entries.remove(&oldest);
            }
        }
        let now = Instant::now();
        entries.insert(
            key,
            Entry {
                at: now,
                used: now,
                refreshing: false,
                status,
                headers,
                body,
            },
        );
    }
}

/// The query parameters a public page reads: the only ones kept.
fn read_parameters(path: &str) -> &'static [&'static str] {
    match path {
        "/catalogue" => &["group", "level", "page", "q", "territory", "year"],
        "/verify" => &["number"],
        _ => &[],
    }
}

/// The longest value of a kept parameter (the catalogue cuts its search
/// at 100 characters).
const MAX_PARAMETER: usize = 200;

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

/// The encoding the compression layer will choose for these headers.
fn encoding_of(headers: &HeaderMap) -> &'static str {
    let accepted: Vec<String> = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.ends_with(";q=0") && !v.ends_with(";q=0.0"))
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_owned())
        .collect();
    if accepted.iter().any(|v| v == "br") {
        "br"
    } else if accepted.iter().any(|v| v == "gzip") {
        "gzip"
    } else {
        "identity"
    }
}

/// The request's key, and the request as the page should read it (only
/// the parameters it reads, the one encoding chosen); no key (and the
/// request untouched) when the request is not for the cache.
fn normalised(request: Request) -> (Option<Key>, Request) {
    if request.method() != Method::GET || !public_page(request.uri().path()) {
        return (None, request);
    }
    let Ok(lang) = anonymous_language(request.headers()) else {
        return (None, request);
    };
    let lang = lang.and_then(|l| Lang::from_code(&l)).unwrap_or_default();
    let path = request.uri().path().to_owned();
    let allowed = read_parameters(&path);
    let mut kept: Vec<(String, String)> = Vec::new();
    for (name, value) in url::form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes()) {
        if matches!(name.as_ref(), "__err" | "__path" | "notice") {
            // The outcome of a form: never kept.
            return (None, request);
        }
        if allowed.contains(&name.as_ref()) && !value.is_empty() && value.len() <= MAX_PARAMETER {
            kept.retain(|(n, _)| n != name.as_ref());
            kept.push((name.into_owned(), value.into_owned()));
        }
    }
    kept.sort();
    let mut target = path.clone();
    if !kept.is_empty() {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &kept {
            query.append_pair(name, value);
        }
        target.push('?');
        target.push_str(&query.finish());
    }
    let encoding = encoding_of(request.headers());
    let (mut parts, body) = request.into_parts();
    let Ok(uri) = target.parse::<http::Uri>() else {
        return (None, Request::from_parts(parts, body));
    };
    parts.uri = uri;
    parts
        .headers
        .insert(header::ACCEPT_ENCODING, HeaderValue::from_static(encoding));
    (
        Some(Key {
            path: target,
            lang,
            encoding,
        }),
        Request::from_parts(parts, body),
    )
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

/// Whether the answer to a request that may change data says the change
/// was made: success, or a redirect that carries no form error.
fn accepted(response: &Response) -> bool {
    let status = response.status();
    if status.is_success() {
        return true;
    }
    status.is_redirection()
        && !response
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l.contains("__err="))
}

/// The middleware (outermost but for tracing, so that what it keeps is
/// exactly what was sent: compressed, with its security headers).
pub async fn page_cache(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if cache.ttl.is_zero() {
        return next.run(request).await;
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let response = next.run(request).await;
        if accepted(&response) {
            cache.clear();
        }
        return response;
    }
    let (key, request) = match normalised(request) {
        (Some(key), request) => (key, request),
        (None, request) => return next.run(request).await,
    };
    if let Some(hit) = cache.get(&key) {
        return hit;
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, mut body) = response.into_parts();
    // Read up to what an entry may hold; a larger page goes out as it is,
    // what was read first and then the rest.
    let mut read = Vec::new();
    loop {
        match body.frame().await {
            None => break,
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    read.extend_from_slice(&data);
                    if read.len() > MAX_BODY {
                        let head = futures::stream::once(async move { Ok::<_, axum::Error>(Bytes::from(read)) });
                        let rest = body.into_data_stream();
                        return Response::from_parts(parts, Body::from_stream(futures::StreamExt::chain(head, rest)));
                    }
                }
            }
            Some(Err(error)) => {
                tracing::warn!(%error, "a public page failed while it was sent");
                let mut failed = Response::new(Body::empty());
                *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                return failed;
            }
        }
    }
    let bytes = Bytes::from(read);
    cache.put(key, generation, parts.status, parts.headers.clone(), bytes.clone());
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str, cookie: Option<&str>) -> Request {
        let mut builder = http::Request::get(path).header(header::ACCEPT_ENCODING, "gzip, deflate, br");
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    fn key_of(request: Request) -> Option<Key> {
        normalised(request).0
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
            assert!(key_of(request(path, None)).is_some(), "{path}");
            assert!(key_of(request(path, Some("tb_lang=en"))).is_some(), "{path} in English");
            assert!(
                key_of(request(path, Some("tb_session=abc"))).is_none(),
                "{path} signed in"
            );
            assert!(
                key_of(request(path, Some("tb_lang=vi; tb_form=x"))).is_none(),
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
            "/verify?number=1&__path=/api/x&__err=e",
        ] {
            assert!(key_of(request(path, None)).is_none(), "{path}");
        }
        let mut post = request("/", None);
        *post.method_mut() = Method::POST;
        assert!(key_of(post).is_none());
        // The language and the encoding are part of the key.
        assert_ne!(key_of(request("/", Some("tb_lang=en"))), key_of(request("/", None)));
    }

    #[test]
    fn the_key_is_the_request_as_the_page_reads_it() {
        let plain = key_of(request("/", None)).unwrap();
        for same in ["/?x=1", "/?utm_source=zalo&fbclid=abc", "/?"] {
            assert_eq!(key_of(request(same, None)), Some(plain.clone()), "{same}");
        }
        assert_eq!(
            key_of(request("/", Some("tb_lang=xx"))),
            Some(plain.clone()),
            "an unknown language is the default one"
        );
        let (key, rewritten) = normalised(request("/catalogue?year=2025&x=9&q=g%E1%BB%91m", None));
        let key = key.unwrap();
        assert_eq!(key.path, "/catalogue?q=g%E1%BB%91m&year=2025");
        assert_eq!(
            rewritten.uri().to_string(),
            key.path,
            "the page never sees the dropped parameter"
        );
        assert_eq!(
            key_of(request("/catalogue?q=g%E1%BB%91m&year=2025", None)),
            Some(key),
            "parameters in any order"
        );
        let encoded = |value: &str| {
            let request = http::Request::get("/")
                .header(header::ACCEPT_ENCODING, value)
                .body(Body::empty())
                .unwrap();
            key_of(request).unwrap().encoding
        };
        assert_eq!(encoded("br;q=1.0, gzip;q=0.8, *;q=0.1"), "br");
        assert_eq!(encoded("gzip, deflate"), "gzip");
        assert_eq!(encoded("deflate, x-random-123"), "identity");
        assert_eq!(encoded("br;q=0, gzip"), "gzip");
    }

    #[test]
    fn entries_expire_and_the_least_recently_used_go_first() {
        let cache = PageCache::new(Duration::from_millis(50));
        let key = key_of(request("/", None)).unwrap();
        let put = |cache: &PageCache, key: &Key, body: &'static [u8]| {
            let generation = cache.generation.load(Ordering::SeqCst);
            cache.put(
                key.clone(),
                generation,
                StatusCode::OK,
                HeaderMap::new(),
                Bytes::from_static(body),
            );
        };
        put(&cache, &key, b"x");
        assert!(cache.get(&key).is_some());
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get(&key).is_none(), "expired: the first caller renders it again");
        assert!(cache.get(&key).is_some(), "the others get the old copy meanwhile");
        put(&cache, &key, b"y");
        assert!(cache.get(&key).is_some());
        std::thread::sleep(Duration::from_millis(110));
        assert!(cache.get(&key).is_none(), "too old to stand in");
        assert!(cache.get(&key).is_none());

        let cache = PageCache::new(Duration::from_secs(60));
        let keys: Vec<Key> = (0..MAX_ENTRIES + 10)
            .map(|n| key_of(request(&format!("/catalogue?q={n}"), None)).unwrap())
            .collect();
        put(&cache, &keys[0], b"");
        for key in &keys[1..MAX_ENTRIES] {
            put(&cache, key, b"");
        }
        assert!(cache.get(&keys[0]).is_some(), "the first is used again");
        for key in &keys[MAX_ENTRIES..] {
            put(&cache, key, b"");
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        assert!(cache.get(&keys[0]).is_some(), "recently used: kept");
        assert!(cache.get(&keys[1]).is_none(), "least recently used: gone");
        cache.clear();
        assert!(cache.is_empty());
    }

    #[test]
    fn a_page_rendered_while_a_change_was_made_is_not_kept() {
        let cache = PageCache::new(Duration::from_secs(60));
        let key = key_of(request("/", None)).unwrap();
        let before = cache.generation.load(Ordering::SeqCst);
        cache.clear();
        cache.put(key.clone(), before, StatusCode::OK, HeaderMap::new(), Bytes::new());
        assert!(cache.get(&key).is_none());
    }
}
