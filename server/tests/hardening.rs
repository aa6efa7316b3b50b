//! What an anonymous or newly signed-up person can make the server do is
//! bounded, and sessions, caches and cookies behave as the security
//! section of the README says.

mod common;

use app::error::AppError;
use common::{backends, Actor, TestApp, SITE};
use http::{header, Request, StatusCode};

async fn each_app<F, Fut>(vars: &'static [(&'static str, &'static str)], test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = TestApp>,
{
    for backend in backends().await {
        let app = TestApp::with_env(backend, vars).await;
        let app = test(app).await;
        app.cleanup().await;
    }
}

fn sign_in(identifier: &str, password: &str) -> Vec<(String, String)> {
    vec![
        ("identifier".into(), identifier.into()),
        ("password".into(), password.into()),
    ]
}

#[tokio::test]
async fn parallel_guesses_cannot_slip_through_one_window() {
    each_app(&[], |app| async move {
        app.entrant("Lan", "lan@x.vn").await;
        // Twelve wrong passwords at once: each attempt is counted before
        // its password is checked, so only the four before the lock are
        // told "wrong"; the rest are held back.
        let calls = (0..12)
            .map(|n| {
                (
                    "sign_in",
                    Actor::anonymous(),
                    sign_in("lan@x.vn", &format!("đoán thử số {n}")),
                )
            })
            .collect();
        let replies = app.call_at_once(calls).await;
        let wrong = replies
            .iter()
            .filter(|r| r.error() == AppError::WrongCredentials)
            .count();
        let held = replies
            .iter()
            .filter(|r| matches!(r.error(), AppError::Throttled { .. }))
            .count();
        assert_eq!(
            (wrong, held),
            (4, 8),
            "{:?}",
            replies.iter().map(|r| r.status).collect::<Vec<_>>()
        );
        // Even the right password waits now.
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu dài")],
            )
            .await;
        assert!(matches!(reply.error(), AppError::Throttled { .. }));
        app
    })
    .await;
}

#[tokio::test]
async fn a_right_password_does_not_count_against_the_office() {
    each_app(&[], |app| async move {
        app.entrant("Lan", "lan@x.vn").await;
        // Thirty sign-ins from one office address: all go through.
        for _ in 0..30 {
            app.sign_in_as("lan@x.vn", "mật khẩu dài").await;
        }
        app
    })
    .await;
}

