//! The HTTP surface: health, language, security headers, cross-origin
//! refusal, plain forms without JavaScript, and mail delivery by SMTP.

mod common;

use axum::body::Body;
use common::{backends, Actor, TestApp, SITE};
use http::{header, Request, StatusCode};

#[tokio::test]
async fn health_answers_200_then_503_when_the_database_is_gone() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let reply = app.get("/healthz", &Actor::anonymous()).await;
        assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok\n"));
        app.state.store.close().await;
        let reply = app.get("/healthz", &Actor::anonymous()).await;
        assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn pages_are_vietnamese_first_and_english_on_request() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let home = app.get("/", &Actor::anonymous()).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.body.contains("<html lang=\"vi\">"));
        assert!(home.body.contains("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu"));

        let switch = Request::post("/lang")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, SITE)
            .header(header::HOST, "127.0.0.1:3000")
            .body(Body::from("lang=en&back=%2Fsign-in%3Fnext%3D%2Faccount"))
            .unwrap();
        let reply = app.send(switch).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.header("location"), Some("/sign-in?next=/account"));
        let cookie = reply.set_cookies[0].split(';').next().unwrap().to_owned();
        assert_eq!(cookie, "tb_lang=en");

        let english = app.get("/", &Actor { cookie: Some(cookie) }).await;
        assert!(english.body.contains("<html lang=\"en\">"));
        assert!(english.body.contains("Selecting typical rural-industry products"));

        let outside = Request::post("/lang")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("lang=xx&back=https%3A%2F%2Fevil.example"))
            .unwrap();
        let reply = app.send(outside).await;
        assert_eq!(reply.header("location"), Some("/"), "no open redirect");
        assert!(
            reply.set_cookies[0].starts_with("tb_lang=vi"),
            "unknown languages fall back to Vietnamese"
        );
        app.cleanup().await;
    }
}

/// The browser has no message catalogue: errors arrive told in the
/// caller's language, field by field, and each page carries the few
/// messages its islands compose.
#[tokio::test]
async fn errors_are_told_in_the_callers_language() {
    use app::error::AppError;
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let fields = [
            ("name", ""),
            ("email", "not-an-address"),
            ("phone", ""),
            ("password", "x"),
            ("password_confirm", "y"),
        ];
        for (cookie, expected) in [(None, "Họ và tên"), (Some("tb_lang=en".to_owned()), "Full name")] {
            let reply = app.call("sign_up", &Actor { cookie: cookie.clone() }, &fields).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
            let told: AppError = serde_json::from_str(&reply.body).unwrap();
            let AppError::Told(told) = told else {
                panic!("untold: {}", reply.body)
            };
            let name = told
                .error
                .field_errors()
                .iter()
                .find(|f| f.field == "name")
                .expect("the name's problem");
            assert!(name.text.as_deref().unwrap().contains(expected), "{:?}", name.text);
            assert!(!told.message.is_empty());

            let page = app.get("/sign-up", &Actor { cookie }).await;
            assert!(
                page.body.contains("<meta name=\"tb-words\""),
                "the page carries its client messages"
            );
        }
        let page = app.get("/sign-up", &Actor::anonymous()).await;
        assert!(page.body.contains("Đang lưu…"), "client messages in Vietnamese");
        assert!(!page.body.contains("Saving…"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = TestApp::new(common::Backend::Sqlite).await;
    let page = app.get("/sign-in", &Actor::anonymous()).await;
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"));
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap();
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("same-origin"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));

    let health = app.get("/healthz", &Actor::anonymous()).await;
    assert!(health
        .header("content-security-policy")
        .unwrap()
        .starts_with("default-src 'none'"));

    let missing = app.get("/no/such/page", &Actor::anonymous()).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Không tìm thấy trang"));
    app.cleanup().await;
}

#[tokio::test]
async fn https_sites_get_secure_host_only_cookies() {
    let app = TestApp::with_env(
        common::Backend::Sqlite,
        &[("TIEUBIEU_PUBLIC_URL", "https://tieubieu.example.vn")],
    )
    .await;
    let body = "name=Lan&email=lan%40x.vn&phone=&password=m%E1%BA%ADt+kh%E1%BA%A9u+d%C3%A0i&password_confirm=m%E1%BA%ADt+kh%E1%BA%A9u+d%C3%A0i";
    let request = Request::post("/api/sign_up")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::ORIGIN, "https://tieubieu.example.vn")
        .body(Body::from(body))
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cookie = &reply.set_cookies[0];
    assert!(
        cookie.starts_with("__Host-tb_session=") && cookie.contains("; Secure"),
        "{cookie}"
    );
    assert!(reply.header("strict-transport-security").is_some());
    app.cleanup().await;
}

