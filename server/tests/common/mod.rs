//! Test helpers: a fresh database per test (a SQLite file, or a
//! PostgreSQL schema of its own), the real router around it, and actors
//! (anonymous, entrant, administrator) that call it as a browser would.

#![allow(dead_code)]

pub mod fixtures;
pub mod world;

use std::sync::Arc;

use app::db::Store;
use app::infra::config::Config;
use app::infra::mail::Mailer;
use app::infra::state::AppState;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server the suite uses.
pub fn postgres_admin_url() -> String {
    std::env::var("TIEUBIEU_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

fn postgres_required() -> bool {
    std::env::var("TIEUBIEU_REQUIRE_PG").is_ok_and(|v| v == "1") || std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The backends to run a test on: SQLite always; PostgreSQL when it
/// answers. When it is required (CI, or the test command), a missing
/// server fails the test; otherwise the skip is announced loudly.
pub async fn backends() -> Vec<Backend> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    match sqlx::AnyConnection::connect(&postgres_admin_url()).await {
        Ok(conn) => {
            let _ = conn.close().await;
            vec![Backend::Sqlite, Backend::Postgres]
        }
        Err(e) if postgres_required() => {
            panic!(
                "PostgreSQL is required but does not answer at {}: {e}",
                postgres_admin_url()
            )
        }
        Err(e) => {
            eprintln!(
                "\n*** SKIPPING the PostgreSQL half of this test: {e}\n*** (set TIEUBIEU_TEST_PG_URL, or run scripts/test which provides PostgreSQL)\n"
            );
            vec![Backend::Sqlite]
        }
    }
}

/// A database of one's own, removed at the end.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    dir: Option<tempfile::TempDir>,
    schema: Option<String>,
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        sqlx::any::install_default_drivers();
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
                TestDb {
                    backend,
                    url,
                    dir: Some(dir),
                    schema: None,
                }
            }
            Backend::Postgres => {
                use sqlx::Connection;
                let schema = format!("tb_test_{}", uuid::Uuid::new_v4().simple());
                let admin = postgres_admin_url();
                let mut conn = sqlx::AnyConnection::connect(&admin)
                    .await
                    .expect("connect to PostgreSQL");
                sqlx::query(&format!("CREATE SCHEMA {schema}"))
                    .execute(&mut conn)
                    .await
                    .expect("create schema");
                let _ = conn.close().await;
                let separator = if admin.contains('?') { '&' } else { '?' };
                let url = format!("{admin}{separator}options=-c%20search_path%3D{schema}");
                TestDb {
                    backend,
                    url,
                    dir: None,
                    schema: Some(schema),
                }
            }
        }
    }

    pub async fn store(&self) -> Store {
        Store::connect(&self.url, 5).await.expect("connect and migrate")
    }

    /// Drops the PostgreSQL schema (the SQLite file goes with its folder).
    pub async fn cleanup(self) {
        if let Some(schema) = &self.schema {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::AnyConnection::connect(&postgres_admin_url()).await {
                let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                    .execute(&mut conn)
                    .await;
                let _ = conn.close().await;
            }
        }
        drop(self.dir);
    }
}

/// The application around a fresh database.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub db: Option<TestDb>,
    _files: tempfile::TempDir,
}

