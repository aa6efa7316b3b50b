//! Accounts through the real router: sign-up, sign-in, throttling,
//! sessions, passwords, the setup link, invitations, administration.

mod common;

use app::domain::validation::{FieldError, Problem};
use app::error::AppError;
use common::{backends, Actor, TestApp};
use http::StatusCode;

async fn each_app<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = TestApp>,
{
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let app = test(app).await;
        app.cleanup().await;
    }
}

fn sign_up_fields<'a>(name: &'a str, email: &'a str, phone: &'a str, password: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("phone", phone),
        ("password", password),
        ("password_confirm", password),
    ]
}

async fn who(app: &TestApp, actor: &Actor) -> Option<String> {
    let reply = app.call("current_user", actor, &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let user: Option<app::api::session::SignedInUser> = serde_json::from_str(&reply.body).unwrap();
    user.map(|u| u.name)
}

#[tokio::test]
async fn a_representative_signs_up_out_and_in() {
    each_app(|app| async move {
        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields("Cơ sở Gốm Tân Vạn", "", "0912 345 678", "gốm tân vạn 1"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let cookie = reply.set_cookies.iter().find(|c| c.starts_with("tb_session=")).unwrap();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
        assert!(!cookie.contains("Secure"), "plain http in tests");
        let entrant = Actor::from_reply(&reply);
        assert_eq!(who(&app, &entrant).await.as_deref(), Some("Cơ sở Gốm Tân Vạn"));

        let reply = app.call("sign_out", &entrant, &[]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(who(&app, &entrant).await, None, "the old cookie no longer works");

        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "+84912345678"), ("password", "gốm tân vạn 1")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.header("location"), Some("/account"));
        let again = Actor::from_reply(&reply);
        assert_eq!(who(&app, &again).await.as_deref(), Some("Cơ sở Gốm Tân Vạn"));
        assert_eq!(
            app.audit_actions().await,
            ["account.signed_up", "account.signed_out", "account.signed_in"]
        );
        app
    })
    .await;
}

#[tokio::test]
async fn signing_in_rotates_the_session() {
    each_app(|app| async move {
        let first = app.entrant("Lan", "lan@x.vn").await;
        let reply = app
            .call(
                "sign_in",
                &first,
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu dài")],
            )
            .await;
        let second = Actor::from_reply(&reply);
        assert_ne!(first.cookie, second.cookie);
        assert_eq!(
            who(&app, &first).await,
            None,
            "the session that came with the sign-in ended"
        );
        assert_eq!(who(&app, &second).await.as_deref(), Some("Lan"));
        app
    })
    .await;
}

#[tokio::test]
async fn sign_up_refuses_bad_input_with_every_problem_named() {
    each_app(|app| async move {
        let reply = app
            .call("sign_up", &Actor::anonymous(), &sign_up_fields("", "", "", "short"))
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let AppError::Invalid(errors) = reply.error() else {
            panic!("{}", reply.body)
        };
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.problem.clone())).collect();
        assert_eq!(
            fields,
            [
                ("name", Problem::Required),
                ("email", Problem::EmailOrPhoneRequired),
                ("password", Problem::TooShort { min: 8 })
            ]
        );

        let long = "A".repeat(10_000);
        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields(&long, "a@x.vn", "", "long enough"),
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("name", Problem::TooLong { max: 120 })])
        );

        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields("Lan\u{0}", "a@x.vn", "", "long enough"),
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("name", Problem::ControlCharacters)])
        );

        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields("Lan", "not-an-email", "12", "long enough"),
            )
            .await;
        let AppError::Invalid(errors) = reply.error() else {
            panic!()
        };
        assert_eq!(errors.len(), 2);

        app.entrant("Lan", "lan@x.vn").await;
        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields("Other", "LAN@x.vn", "", "long enough"),
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("email", Problem::Taken)])
        );
        app
    })
    .await;
}

#[tokio::test]
async fn names_are_kept_as_typed_and_shown_escaped() {
    each_app(|app| async move {
        let nfd = "Nguye\u{302}\u{303}n <script>alert('x')</script> '; DROP TABLE users; --";
        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields(nfd, "n@x.vn", "", "long enough"),
            )
            .await;
        let actor = Actor::from_reply(&reply);
        let name = who(&app, &actor).await.unwrap();
        assert_eq!(name, "Nguyễn <script>alert('x')</script> '; DROP TABLE users; --");
        let page = app.get("/account", &actor).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Nguyễn &lt;script&gt;alert("), "{}", page.body);
        assert!(!page.body.contains("<script>alert"));
        app
    })
    .await;
}