#[tokio::test]
async fn sessions_end_when_idle_and_their_owner_can_end_any() {
    each_app(&[], |app| async move {
        let lan = app.entrant("Lan", "lan@x.vn").await;
        let phone = app.sign_in_as("lan@x.vn", "mật khẩu dài").await;
        let listed: Vec<app::api::sessions::SessionView> =
            serde_json::from_str(&app.call("list_my_sessions", &lan, &[]).await.body).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed.iter().filter(|s| s.current).count(), 1);
        let other = listed.iter().find(|s| !s.current).unwrap();
        assert_eq!(other.key.len(), 16, "a name for the session, not its token");
        let reply = app.call("end_session", &lan, &[("key", &other.key)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(app.call("current_user", &phone, &[]).await.body, "null", "ended");
        assert_ne!(app.call("current_user", &lan, &[]).await.body, "null", "this one stays");
        assert_eq!(
            app.call("end_session", &phone, &[("key", &other.key)]).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert!(app.audit_actions().await.contains(&"account.session_ended".to_owned()));

        // A week without a request ends an entrant's session; a staff
        // member's ends after two hours.
        let admin = app.admin().await;
        let mut conn = app.state.store.pool().acquire().await.unwrap();
        let hours_ago = |h: i64| app::domain::time::Timestamp::now().plus_secs(-h * 3600).millis();
        sqlx::query("UPDATE sessions SET last_seen_at = $1")
            .bind(hours_ago(3))
            .execute(&mut *conn)
            .await
            .unwrap();
        drop(conn);
        assert_ne!(
            app.call("current_user", &lan, &[]).await.body,
            "null",
            "an entrant, 3 hours"
        );
        assert_eq!(
            app.call("current_user", &admin, &[]).await.body,
            "null",
            "staff, 3 hours"
        );
        let mut conn = app.state.store.pool().acquire().await.unwrap();
        sqlx::query("UPDATE sessions SET last_seen_at = $1")
            .bind(hours_ago(24 * 8))
            .execute(&mut *conn)
            .await
            .unwrap();
        drop(conn);
        assert_eq!(
            app.call("current_user", &lan, &[]).await.body,
            "null",
            "an entrant, 8 days"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_refused_post_leaves_the_public_pages_cached() {
    each_app(&[], |app| async move {
        let anonymous = Actor::anonymous();
        assert_eq!(app.get("/", &anonymous).await.header("x-cache"), None);
        assert_eq!(app.get("/", &anonymous).await.header("x-cache"), Some("hit"));
        // Random parameters are the same page.
        assert_eq!(
            app.get("/?x=1&utm_source=zalo", &anonymous).await.header("x-cache"),
            Some("hit")
        );
        // A post from another site (403) and a method the route has not
        // (405) change nothing: the cache stays.
        let foreign = Request::post("/api/sign_out")
            .header(header::ORIGIN, "https://evil.example")
            .header(header::HOST, "127.0.0.1:3000")
            .body(axum::body::Body::empty())
            .unwrap();
        assert_eq!(app.send(foreign).await.status, StatusCode::FORBIDDEN);
        let wrong = Request::put("/healthz")
            .header(header::ORIGIN, SITE)
            .header(header::HOST, "127.0.0.1:3000")
            .body(axum::body::Body::empty())
            .unwrap();
        assert_eq!(app.send(wrong).await.status, StatusCode::METHOD_NOT_ALLOWED);
        let refused = app
            .call(
                "sign_in",
                &anonymous,
                &[("identifier", "khong-co@x.vn"), ("password", "sai")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get("/", &anonymous).await.header("x-cache"), Some("hit"));
        // An accepted change empties it.
        app.entrant("Lan", "lan@x.vn").await;
        assert_eq!(app.get("/", &anonymous).await.header("x-cache"), None);
        app
    })
    .await;
}

#[tokio::test]
async fn the_form_memory_is_a_secure_host_cookie_under_https() {
    each_app(
        &[("TIEUBIEU_PUBLIC_URL", "https://tieubieu.example.vn")],
        |app| async move {
            let body = serde_urlencoded::to_string([
                ("name", "Hộ kinh doanh Bánh Pía"),
                ("email", "banhpia@x.vn"),
                ("phone", ""),
                ("password", "bánh pía sóc trăng"),
                ("password_confirm", "không khớp"),
            ])
            .unwrap();
            let request = Request::post("/api/sign_up")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "text/html")
                .header(header::ORIGIN, "https://tieubieu.example.vn")
                .header(header::HOST, "tieubieu.example.vn")
                .header(header::REFERER, "https://tieubieu.example.vn/sign-up")
                .body(axum::body::Body::from(body))
                .unwrap();
            let reply = app.send(request).await;
            let memory = reply
                .set_cookies
                .iter()
                .find(|c| c.contains("tb_form="))
                .unwrap_or_else(|| panic!("{:?}", reply.set_cookies));
            assert!(memory.starts_with("__Host-tb_form="), "{memory}");
            assert!(memory.contains("; Secure") && memory.contains("HttpOnly") && memory.contains("Path=/"));
            app
        },
    )
    .await;
}

#[tokio::test]
async fn staff_passwords_are_long_and_no_password_is_a_common_one() {
    each_app(&[], |app| async move {
        let path = app::server::bootstrap::setup_link_if_needed(&app.state.store)
            .await
            .unwrap()
            .unwrap();
        let token = path.trim_start_matches("/setup/").to_owned();
        let setup = |password: &'static str| {
            let token = token.clone();
            let app = &app;
            async move {
                app.call(
                    "complete_setup",
                    &Actor::anonymous(),
                    &[
                        ("token", token.as_str()),
                        ("name", "Quản Trị Viên"),
                        ("email", "admin@x.vn"),
                        ("phone", ""),
                        ("password", password),
                        ("password_confirm", password),
                    ],
                )
                .await
            }
        };
        let short = setup("quản trị 1").await;
        assert_eq!(
            short.error().field_errors()[0].problem,
            app::domain::validation::Problem::TooShort { min: 12 }
        );
        let common = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &[
                    ("name", "Lan"),
                    ("email", "lan@x.vn"),
                    ("phone", ""),
                    ("password", "sunshine1"),
                    ("password_confirm", "sunshine1"),
                ],
            )
            .await;
        assert_eq!(
            common.error().field_errors()[0].problem,
            app::domain::validation::Problem::CommonPassword
        );
        assert_eq!(setup("quản trị an toàn").await.status, StatusCode::OK);
        app
    })
    .await;
}