pub const SITE: &str = "http://127.0.0.1:3000";

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        Self::with_env(backend, &[]).await
    }

    pub async fn with_env(backend: Backend, vars: &[(&str, &str)]) -> TestApp {
        let db = TestDb::new(backend).await;
        let store = db.store().await;
        let vars: std::collections::HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let mut config = Config::from_lookup(|k| vars.get(k).cloned(), "127.0.0.1:3000".parse().unwrap()).unwrap();
        config.database_url = db.url.clone();
        let files_dir = tempfile::tempdir().expect("files dir");
        config.data_dir = files_dir.path().to_path_buf();
        let files = app::infra::files::FileStore::new(config.files_dir());
        let mail = Arc::new(Mailer::new(&config).unwrap());
        let leptos_options = leptos::config::LeptosOptions::builder()
            .output_name("tieubieu")
            .site_root("target/site")
            .build();
        let state = AppState {
            store,
            files,
            config: Arc::new(config),
            mail,
            leptos_options,
        };
        let router = app::server::router::build_router(state.clone())
            // What `into_make_service_with_connect_info` adds to each request.
            .layer(axum::Extension(ConnectInfo(std::net::SocketAddr::from((
                [203, 0, 113, 7],
                40000,
            )))));
        TestApp {
            router,
            state,
            db: Some(db),
            _files: files_dir,
        }
    }

    pub async fn cleanup(mut self) {
        self.state.store.close().await;
        if let Some(db) = self.db.take() {
            db.cleanup().await;
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let what = format!("{} {}", request.method(), request.uri());
        let started = std::time::Instant::now();
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let reply = Reply::read(response).await;
        // A request that ran into the server's own timeout is a hang, never
        // a result a test should read on: name it.
        assert_ne!(
            reply.status,
            StatusCode::REQUEST_TIMEOUT,
            "{what} timed out on the server after {:?}",
            started.elapsed()
        );
        reply
    }

    /// GET a page or file.
    pub async fn get(&self, path: &str, actor: &Actor) -> Reply {
        let mut request = Request::get(path).header(header::ACCEPT, "text/html");
        if let Some(cookie) = &actor.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Calls a server function as the hydrated page does (JSON answer).
    pub async fn call(&self, name: &str, actor: &Actor, fields: &[(&str, &str)]) -> Reply {
        self.send(call_request(name, actor, fields)).await
    }

    /// Makes the calls at once (each as [`TestApp::call`] would), and
    /// returns the replies in order.
    pub async fn call_at_once(&self, calls: Vec<Call<'_>>) -> Vec<Reply> {
        let mut running = Vec::new();
        for (name, actor, fields) in calls {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let request = call_request(name, &actor, &fields);
            let router = self.router.clone();
            running.push(tokio::spawn(async move {
                Reply::read(router.oneshot(request).await.expect("router answers")).await
            }));
        }
        let mut replies = Vec::new();
        for call in running {
            replies.push(call.await.expect("call finished"));
        }
        replies
    }

    /// Posts a server function as a plain HTML form does (JavaScript off).
    pub async fn post_form(&self, name: &str, actor: &Actor, referer: &str, fields: &[(&str, &str)]) -> Reply {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let mut request = Request::post(format!("/api/{name}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::ORIGIN, SITE)
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::REFERER, format!("{SITE}{referer}"));
        if let Some(cookie) = &actor.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Signs up a business representative and returns them signed in.
    pub async fn entrant(&self, name: &str, email: &str) -> Actor {
        let reply = self
            .call(
                "sign_up",
                &Actor::anonymous(),
                &[
                    ("name", name),
                    ("email", email),
                    ("phone", ""),
                    ("password", "mật khẩu dài"),
                    ("password_confirm", "mật khẩu dài"),
                ],
            )
            .await;
        assert!(
            reply.status.is_success(),
            "sign-up failed: {} {}",
            reply.status,
            reply.body
        );
        Actor::from_reply(&reply)
    }

    /// Signs in (a new session) and returns the person signed in.
    pub async fn sign_in_as(&self, identifier: &str, password: &str) -> Actor {
        let reply = self
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", identifier), ("password", password)],
            )
            .await;
        assert!(
            reply.status.is_success(),
            "sign-in failed: {} {}",
            reply.status,
            reply.body
        );
        Actor::from_reply(&reply)
    }

    /// Creates the first administrator through a setup link.
    pub async fn admin(&self) -> Actor {
        let path = app::server::bootstrap::setup_link_if_needed(&self.state.store)
            .await
            .unwrap()
            .expect("no administrator yet");
        let token = path.trim_start_matches("/setup/").to_owned();
        let reply = self
            .call(
                "complete_setup",
                &Actor::anonymous(),
                &[
                    ("token", &token),
                    ("name", "Quản Trị Viên"),
                    ("email", "admin@sct.dongnai.gov.vn"),
                    ("phone", ""),
                    ("password", "quản trị an toàn"),
                    ("password_confirm", "quản trị an toàn"),
                ],
            )
            .await;
        assert!(
            reply.status.is_success(),
            "setup failed: {} {}",
            reply.status,
            reply.body
        );
        Actor::from_reply(&reply)
    }

    /// Creates the province of Đồng Nai and a provincial round of 2026 in
    /// it, open for entries from 2020 to 2099 (so tests can move its dates);
    /// returns the round's id.
    pub async fn province_round(&self, admin: &Actor) -> String {
        self.province_round_titled(admin, "Đồng Nai 2026").await
    }

    /// [`TestApp::province_round`] with its own title.
    pub async fn province_round_titled(&self, admin: &Actor, title: &str) -> String {
        let geography: app::api::geography::Geography =
            serde_json::from_str(&self.call("list_geography", admin, &[]).await.body).unwrap();
        let province = geography.levels.iter().find(|l| l.rank == 2).unwrap().id.clone();
        self.call(
            "save_territory",
            admin,
            &[("level", &province), ("name_vi", "Đồng Nai"), ("name_en", "")],
        )
        .await;
        let geography: app::api::geography::Geography =
            serde_json::from_str(&self.call("list_geography", admin, &[]).await.body).unwrap();
        let dong_nai = geography
            .territories
            .iter()
            .find(|t| t.name_vi == "Đồng Nai")
            .unwrap()
            .id
            .clone();
        self.create_round(admin, &province, &dong_nai, title, "{seq}/{year}")
            .await
    }

    /// Creates a round of 2026 at `level` in `territory`, open for entries
    /// from 2020 to 2099; returns its id.
    pub async fn create_round(
        &self,
        admin: &Actor,
        level: &str,
        territory: &str,
        title: &str,
        pattern: &str,
    ) -> String {
        let reply = self
            .call(
                "create_round",
                admin,
                &[
                    ("level", level),
                    ("territory", territory),
                    ("parent_round", ""),
                    ("copy_from", ""),
                    ("title", title),
                    ("year", "2026"),
                    ("entries_open", "2020-01-01T08:00"),
                    ("entries_close", "2099-06-30T17:00"),
                    ("judging_close", "2099-08-31T17:00"),
                    ("threshold", "70"),
                    ("quorum_percent", "50"),
                    ("majority_percent", "50"),
                    ("certificate_pattern", pattern),
                    ("score_step", "0,5"),
                    ("spread_flag", "20"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply
            .header("location")
            .unwrap()
            .trim_start_matches("/rounds/")
            .to_owned()
    }

    /// A national round (level rank 4, territory Việt Nam) in draft, with
    /// the four official groups; returns its id.
    pub async fn national_round(&self, admin: &Actor, title: &str) -> String {
        let geography: app::api::geography::Geography =
            serde_json::from_str(&self.call("list_geography", admin, &[]).await.body).unwrap();
        let national = geography.levels.iter().find(|l| l.rank == 4).unwrap().id.clone();
        let viet_nam = geography
            .territories
            .iter()
            .find(|t| t.name_vi == "Việt Nam")
            .unwrap()
            .id
            .clone();
        self.create_round(admin, &national, &viet_nam, title, "{seq}/{year}/QG")
            .await
    }

    /// Moves a round's entries deadline to `seconds_ago` seconds ago.
    pub async fn close_entries(&self, round: &str, seconds_ago: i64) {
        let mut conn = self.state.store.pool().acquire().await.unwrap();
        let id = app::domain::ids::RoundId::parse(round).unwrap();
        let mut record = app::db::rounds::get_round(&mut conn, id).await.unwrap().unwrap();
        record.settings.entries_close = app::domain::time::Timestamp::now().plus_secs(-seconds_ago);
        app::db::rounds::update_settings(
            &mut conn,
            id,
            &record.settings,
            None,
            app::domain::time::Timestamp::now(),
        )
        .await
        .unwrap();
    }

    /// The outbox messages, newest first.
    pub async fn outbox(&self) -> Vec<app::db::outbox::MessageRecord> {
        let mut conn = self.state.store.pool().acquire().await.unwrap();
        app::db::outbox::list_messages(&mut conn, 0, 100).await.unwrap().0
    }

    /// The audit actions recorded, oldest first.
    pub async fn audit_actions(&self) -> Vec<String> {
        let mut conn = self.state.store.pool().acquire().await.unwrap();
        let mut rows = app::db::audit::list(&mut conn, None, None, 1000).await.unwrap();
        rows.reverse();
        rows.into_iter().map(|r| r.action).collect()
    }
}

/// A call for [`TestApp::call_at_once`]: the function, who calls it and
/// the fields.
pub type Call<'a> = (&'a str, Actor, Vec<(String, String)>);

/// A server function call as the hydrated page makes it.
pub fn call_request(name: &str, actor: &Actor, fields: &[(&str, &str)]) -> Request<Body> {
    let body = serde_urlencoded::to_string(fields).unwrap();
    let mut request = Request::post(format!("/api/{name}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::ORIGIN, SITE)
        .header(header::HOST, "127.0.0.1:3000");
    if let Some(cookie) = &actor.cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// Someone using the site: anonymous, or holding a session cookie.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub cookie: Option<String>,
}

impl Actor {
    pub fn anonymous() -> Actor {
        Actor::default()
    }

    /// The session cookie a reply set.
    pub fn from_reply(reply: &Reply) -> Actor {
        let cookie = reply
            .set_cookies
            .iter()
            .find(|c| c.starts_with("tb_session="))
            .map(|c| c.split(';').next().unwrap().to_owned())
            .expect("a session cookie");
        Actor { cookie: Some(cookie) }
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub set_cookies: Vec<String>,
    pub body: String,
    /// The body as it came (files).
    pub bytes: Vec<u8>,
}

impl Reply {
    async fn read(response: Response<Body>) -> Reply {
        let status = response.status();
        let headers = response.headers().clone();
        let set_cookies = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            set_cookies,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The error a server function answered, decoded. Errors reach the
    /// browser told in the caller's language (it has no message
    /// catalogue); only a request the server could not even read
    /// (`BadRequest`) may come untold, and the browser carries that
    /// sentence itself.
    pub fn error(&self) -> app::error::AppError {
        use app::error::AppError;
        let error: AppError =
            serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not an AppError ({e}): {}", self.body));
        match error {
            AppError::Told(told) => {
                assert!(!told.message.trim().is_empty(), "told without a message: {}", self.body);
                assert!(
                    told.error
                        .field_errors()
                        .iter()
                        .all(|f| f.text.as_deref().is_some_and(|t| !t.is_empty())),
                    "a field problem without its sentence: {}",
                    self.body
                );
                told.error
            }
            AppError::BadRequest => AppError::BadRequest,
            other => panic!("error not told in the caller's language: {other:?}"),
        }
    }
}