#[tokio::test]
async fn wrong_credentials_do_not_say_which_part_was_wrong() {
    each_app(|app| async move {
        app.entrant("Lan", "lan@x.vn").await;
        let wrong_password = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "wrong password")],
            )
            .await;
        let unknown = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "nobody@x.vn"), ("password", "wrong password")],
            )
            .await;
        assert_eq!(wrong_password.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong_password.error(), AppError::WrongCredentials);
        assert_eq!(unknown.error(), AppError::WrongCredentials);
        assert!(wrong_password.set_cookies.iter().all(|c| !c.starts_with("tb_session=")));
        app
    })
    .await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_until_a_given_time() {
    each_app(|app| async move {
        app.entrant("Lan", "lan@x.vn").await;
        let attempt = |password: &'static str| {
            let app = &app;
            async move {
                app.call(
                    "sign_in",
                    &Actor::anonymous(),
                    &[("identifier", "lan@x.vn"), ("password", password)],
                )
                .await
            }
        };
        for _ in 0..4 {
            assert_eq!(attempt("wrong password").await.error(), AppError::WrongCredentials);
        }
        let fifth = attempt("wrong password").await;
        assert_eq!(fifth.status, StatusCode::TOO_MANY_REQUESTS);
        let AppError::Throttled { until } = fifth.error() else {
            panic!("{}", fifth.body)
        };
        let now = app::domain::time::Timestamp::now();
        assert!((55..=61).contains(&now.secs_until(until)), "locked for a minute");
        // Even the right password is refused while locked.
        assert!(matches!(
            attempt("mật khẩu dài").await.error(),
            AppError::Throttled { .. }
        ));
        // The message names the time in Vietnam's time zone.
        let message = AppError::Throttled { until }.message(app::i18n::I18n::new(app::i18n::Lang::Vi));
        assert!(message.contains(&until.vn_time()), "{message}");
        app
    })
    .await;
}

