//! Nomination upward through the real router, on SQLite and PostgreSQL:
//! a decided provincial round sends its nominated entries to a national
//! round in this installation (each arrives with its dossier and
//! certificate, and is screened there), or downloads the nomination
//! package (ZIP with the summary list) for a round run elsewhere.

mod common;

use std::io::Read;

use app::api::entries::screening::ScreeningRow;
use app::api::entries::EntryDetail;
use app::api::nominations::NominationsPage;
use app::domain::audit::AuditAction;
use app::domain::certificate::CertificateStatus;
use app::domain::entry::EntryState;
use app::domain::nomination::NominationRefusal;
use app::domain::time::Timestamp;
use app::domain::upload::FileKind;
use app::error::AppError;
use common::world::*;
use common::{Actor, Reply};
use http::StatusCode;

async fn page(w: &World, actor: &Actor) -> NominationsPage {
    let reply = w.app.call("nominations_page", actor, &[("round", &w.round)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn send(w: &World, actor: &Actor, parent: &str, entries: &[&str]) -> Reply {
    let mut fields = vec![("round", w.round.as_str()), ("parent", parent)];
    for e in entries {
        fields.push(("entries[]", e));
    }
    w.app.call("send_nominations", actor, &fields).await
}

fn refused(reply: &Reply, code: Option<&str>, refusal: NominationRefusal) {
    assert_eq!(
        reply.error(),
        AppError::NominationRefused {
            code: code.map(str::to_owned),
            refusal
        },
        "{}",
        reply.body
    );
}

fn today() -> String {
    Timestamp::now().vn_input_value()[..10].to_owned()
}

/// Judges and decides the round: a (78) recognised and nominated, b (70)
/// recognised only, own (80) not recognised, c below the threshold.
async fn decided(w: &World) {
    to_judging(w).await;
    for (actor, entry, points) in [
        (&w.one, &w.a, ["36", "34", "9", "9"]),
        (&w.two, &w.a, ["28", "26", "7", "7"]),
        (&w.one, &w.b, ["20", "20", "5", "5"]),
        (&w.two, &w.b, ["36", "36", "9", "9"]),
        (&w.one, &w.c, ["25", "25", "5", "5"]),
        (&w.three, &w.c, ["20", "20", "5", "5"]),
        (&w.one, &w.own, ["32", "32", "8", "8"]),
    ] {
        score(w, actor, entry, points).await;
    }
    ok(&move_round(w, "deliberation", "").await);
    for member in [&w.council, &w.council2] {
        for (entry, recognise, nominate) in [(&w.a, "for", "for"), (&w.b, "for", "against"), (&w.own, "against", "")] {
            ok(&w
                .app
                .call(
                    "cast_council_vote",
                    member,
                    &[("entry", entry), ("recognise", recognise), ("nominate", nominate)],
                )
                .await);
        }
    }
    ok(&w
        .app
        .call(
            "record_decision",
            &w.secretary,
            &[
                ("round", &w.round),
                ("decision_number", "1234/QĐ-UBND"),
                ("decided_on", &today()),
                ("signer", "Nguyễn Văn A"),
                ("issuer", "Ủy ban nhân dân tỉnh Đồng Nai"),
            ],
        )
        .await);
}

/// A national round in draft with its own secretary (a juror of the
/// provincial round: roles are held per round).
async fn national(w: &World) -> (String, Actor) {
    let round = w.app.national_round(&w.admin, "Bình chọn cấp quốc gia 2026").await;
    ok(&w
        .app
        .call(
            "add_round_member",
            &w.admin,
            &[("round", &round), ("identifier", "gk2@x.vn"), ("role", "secretary")],
        )
        .await);
    (round, w.two.clone())
}

async fn open(w: &World, round: &str) {
    ok(&w
        .app
        .call(
            "move_round",
            &w.admin,
            &[("round", round), ("to", "open"), ("reason", "")],
        )
        .await);
}

async fn screening_list(w: &World, actor: &Actor, round: &str) -> Vec<ScreeningRow> {
    let reply = w.app.call("screening_list", actor, &[("round", round)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn nominated_entries_arrive_in_the_national_round_with_dossier_and_certificate() {
    each_world(|w| async move {
        // Before the decision nothing can be nominated.
        let before = page(&w, &w.secretary).await;
        assert_eq!(before.refusal, Some(NominationRefusal::NotDecided));
        decided(&w).await;

        let p = page(&w, &w.secretary).await;
        assert_eq!(p.refusal, None);
        assert_eq!(p.rows.len(), 1, "only a was nominated: {:?}", p.rows);
        let row = &p.rows[0];
        assert_eq!(row.entry.to_string(), w.a);
        assert_eq!(row.product, "Bình gốm men rạn");
        assert_eq!(row.score.map(|m| m.rounded().display()).as_deref(), Some("78"));
        let certificate = row.certificate.clone().expect("a has a certificate");
        assert_eq!(certificate.status, CertificateStatus::Valid);
        assert_eq!(row.refusal, None);
        assert!(row.sent.is_none());
        assert!(p.parents.is_empty(), "no higher round exists yet");

        // Who may see and send: the round's secretariat and administrators.
        for (actor, status) in [
            (&w.council, StatusCode::FORBIDDEN),
            (&w.owner_a, StatusCode::NOT_FOUND),
            (&Actor::anonymous(), StatusCode::UNAUTHORIZED),
        ] {
            let reply = w.app.call("nominations_page", actor, &[("round", &w.round)]).await;
            assert_eq!(reply.status, status, "{}", reply.body);
            let reply = send(&w, actor, &w.round, &[&w.a]).await;
            assert_eq!(reply.status, status, "{}", reply.body);
        }

        // A parent that is not a round, is this round, or is not open.
        refused(
            &send(&w, &w.secretary, "nonsense", &[&w.a]).await,
            None,
            NominationRefusal::NoParentRound,
        );
        refused(
            &send(&w, &w.secretary, &w.round, &[&w.a]).await,
            None,
            NominationRefusal::ParentLevelTooLow,
        );
        let (national, national_secretary) = national(&w).await;
        refused(
            &send(&w, &w.secretary, &national, &[&w.a]).await,
            None,
            NominationRefusal::ParentNotReceiving,
        );
        open(&w, &national).await;
        let p = page(&w, &w.secretary).await;
        assert_eq!(p.parents.len(), 1);
        assert_eq!(p.parents[0].id.to_string(), national);

        // Only what the council nominated, and at least one entry.
        refused(
            &send(&w, &w.secretary, &national, &[]).await,
            None,
            NominationRefusal::NothingChosen,
        );
        refused(
            &send(&w, &w.secretary, &national, &[&w.b]).await,
            None,
            NominationRefusal::NotNominated,
        );
        assert_eq!(
            send(&w, &w.secretary, &national, &["not-an-id"]).await.status,
            StatusCode::NOT_FOUND
        );

        let reply = send(&w, &w.secretary, &national, &[&w.a, &w.a]).await;
        ok(&reply);
        assert_eq!(reply.body.trim(), "1");
        let code = row_code(&page(&w, &w.secretary).await);
        refused(
            &send(&w, &w.secretary, &national, &[&w.a]).await,
            Some(&code),
            NominationRefusal::AlreadySent,
        );
        let p = page(&w, &w.secretary).await;
        let sent = p.rows[0].sent.clone().expect("a is marked as sent");
        assert_eq!(sent.round.to_string(), national);
        assert_eq!(p.rows[0].refusal, Some(NominationRefusal::AlreadySent));

        // It arrived: a submitted entry of the same business, with the
        // dossier's files and the certificate as a PDF, screened there.
        let list = screening_list(&w, &national_secretary, &national).await;
        assert_eq!(list.len(), 1, "{list:?}");
        let arrived = &list[0];
        assert_eq!(arrived.state, EntryState::Submitted);
        assert_eq!(arrived.product_name.as_deref(), Some("Bình gốm men rạn"));
        assert_eq!(arrived.business_name, "Hộ Gốm A");
        let carried = arrived.nominated_with.clone().expect("it carries its certificate");
        assert_eq!(carried.number, certificate.number);
        assert_eq!(carried.round_name, "Đồng Nai 2026");
        let detail: EntryDetail = serde_json::from_str(
            &w.app
                .call("entry_detail", &w.owner_a, &[("entry", &arrived.id.to_string())])
                .await
                .body,
        )
        .unwrap();
        assert!(
            detail.missing.is_empty(),
            "the arrived dossier is complete: {:?}",
            detail.missing
        );
        assert_eq!(detail.files.iter().filter(|f| f.kind == FileKind::Photo).count(), 3);
        let pdf = detail
            .files
            .iter()
            .find(|f| f.kind == FileKind::LowerCertificate)
            .expect("the certificate travels as a file");
        let bytes = w.app.get(&format!("/files/{}", pdf.id), &w.owner_a).await;
        assert_eq!(bytes.status, StatusCode::OK);
        let text = pdf_extract::extract_text_from_mem(&bytes.bytes).unwrap();
        assert!(text.contains(&certificate.number), "{text}");
        // The source round's secretary has no say in the national round.
        let reply = w
            .app
            .call("screening_list", &w.secretary, &[("round", &national)])
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        // Audited.
        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        let rows = app::db::audit::list(&mut conn, None, Some(AuditAction::NominationSent), 100)
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        drop(conn);
        // Screened like any other entry: accepted with a national code.
        ok(&w
            .app
            .call(
                "accept_entry",
                &national_secretary,
                &[("entry", &arrived.id.to_string())],
            )
            .await);
        w
    })
    .await;
}

fn row_code(p: &NominationsPage) -> String {
    p.rows[0].code.clone()
}

#[tokio::test]
async fn an_expired_lower_certificate_blocks_the_entry_in_the_higher_round() {
    each_world(|w| async move {
        decided(&w).await;
        let (national, national_secretary) = national(&w).await;
        open(&w, &national).await;
        ok(&send(&w, &w.secretary, &national, &[&w.a]).await);
        let arrived = screening_list(&w, &national_secretary, &national).await[0]
            .id
            .to_string();
        // Four years later the provincial certificate has run out.
        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        sqlx::query("UPDATE certificates SET valid_until = $1")
            .bind(Timestamp::now().plus_secs(-60).millis())
            .execute(&mut *conn)
            .await
            .unwrap();
        drop(conn);
        let list = screening_list(&w, &national_secretary, &national).await;
        assert_eq!(
            list[0].nominated_with.as_ref().map(|c| c.status),
            Some(CertificateStatus::Expired)
        );
        let reply = w
            .app
            .call("accept_entry", &national_secretary, &[("entry", &arrived)])
            .await;
        refused(&reply, None, NominationRefusal::CertificateExpired);
        // It may still be found not eligible, with the reason.
        ok(&w
            .app
            .call(
                "reject_entry",
                &national_secretary,
                &[
                    ("entry", &arrived),
                    ("reason", "Giấy chứng nhận cấp tỉnh đã hết hiệu lực."),
                ],
            )
            .await);
        // The provincial page shows why it could not go again.
        let p = page(&w, &w.secretary).await;
        assert_eq!(
            p.rows[0].certificate.as_ref().map(|c| c.status),
            Some(CertificateStatus::Expired)
        );
        w
    })
    .await;
}

#[tokio::test]
async fn a_revoked_certificate_cannot_carry_an_entry_upward() {
    each_world(|w| async move {
        decided(&w).await;
        let (national, _) = national(&w).await;
        open(&w, &national).await;
        let number = page(&w, &w.secretary).await.rows[0].certificate.clone().unwrap().number;
        ok(&w
            .app
            .call(
                "revoke_certificate",
                &w.admin,
                &[("number", &number), ("reason", "Cơ sở vi phạm quy định.")],
            )
            .await);
        let p = page(&w, &w.secretary).await;
        assert_eq!(p.rows[0].refusal, Some(NominationRefusal::CertificateRevoked));
        let code = row_code(&p);
        refused(
            &send(&w, &w.secretary, &national, &[&w.a]).await,
            Some(&code),
            NominationRefusal::CertificateRevoked,
        );
        w
    })
    .await;
}

#[tokio::test]
async fn the_nomination_package_holds_the_summary_list_and_each_dossier() {
    each_world(|w| async move {
        let path = format!("/rounds/{}/nominations.zip", w.round);
        let reply = w.app.get(&path, &w.secretary).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no package before the decision"
        );
        decided(&w).await;
        for (actor, status) in [
            (&w.council, StatusCode::FORBIDDEN),
            (&w.owner_a, StatusCode::NOT_FOUND),
            (&Actor::anonymous(), StatusCode::UNAUTHORIZED),
        ] {
            assert_eq!(w.app.get(&path, actor).await.status, status);
        }
        let reply = w.app.get(&path, &w.secretary).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.header("content-type"), Some("application/zip"));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(reply.bytes.clone())).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        assert!(names.contains(&"danh-sach-trich-ngang.xlsx".to_owned()), "{names:?}");
        let folder = names
            .iter()
            .find(|n| n.ends_with('/'))
            .expect("a folder per nominated entry")
            .clone();
        assert!(folder.contains("Bình gốm men rạn"), "{folder}");
        let inside: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(&folder) && **n != folder)
            .collect();
        // Three photos, the registration copy and the certificate.
        assert_eq!(inside.len(), 5, "{inside:?}");
        assert!(inside.iter().any(|n| n.contains("giay-chung-nhan")), "{inside:?}");
        assert!(
            names.iter().all(|n| !n.contains("..") && !n.starts_with('/')),
            "{names:?}"
        );
        // The summary list names the product, the business and the score.
        let mut xlsx = Vec::new();
        zip.by_name("danh-sach-trich-ngang.xlsx")
            .unwrap()
            .read_to_end(&mut xlsx)
            .unwrap();
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        let mut strings = String::new();
        book.by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_string(&mut strings)
            .unwrap();
        for expected in ["Bình gốm men rạn", "Hộ Gốm A", "Ấp 3, Xã Long Thọ, Đồng Nai", "Giỏ mây"] {
            let present = strings.contains(expected);
            // b was recognised, not nominated: it is not on the list.
            assert_eq!(present, expected != "Giỏ mây", "{expected} in {strings}");
        }
        w
    })
    .await;
}