#[tokio::test]
async fn state_changing_requests_from_another_site_are_refused() {
    let app = TestApp::new(common::Backend::Sqlite).await;
    let body = "name=Lan&email=lan%40x.vn&phone=&password=long+enough+1&password_confirm=long+enough+1";
    for (origin, fetch_site) in [
        (Some("https://evil.example"), None),
        (Some("null"), None),
        (None, Some("cross-site")),
    ] {
        let mut request = Request::post("/api/sign_up")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "127.0.0.1:3000");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        if let Some(site) = fetch_site {
            request = request.header("sec-fetch-site", site);
        }
        let reply = app.send(request.body(Body::from(body)).unwrap()).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin:?} {fetch_site:?}");
        assert!(reply.body.contains("trang web khác"));
    }
    assert!(app.outbox().await.is_empty());
    let mut conn = app.state.store.pool().acquire().await.unwrap();
    let (users, _) = app::db::users::list_users(&mut conn, None, 0, 10).await.unwrap();
    assert!(users.is_empty(), "nothing was created");
    drop(conn);
    app.cleanup().await;
}

#[tokio::test]
async fn oversized_and_malformed_requests_get_clear_refusals() {
    let app = TestApp::new(common::Backend::Sqlite).await;
    let huge = format!(
        "name={}&email=a%40x.vn&phone=&password=x&password_confirm=x",
        "A".repeat(2 << 20)
    );
    let request = Request::post("/api/sign_up")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, huge.len())
        .body(Body::from(huge.clone()))
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", reply.body);
    // Without a length up front, the body is cut off while it streams.
    let request = Request::post("/api/sign_up")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(huge))
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::BAD_REQUEST, app::error::AppError::BadRequest)
    );

    let reply = app
        .call("sign_up", &Actor::anonymous(), &[("name", "only a name")])
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(reply.error(), app::error::AppError::BadRequest);

    let request = Request::post("/api/sign_up")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(vec![0xff, 0xfe, 0x00, 0x3d]))
        .unwrap();
    let reply = app.send(request).await;
    assert!(reply.status.is_client_error(), "{} {}", reply.status, reply.body);
    app.cleanup().await;
}

