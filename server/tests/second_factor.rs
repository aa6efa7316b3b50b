//! Sign-in codes from an authenticator app: setting one up, the sign-in
//! step that asks for it, codes good once, wrong codes bounded, an
//! installation that requires it of administrators, and an administrator
//! removing it for someone who lost their phone.

mod common;

use app::api::second_factor::SecondFactorView;
use app::auth::second_factor::{code_at, STEP_SECS};
use app::domain::validation::{FieldError, Problem};
use app::error::AppError;
use axum::http::StatusCode;
use common::{backends, Actor, Reply, TestApp};

const ADMIN_EMAIL: &str = "admin@sct.dongnai.gov.vn";
const ADMIN_PASSWORD: &str = "quản trị an toàn";

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn view(app: &TestApp, actor: &Actor) -> SecondFactorView {
    let reply = app.call("second_factor_state", actor, &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn code_problem(reply: &Reply) -> Problem {
    match reply.error() {
        AppError::Invalid(errors) if errors.len() == 1 && errors[0].field == "code" => errors[0].problem.clone(),
        other => panic!("not a problem with the code: {other:?}"),
    }
}

/// Turns the second factor on for `actor`; returns its secret and the
/// time whose code confirmed it (that step is spent; the next is not).
async fn enrol(app: &TestApp, actor: &Actor) -> (String, u64) {
    let reply = app.call("begin_second_factor", actor, &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let enrolment = view(app, actor).await.enrolment.expect("a set-up under way");
    assert!(enrolment.qr_size > 20 && enrolment.qr_path.starts_with('M'));
    let page = app.get("/account/two-step", actor).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<svg") && page.body.contains(&enrolment.secret),
        "the page shows the QR code and the key to type: {}",
        page.body
    );
    let secret: String = enrolment.secret.split_whitespace().collect();
    let at = now_secs();
    let right = code_at(&secret, at).unwrap();
    let wrong = if right == "000000" { "111111" } else { "000000" };
    let reply = app.call("confirm_second_factor", actor, &[("code", wrong)]).await;
    assert_eq!(code_problem(&reply), Problem::WrongCode);
    let reply = app.call("confirm_second_factor", actor, &[("code", "12a")]).await;
    assert_eq!(code_problem(&reply), Problem::InvalidCode);
    // Typed as most apps show it, with a space.
    let spaced = format!("{} {}", &right[..3], &right[3..]);
    let reply = app.call("confirm_second_factor", actor, &[("code", &spaced)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply.header("location"),
        Some("/account/two-step?notice=second-factor-on")
    );
    let state = view(app, actor).await;
    assert!(state.enabled && state.enrolment.is_none(), "{state:?}");
    (secret, at)
}

/// Signs in with the password; returns the reply and the waiting
/// sign-in's cookie.
async fn password_step(app: &TestApp, identifier: &str, password: &str) -> (Reply, Actor) {
    let reply = app
        .call(
            "sign_in",
            &Actor::anonymous(),
            &[("identifier", identifier), ("password", password)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let challenge = reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with("tb_challenge="))
        .map(|c| c.split(';').next().unwrap().to_owned());
    (reply, Actor { cookie: challenge })
}

#[tokio::test]
async fn a_second_factor_is_set_up_asked_at_sign_in_and_each_code_is_good_once() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let admin = app.admin().await;
        assert!(!view(&app, &admin).await.enabled);
        let (secret, at) = enrol(&app, &admin).await;
        assert!(app
            .audit_actions()
            .await
            .contains(&"account.second_factor_enabled".to_owned()));
        // The session that set it up goes on.
        assert_eq!(app.call("list_accounts", &admin, &[]).await.status, StatusCode::OK);

        // The right password alone opens no session: it waits for a code.
        let (reply, waiting) = password_step(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        assert_eq!(reply.header("location"), Some("/sign-in/code"));
        assert!(waiting.cookie.is_some(), "{:?}", reply.set_cookies);
        assert!(
            !reply.set_cookies.iter().any(|c| c.starts_with("tb_session=")),
            "no session before the code: {:?}",
            reply.set_cookies
        );
        let cookie = waiting.cookie.clone().unwrap();
        let flag = cookie.split('=').next().unwrap();
        let header = reply.set_cookies.iter().find(|c| c.starts_with(flag)).unwrap();
        assert!(
            header.contains("HttpOnly") && header.contains("SameSite=Lax"),
            "{header}"
        );

        let page = app.get("/sign-in/code", &waiting).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("autocomplete=\"one-time-code\""), "{}", page.body);

        // The code used to set it up is spent; the next one is accepted.
        let spent = code_at(&secret, at).unwrap();
        let reply = app.call("sign_in_code", &waiting, &[("code", &spent)]).await;
        assert_eq!(code_problem(&reply), Problem::WrongCode, "a code is good once");
        let next = code_at(&secret, at + STEP_SECS).unwrap();
        let reply = app.call("sign_in_code", &waiting, &[("code", &next)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.header("location"), Some("/account"));
        let signed_in = Actor::from_reply(&reply);
        assert_eq!(app.call("list_accounts", &signed_in, &[]).await.status, StatusCode::OK);
        assert!(
            reply.set_cookies.iter().any(|c| c.starts_with("tb_challenge=;")),
            "the waiting sign-in's cookie is cleared: {:?}",
            reply.set_cookies
        );

        // The waiting sign-in is over; a replay of the code on a new one
        // is refused.
        let reply = app.call("sign_in_code", &waiting, &[("code", &next)]).await;
        assert_eq!(code_problem(&reply), Problem::SignInExpired);
        let (_, again) = password_step(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        let reply = app.call("sign_in_code", &again, &[("code", &next)]).await;
        assert_eq!(code_problem(&reply), Problem::WrongCode);
        // Without a waiting sign-in there is nothing to confirm.
        let reply = app.call("sign_in_code", &Actor::anonymous(), &[("code", &next)]).await;
        assert_eq!(code_problem(&reply), Problem::SignInExpired);

        // Turning it off needs a current code, unspent.
        let reply = app.call("remove_second_factor", &signed_in, &[("code", &next)]).await;
        assert_eq!(code_problem(&reply), Problem::WrongCode);
        assert!(view(&app, &signed_in).await.enabled);

        // Someone else turns theirs on and off again.
        let entrant = app.entrant("Cơ sở Mây Tre", "maytre@example.vn").await;
        let (secret, at) = enrol(&app, &entrant).await;
        let code = code_at(&secret, at + STEP_SECS).unwrap();
        let reply = app.call("remove_second_factor", &entrant, &[("code", &code)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert!(!view(&app, &entrant).await.enabled);
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", "maytre@example.vn"), ("password", "mật khẩu dài")],
            )
            .await;
        assert_eq!(reply.header("location"), Some("/account"), "the password alone again");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn wrong_codes_end_the_waiting_sign_in_and_make_the_account_wait() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let admin = app.admin().await;
        let (secret, at) = enrol(&app, &admin).await;
        let right = code_at(&secret, at + STEP_SECS).unwrap();
        let wrong = if right == "999999" { "999998" } else { "999999" };
        let (_, waiting) = password_step(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        let mut answers = Vec::new();
        for _ in 0..5 {
            answers.push(code_problem(
                &app.call("sign_in_code", &waiting, &[("code", wrong)]).await,
            ));
        }
        assert_eq!(
            answers[..4],
            [
                Problem::WrongCode,
                Problem::WrongCode,
                Problem::WrongCode,
                Problem::WrongCode
            ]
        );
        assert_eq!(answers[4], Problem::SignInExpired, "the fifth wrong code ends it");
        let reply = app.call("sign_in_code", &waiting, &[("code", &right)]).await;
        assert_eq!(code_problem(&reply), Problem::SignInExpired, "even the right code, now");
        // A new waiting sign-in does not start the count again: the account
        // waits after five wrong codes, however they are spread.
        let (_, fresh) = password_step(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        let reply = app.call("sign_in_code", &fresh, &[("code", &right)]).await;
        assert!(matches!(reply.error(), AppError::Throttled { .. }), "{}", reply.body);
        let failures = app
            .audit_actions()
            .await
            .iter()
            .filter(|a| *a == "account.sign_in_failed")
            .count();
        assert_eq!(failures, 5, "each wrong code is recorded");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_installation_can_require_it_of_administrators() {
    for backend in backends().await {
        let app = TestApp::with_env(backend, &[("TIEUBIEU_REQUIRE_ADMIN_TOTP", "1")]).await;
        let admin = app.admin().await;
        // Until set up, the administrator role does not count.
        assert_eq!(
            app.call("list_accounts", &admin, &[]).await.error(),
            AppError::Forbidden
        );
        let me: serde_json::Value = serde_json::from_str(&app.call("current_user", &admin, &[]).await.body).unwrap();
        assert_eq!(me["needs_second_factor"], true, "{me}");
        assert_eq!(me["is_admin"], false, "{me}");
        let reply = app
            .call(
                "sign_in",
                &Actor::anonymous(),
                &[("identifier", ADMIN_EMAIL), ("password", ADMIN_PASSWORD)],
            )
            .await;
        assert_eq!(reply.header("location"), Some("/account/two-step"), "sent to set it up");
        let state = view(&app, &admin).await;
        assert!(state.required && !state.enabled, "{state:?}");

        let (secret, at) = enrol(&app, &admin).await;
        assert_eq!(app.call("list_accounts", &admin, &[]).await.status, StatusCode::OK);
        let code = code_at(&secret, at + STEP_SECS).unwrap();
        let reply = app.call("remove_second_factor", &admin, &[("code", &code)]).await;
        assert_eq!(code_problem(&reply), Problem::SecondFactorRequired);

        // Entrants are not asked for one.
        let entrant = app.entrant("Cơ sở Mây Tre", "maytre@example.vn").await;
        assert!(!view(&app, &entrant).await.required);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_administrator_removes_it_for_someone_who_lost_their_phone() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let admin = app.admin().await;
        let entrant = app.entrant("Cơ sở Mây Tre", "maytre@example.vn").await;
        enrol(&app, &entrant).await;
        let id = common::world::user_id(&app, &entrant).await;
        let list: serde_json::Value =
            serde_json::from_str(&app.call("list_accounts", &admin, &[("search", "maytre")]).await.body).unwrap();
        assert_eq!(list["accounts"][0]["second_factor"], true, "{list}");

        let reply = app
            .call("clear_second_factor", &entrant, &[("user", &id), ("reason", "x")])
            .await;
        assert_eq!(reply.error(), AppError::Forbidden, "administrators only");
        let reply = app
            .call("clear_second_factor", &admin, &[("user", &id), ("reason", " ")])
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("reason", Problem::ReasonRequired)])
        );
        let reply = app
            .call(
                "clear_second_factor",
                &admin,
                &[
                    ("user", &id),
                    ("reason", "Mất điện thoại, đã gọi xác nhận 0912 345 678"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(
            app.call("current_user", &entrant, &[]).await.body,
            "null",
            "their sessions end"
        );
        let again = app.sign_in_as("maytre@example.vn", "mật khẩu dài").await;
        assert!(!view(&app, &again).await.enabled, "the password alone signs in again");
        let reply = app
            .call("clear_second_factor", &admin, &[("user", &id), ("reason", "lần nữa")])
            .await;
        assert_eq!(reply.error(), AppError::Conflict, "nothing left to remove");
        assert!(app
            .audit_actions()
            .await
            .contains(&"account.second_factor_removed".to_owned()));
        app.cleanup().await;
    }
}
