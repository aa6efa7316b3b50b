//! The demonstration (`TIEUBIEU_DEMO=1`), on SQLite and PostgreSQL: it
//! loads only into an empty database, through the same code as real use,
//! and leaves a published provincial round of 40 entries with its
//! certificates and an open national round holding the nominations.

mod common;

use app::api::results::RoundResults;
use app::db::{council, entries, nominations, rounds};
use app::domain::entry::EntryState;
use app::domain::lifecycle::RoundState;
use common::{backends, Actor, TestApp};
use http::StatusCode;

#[tokio::test]
async fn the_demonstration_loads_a_published_round_and_its_nominations_once() {
    for backend in backends().await {
        let app = TestApp::new(backend).await;
        let loaded = app::server::demo::load_if_empty(&app.state)
            .await
            .unwrap()
            .expect("an empty database takes the demonstration");
        assert_eq!(loaded.entries, 40);
        assert!(
            (15..=25).contains(&loaded.recognised),
            "{} recognised",
            loaded.recognised
        );
        assert!((4..=6).contains(&loaded.nominated), "{} nominated", loaded.nominated);

        let mut conn = app.state.store.pool().acquire().await.unwrap();
        let province = rounds::get_round(&mut conn, loaded.province).await.unwrap().unwrap();
        assert_eq!(province.state, RoundState::Published);
        assert_eq!(province.parent, Some(loaded.national));
        let national = rounds::get_round(&mut conn, loaded.national).await.unwrap().unwrap();
        assert_eq!(national.state, RoundState::Open);
        let listed = entries::entries_of_round(&mut conn, loaded.province).await.unwrap();
        assert_eq!(listed.len(), 40);
        assert!(listed.iter().all(|e| e.state == EntryState::Accepted));
        for group in 1..=4 {
            assert!(listed.iter().any(|e| e.content.group == Some(group)), "group {group}");
        }
        let certificates = council::certificates_of_round(&mut conn, loaded.province)
            .await
            .unwrap();
        assert_eq!(certificates.len(), loaded.recognised);
        let arrived = nominations::received_in(&mut conn, loaded.national).await.unwrap();
        assert_eq!(arrived.len(), loaded.nominated);
        let there = entries::entries_of_round(&mut conn, loaded.national).await.unwrap();
        assert!(there.iter().all(|e| e.state == EntryState::Submitted));
        for e in &there {
            let files = entries::files_of(&mut conn, e.id).await.unwrap();
            assert_eq!(files.len(), 5, "three photos, the registration and the certificate");
        }
        drop(conn);

        // The public results show the recognised products with their photos.
        let reply = app
            .call(
                "round_results",
                &Actor::anonymous(),
                &[("round", &loaded.province.to_string())],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let results: RoundResults = serde_json::from_str(&reply.body).unwrap();
        let shown: usize = results.groups.iter().map(|g| g.items.len()).sum();
        assert_eq!(shown, loaded.recognised);
        let page = app
            .get(&format!("/results/{}", loaded.province), &Actor::anonymous())
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let thumb = page
            .body
            .split("src=\"")
            .skip(1)
            .find(|s| s.starts_with("/files/"))
            .and_then(|s| s.split('"').next())
            .expect("a product photo on the results page")
            .to_owned();
        let photo = app.get(&thumb, &Actor::anonymous()).await;
        assert_eq!(photo.status, StatusCode::OK, "{thumb}");
        assert!(
            photo.bytes.len() < 15 * 1024,
            "a listed photo is {} bytes",
            photo.bytes.len()
        );

        // Every role signs in with the documented password.
        for email in [
            "quantri@demo.tieubieu.vn",
            "thuky@demo.tieubieu.vn",
            "giamkhao1@demo.tieubieu.vn",
            "hoidong1@demo.tieubieu.vn",
            "coso01@demo.tieubieu.vn",
            "thuky.quocgia@demo.tieubieu.vn",
        ] {
            let reply = app
                .call(
                    "sign_in",
                    &Actor::anonymous(),
                    &[("identifier", email), ("password", app::server::demo::PASSWORD)],
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{email}: {}", reply.body);
        }

        // A second start leaves the data alone.
        assert!(app::server::demo::load_if_empty(&app.state).await.unwrap().is_none());
        app.cleanup().await;
    }
}