/// With JavaScript off, forms post to the server function and get a
/// redirect: back with the error (and the typed values) on failure,
/// onwards with the session cookie on success.
#[tokio::test]
async fn plain_forms_work_without_javascript() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let fields = [
            ("name", "Hộ kinh doanh Bánh Pía"),
            ("email", "banhpia@x.vn"),
            ("phone", ""),
            ("password", "bánh pía sóc trăng"),
            ("password_confirm", "bánh pía sóc trăng khác"),
        ];
        let reply = app.post_form("sign_up", &Actor::anonymous(), "/sign-up", &fields).await;
        assert_eq!(reply.status, StatusCode::FOUND);
        let location = reply.header("location").unwrap().to_owned();
        assert!(
            location.starts_with(&format!("{SITE}/sign-up?__path=")) && location.contains("__err="),
            "{location}"
        );
        let memory = reply
            .set_cookies
            .iter()
            .find(|c| c.starts_with("tb_form="))
            .expect("typed values kept");
        assert!(
            !memory.contains("b%C3%A1nh+p%C3%ADa+s%C3%B3c"),
            "passwords are never kept"
        );

        // The page the browser comes back to shows the error and the values.
        let cookie = memory.split(';').next().unwrap().to_owned();
        let path = location.trim_start_matches(SITE);
        let page = app.get(path, &Actor { cookie: Some(cookie) }).await;
        assert!(page.body.contains("Hai mật khẩu không khớp nhau"), "{}", page.body);
        assert!(page.body.contains("value=\"Hộ kinh doanh Bánh Pía\""), "{}", page.body);
        assert!(page.body.contains("value=\"banhpia@x.vn\""));
        assert!(
            page.set_cookies.iter().any(|c| c.starts_with("tb_form=;")),
            "the memory is used once"
        );

        let mut good = fields;
        good[4].1 = "bánh pía sóc trăng";
        let reply = app.post_form("sign_up", &Actor::anonymous(), &location, &good).await;
        assert_eq!(reply.status, StatusCode::FOUND);
        assert_eq!(reply.header("location"), Some("/account"));
        let actor = Actor::from_reply(&reply);
        let account = app.get("/account", &actor).await;
        assert!(account.body.contains("Hộ kinh doanh Bánh Pía") && account.body.contains("banhpia@x.vn"));

        let reply = app.post_form("sign_out", &actor, "/account", &[]).await;
        assert_eq!((reply.status, reply.header("location")), (StatusCode::FOUND, Some("/")));

        let reply = app
            .post_form(
                "sign_in",
                &Actor::anonymous(),
                "/sign-in",
                &[("identifier", "banhpia@x.vn"), ("password", "sai rồi sai rồi")],
            )
            .await;
        let location = reply.header("location").unwrap().to_owned();
        let page = app.get(location.trim_start_matches(SITE), &Actor::anonymous()).await;
        assert!(
            page.body.contains("E-mail/số điện thoại hoặc mật khẩu không đúng"),
            "{}",
            page.body
        );

        let reply = app
            .post_form(
                "sign_in",
                &Actor::anonymous(),
                "/sign-in?next=/account/password",
                &[
                    ("identifier", "banhpia@x.vn"),
                    ("password", "bánh pía sóc trăng"),
                    ("next", "/account/password"),
                ],
            )
            .await;
        assert_eq!(reply.header("location"), Some("/account/password"));
        let reply = app
            .post_form(
                "sign_in",
                &Actor::anonymous(),
                "/sign-in",
                &[
                    ("identifier", "banhpia@x.vn"),
                    ("password", "bánh pía sóc trăng"),
                    ("next", "https://evil.example"),
                ],
            )
            .await;
        assert_eq!(
            reply.header("location"),
            Some("/account"),
            "no open redirect after sign-in"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn admin_forms_without_javascript_come_back_with_a_notice() {
    let app = TestApp::new(common::Backend::Sqlite).await;
    let admin = app.admin().await;
    let reply = app
        .post_form(
            "invite_account",
            &admin,
            "/admin/accounts?q=x",
            &[("email", "gk@x.vn"), ("name", ""), ("role", "juror")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let location = reply.header("location").unwrap();
    assert_eq!(location, "/admin/accounts?q=x&notice=invited-held");
    let page = app.get(location, &admin).await;
    assert!(page.body.contains("Đã tạo lời mời"), "{}", page.body);
    assert!(
        page.body.contains("thư mời nằm trong hộp thư đi"),
        "the page says where the link is"
    );
    assert!(page.body.contains("gk@x.vn"));
    app.cleanup().await;
}

/// A minimal SMTP server on loopback that records what it receives.
async fn fake_smtp() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, receiver) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let sender = sender.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
                let mut data = None::<String>;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            sender.send(data.take().unwrap()).unwrap();
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-fake\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    (port, receiver)
}

#[tokio::test]
async fn invitations_go_out_by_smtp_and_failures_are_retried() {
    let (port, mut received) = fake_smtp().await;
    let smtp = format!("smtp://127.0.0.1:{port}");
    let app = TestApp::with_env(common::Backend::Sqlite, &[("TIEUBIEU_SMTP_URL", &smtp)]).await;
    let admin = app.admin().await;
    let reply = app
        .call(
            "invite_account",
            &admin,
            &[("email", "tv@x.vn"), ("name", "Thành Viên"), ("role", "council_member")],
        )
        .await;
    assert_eq!(reply.body, "\"Queued\"");
    let sent = app::infra::mail::send_due(&app.state.store, &app.state.mail)
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let message = received.recv().await.unwrap();
    assert!(
        message.contains("tv@x.vn") && message.contains("/invitation/"),
        "{message}"
    );
    assert_eq!(app.outbox().await[0].status, app::db::outbox::MessageStatus::Sent);
    app.cleanup().await;

    // A mail server that does not answer: the message waits for a retry.
    let dead = TestApp::with_env(common::Backend::Sqlite, &[("TIEUBIEU_SMTP_URL", "smtp://127.0.0.1:9")]).await;
    let admin = dead.admin().await;
    dead.call(
        "invite_account",
        &admin,
        &[("email", "tv@x.vn"), ("name", ""), ("role", "juror")],
    )
    .await;
    app::infra::mail::send_due(&dead.state.store, &dead.state.mail)
        .await
        .unwrap();
    let message = &dead.outbox().await[0];
    assert_eq!(message.status, app::db::outbox::MessageStatus::Pending);
    assert_eq!(message.attempts, 1);
    assert!(message.last_error.is_some());
    assert_eq!(
        app::infra::mail::send_due(&dead.state.store, &dead.state.mail)
            .await
            .unwrap(),
        0,
        "not due yet"
    );
    dead.cleanup().await;
}