#[tokio::test]
async fn many_failures_from_one_address_lock_the_address() {
    each_app(|app| async move {
        for i in 0..20 {
            let identifier = format!("person{i}@x.vn");
            let reply = app
                .call(
                    "sign_in",
                    &Actor::anonymous(),
                    &[("identifier", &identifier), ("password", "wrong password")],
                )
                .await;
            let expected_locked = i == 19;
            assert_eq!(
                matches!(reply.error(), AppError::Throttled { .. }),
                expected_locked,
                "attempt {i}"
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    each_app(|app| async move {
        let phone = app.entrant("Lan", "lan@x.vn").await;
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu dài")],
            )
            .await;
        let laptop = Actor::from_reply(&reply);

        let reply = app
            .call(
                "change_password",
                &laptop,
                &[
                    ("current_password", "wrong one!"),
                    ("new_password", "mật khẩu mới"),
                    ("new_password_confirm", "mật khẩu mới"),
                ],
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("current_password", Problem::WrongCurrentPassword)])
        );

        let reply = app
            .call(
                "change_password",
                &laptop,
                &[
                    ("current_password", "mật khẩu dài"),
                    ("new_password", "mật khẩu mới"),
                    ("new_password_confirm", "mật khẩu mới"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(who(&app, &laptop).await.as_deref(), Some("Lan"));
        assert_eq!(who(&app, &phone).await, None);
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu mới")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);

        let anonymous = app
            .call(
                "change_password",
                &Actor::anonymous(),
                &[
                    ("current_password", "x"),
                    ("new_password", "mật khẩu mới 2"),
                    ("new_password_confirm", "mật khẩu mới 2"),
                ],
            )
            .await;
        assert_eq!(anonymous.error(), AppError::Unauthenticated);
        app
    })
    .await;
}

#[tokio::test]
async fn the_setup_link_works_once() {
    each_app(|app| async move {
        let path = app::server::bootstrap::setup_link_if_needed(&app.state.store)
            .await
            .unwrap()
            .unwrap();
        let token = path.trim_start_matches("/setup/").to_owned();
        let page = app.get(&path, &Actor::anonymous()).await;
        assert!(page.body.contains("Khởi tạo hệ thống") && page.body.contains("name=\"password\""));

        let fields = |name: &'static str, email: &'static str| {
            vec![
                ("token", token.clone()),
                ("name", name.to_owned()),
                ("email", email.to_owned()),
                ("phone", String::new()),
                ("password", "quản trị an toàn".to_owned()),
                ("password_confirm", "quản trị an toàn".to_owned()),
            ]
        };
        let first: Vec<(&str, String)> = fields("Quản Trị", "qt@x.vn");
        let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = app.call("complete_setup", &Actor::anonymous(), &first).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.header("location"), Some("/admin/accounts"));

        let second: Vec<(&str, String)> = fields("Kẻ Khác", "other@x.vn");
        let second: Vec<(&str, &str)> = second.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = app.call("complete_setup", &Actor::anonymous(), &second).await;
        assert_eq!(reply.error(), AppError::LinkInvalid);
        let page = app.get(&path, &Actor::anonymous()).await;
        assert!(page.body.contains("Liên kết không hợp lệ"), "{}", page.body);
        assert!(!page.body.contains("name=\"password\""));
        assert_eq!(
            app::server::bootstrap::setup_link_if_needed(&app.state.store)
                .await
                .unwrap(),
            None,
            "no new link once an administrator exists"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn administration_needs_an_administrator() {
    each_app(|app| async move {
        let entrant = app.entrant("Lan", "lan@x.vn").await;
        for (function, fields) in [
            ("list_accounts", vec![]),
            ("list_audit", vec![]),
            ("list_outbox", vec![]),
            (
                "invite_account",
                vec![("email", "j@x.vn"), ("name", ""), ("role", "juror")],
            ),
            (
                "disable_account",
                vec![("user", "00000000-0000-0000-0000-000000000000")],
            ),
            (
                "grant_role",
                vec![
                    ("user", "00000000-0000-0000-0000-000000000000"),
                    ("role", "administrator"),
                ],
            ),
        ] {
            let anonymous = app.call(function, &Actor::anonymous(), &fields).await;
            assert_eq!(
                (anonymous.status, anonymous.error()),
                (StatusCode::UNAUTHORIZED, AppError::Unauthenticated),
                "{function}"
            );
            let refused = app.call(function, &entrant, &fields).await;
            assert_eq!(
                (refused.status, refused.error()),
                (StatusCode::FORBIDDEN, AppError::Forbidden),
                "{function}"
            );
        }
        let page = app.get("/admin/accounts", &entrant).await;
        assert!(page.body.contains("không có quyền"), "{}", page.body);
        app
    })
    .await;
}

fn link_in(body: &str) -> String {
    let start = body.find("/invitation/").expect("an invitation link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn an_invitation_without_smtp_lands_in_the_outbox_and_works_once() {
    each_app(|app| async move {
        let admin = app.admin().await;
        let reply = app
            .call(
                "invite_account",
                &admin,
                &[
                    ("email", "Giam.Khao@X.vn"),
                    ("name", "Giám Khảo Một"),
                    ("role", "juror"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.body, "\"Held\"");

        let messages = app.outbox().await;
        assert_eq!(messages.len(), 1);
        let message = &messages[0];
        assert_eq!(message.to, "giam.khao@x.vn");
        assert_eq!(message.status, app::db::outbox::MessageStatus::Held);
        assert!(
            message.body.contains("Giám khảo") && message.body.contains("Juror"),
            "{}",
            message.body
        );
        let link = link_in(&message.body);

        let listing = app.call("list_outbox", &admin, &[]).await;
        assert!(listing.body.contains(&link), "the administrator can read the link");

        let page = app.get(&link, &Actor::anonymous()).await;
        assert!(
            page.body.contains("giam.khao@x.vn") && page.body.contains("Giám khảo"),
            "{}",
            page.body
        );

        let token = link.trim_start_matches("/invitation/");
        let accept = [
            ("token", token),
            ("name", "Giám Khảo Một"),
            ("password", "chấm điểm công tâm"),
            ("password_confirm", "chấm điểm công tâm"),
        ];
        let reply = app.call("accept_invitation", &Actor::anonymous(), &accept).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let juror = Actor::from_reply(&reply);
        let me = app.call("current_user", &juror, &[]).await;
        assert!(me.body.contains("\"Juror\""), "{}", me.body);

        let again = app.call("accept_invitation", &Actor::anonymous(), &accept).await;
        assert_eq!(again.error(), AppError::LinkInvalid);
        let reply = app
            .call(
                "invite_account",
                &admin,
                &[("email", "giam.khao@x.vn"), ("name", ""), ("role", "juror")],
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("email", Problem::Taken)])
        );
        let actions = app.audit_actions().await;
        assert!(
            actions.ends_with(&["account.invited".to_owned(), "account.invitation_accepted".to_owned()]),
            "{actions:?}"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_resent_invitation_replaces_the_old_link() {
    each_app(|app| async move {
        let admin = app.admin().await;
        app.call(
            "invite_account",
            &admin,
            &[("email", "tk@x.vn"), ("name", ""), ("role", "secretary")],
        )
        .await;
        let old = link_in(&app.outbox().await[0].body);
        let list = app.call("list_accounts", &admin, &[("search", "tk@x")]).await;
        let page: app::api::accounts::AccountPage = serde_json::from_str(&list.body).unwrap();
        let invited = &page.accounts[0];
        assert_eq!(invited.name, "tk", "the name defaults to the address's local part");
        let reply = app
            .call("resend_invitation", &admin, &[("user", &invited.id.to_string())])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let new = link_in(&app.outbox().await[0].body);
        assert_ne!(old, new);
        let old_page = app.get(&old, &Actor::anonymous()).await;
        assert!(
            old_page.body.contains("Liên kết không hợp lệ"),
            "{:?} {} {}",
            app.db.as_ref().map(|d| d.backend),
            old_page.status,
            old_page.body
        );
        app
    })
    .await;
}

#[tokio::test]
async fn invitations_refuse_bad_input() {
    each_app(|app| async move {
        let admin = app.admin().await;
        let reply = app
            .call(
                "invite_account",
                &admin,
                &[("email", "nope"), ("name", "x\u{7}"), ("role", "entrant")],
            )
            .await;
        let AppError::Invalid(errors) = reply.error() else {
            panic!("{}", reply.body)
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "name", "role"]);
        assert!(app.outbox().await.is_empty(), "nothing half-saved");
        app
    })
    .await;
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in_and_loses_its_sessions() {
    each_app(|app| async move {
        let admin = app.admin().await;
        let entrant = app.entrant("Lan", "lan@x.vn").await;
        let list: app::api::accounts::AccountPage =
            serde_json::from_str(&app.call("list_accounts", &admin, &[("search", "lan")]).await.body).unwrap();
        let lan = list.accounts[0].id.to_string();
        let me = list.me.to_string();

        let reply = app.call("disable_account", &admin, &[("user", &lan)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(who(&app, &entrant).await, None);
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu dài")],
            )
            .await;
        // Answered exactly as a wrong password: nothing tells the account
        // exists or was disabled.
        let wrong = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu sai")],
            )
            .await;
        assert_eq!(reply.error(), AppError::WrongCredentials);
        assert_eq!((reply.status, reply.body.clone()), (wrong.status, wrong.body.clone()));
        let reply = app.call("disable_account", &admin, &[("user", &lan)]).await;
        assert_eq!(
            reply.error(),
            AppError::Refused(app::domain::administration::AdminRefusal::NothingToChange)
        );

        let reply = app.call("disable_account", &admin, &[("user", &me)]).await;
        assert_eq!(
            reply.error(),
            AppError::Refused(app::domain::administration::AdminRefusal::OwnAccount)
        );
        let reply = app
            .call("revoke_role", &admin, &[("user", &me), ("role", "administrator")])
            .await;
        assert_eq!(
            reply.error(),
            AppError::Refused(app::domain::administration::AdminRefusal::OwnAccount)
        );

        let reply = app.call("enable_account", &admin, &[("user", &lan)]).await;
        assert_eq!(reply.status, StatusCode::OK);
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu dài")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);

        let reply = app
            .call("grant_role", &admin, &[("user", &lan), ("role", "council_member")])
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let reply = app
            .call("grant_role", &admin, &[("user", &lan), ("role", "pope")])
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("role", Problem::NotAChoice)])
        );
        let reply = app.call("disable_account", &admin, &[("user", "not-a-uuid")]).await;
        assert_eq!(reply.error(), AppError::NotFound);

        let audit = app.call("list_audit", &admin, &[]).await;
        let page: app::api::audit::AuditPage = serde_json::from_str(&audit.body).unwrap();
        let actions: Vec<&str> = page.rows.iter().map(|r| r.action.as_str()).collect();
        assert!(
            actions.starts_with(&["role.granted", "account.signed_in", "account.enabled"]),
            "{actions:?}"
        );
        assert!(actions.contains(&"account.disabled") && actions.contains(&"account.sign_in_failed"));
        let disabled = page.rows.iter().find(|r| r.action == "account.disabled").unwrap();
        assert_eq!(disabled.actor.as_deref(), Some("Quản Trị Viên"));
        assert_eq!(disabled.target.as_deref(), Some("Lan"));
        assert_eq!(disabled.address.as_deref(), Some("203.0.113.7"));
        assert!(disabled.details.as_deref().unwrap().contains("\"before\":\"active\""));
        app
    })
    .await;
}

fn reset_link_in(body: &str) -> String {
    let start = body.find("/reset-password/").expect("a reset link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_a_link_sent_by_email() {
    each_app(|app| async move {
        let old_session = app.entrant("Lan", "lan@x.vn").await;
        for identifier in ["nobody@x.vn", "0912345678", "LAN@x.vn"] {
            let reply = app
                .call(
                    "request_password_reset",
                    &Actor::anonymous(),
                    &[("identifier", identifier)],
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{identifier}: {}", reply.body);
        }
        let messages = app.outbox().await;
        assert_eq!(
            messages.len(),
            1,
            "only the real account gets a message, and the answer is the same"
        );
        assert_eq!(messages[0].to, "lan@x.vn");
        let link = reset_link_in(&messages[0].body);

        let page = app.get(&link, &Actor::anonymous()).await;
        assert!(
            page.body.contains("Đặt mật khẩu mới") && page.body.contains("Lan"),
            "{}",
            page.body
        );

        let token = link.trim_start_matches("/reset-password/");
        let mismatch = app
            .call(
                "reset_password",
                &Actor::anonymous(),
                &[
                    ("token", token),
                    ("password", "mật khẩu mới toanh"),
                    ("password_confirm", "khác"),
                ],
            )
            .await;
        assert_eq!(
            mismatch.error(),
            AppError::Invalid(vec![FieldError::new("password_confirm", Problem::PasswordsDiffer)])
        );
        let reply = app
            .call(
                "reset_password",
                &Actor::anonymous(),
                &[
                    ("token", token),
                    ("password", "mật khẩu mới toanh"),
                    ("password_confirm", "mật khẩu mới toanh"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let fresh = Actor::from_reply(&reply);
        assert_eq!(who(&app, &fresh).await.as_deref(), Some("Lan"));
        assert_eq!(who(&app, &old_session).await, None, "earlier sessions end");

        let again = app
            .call(
                "reset_password",
                &Actor::anonymous(),
                &[
                    ("token", token),
                    ("password", "thêm lần nữa đi"),
                    ("password_confirm", "thêm lần nữa đi"),
                ],
            )
            .await;
        assert_eq!(again.error(), AppError::LinkInvalid);
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn"), ("password", "mật khẩu mới toanh")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let actions = app.audit_actions().await;
        assert_eq!(
            actions
                .iter()
                .filter(|a| *a == "account.password_reset_requested")
                .count(),
            3
        );
        assert!(actions.contains(&"account.password_reset".to_owned()));
        app
    })
    .await;
}

#[tokio::test]
async fn reset_requests_are_throttled() {
    each_app(|app| async move {
        app.entrant("Lan", "lan@x.vn").await;
        for _ in 0..2 {
            let reply = app
                .call(
                    "request_password_reset",
                    &Actor::anonymous(),
                    &[("identifier", "lan@x.vn")],
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK);
        }
        let third = app
            .call(
                "request_password_reset",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn")],
            )
            .await;
        assert_eq!(third.status, StatusCode::OK);
        let fourth = app
            .call(
                "request_password_reset",
                &Actor::anonymous(),
                &[("identifier", "lan@x.vn")],
            )
            .await;
        assert!(matches!(fourth.error(), AppError::Throttled { .. }), "{}", fourth.body);
        assert_eq!(app.outbox().await.len(), 3);
        app
    })
    .await;
}

#[tokio::test]
async fn an_administrator_issues_a_reset_link_for_a_phone_only_account() {
    each_app(|app| async move {
        let admin = app.admin().await;
        let reply = app
            .call(
                "sign_up",
                &Actor::anonymous(),
                &sign_up_fields("Hộ Bà Tư", "", "0987 654 321", "bánh tráng phơi sương"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let list: app::api::accounts::AccountPage =
            serde_json::from_str(&app.call("list_accounts", &admin, &[("search", "ba tu")]).await.body).unwrap();
        let id = list.accounts[0].id.to_string();
        let reply = app.call("issue_password_reset", &admin, &[("user", &id)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let message = &app.outbox().await[0];
        assert_eq!(message.to, "0987654321");
        assert_eq!(
            message.status,
            app::db::outbox::MessageStatus::Held,
            "no e-mail: the administrator passes it on"
        );
        let token = reset_link_in(&message.body)
            .trim_start_matches("/reset-password/")
            .to_owned();
        let reply = app
            .call(
                "reset_password",
                &Actor::anonymous(),
                &[
                    ("token", &token),
                    ("password", "mật khẩu bà tư"),
                    ("password_confirm", "mật khẩu bà tư"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        app
    })
    .await;
}
