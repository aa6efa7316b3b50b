//! A made-up one-time link costs the server no password hash, and an
//! address that keeps trying them is made to wait. Alone in its test
//! binary: it reads the process's count of argon2 hashes.

mod common;

use app::error::AppError;
use common::{backends, Actor, TestApp};

#[tokio::test]
async fn made_up_links_are_refused_before_any_password_is_hashed() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let before = app::auth::password::hashes_computed();
        let mut answers = Vec::new();
        for n in 0..12 {
            let token = format!("{}{n:03}", "x".repeat(40));
            let fields = [
                ("token", token.as_str()),
                ("password", "mật khẩu mới dài"),
                ("password_confirm", "mật khẩu mới dài"),
            ];
            let function = if n % 2 == 0 {
                "reset_password"
            } else {
                "accept_invitation"
            };
            let mut fields = fields.to_vec();
            if function == "accept_invitation" {
                fields.push(("name", "Người Lạ"));
            }
            answers.push(app.call(function, &Actor::anonymous(), &fields).await.error());
        }
        assert_eq!(
            app::auth::password::hashes_computed(),
            before,
            "no hash for a made-up link"
        );
        assert!(answers[..10].iter().all(|a| *a == AppError::LinkInvalid), "{answers:?}");
        assert!(
            answers[10..].iter().all(|a| matches!(a, AppError::Throttled { .. })),
            "after ten, the address waits: {answers:?}"
        );
        app.cleanup().await;
    }
}
