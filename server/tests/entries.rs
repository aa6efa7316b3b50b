//! Entries through the real router: the business profile, drafts,
//! uploads checked by content, submission against completeness and the
//! deadline, withdrawal, correction, and who may read the files.

mod common;

use app::api::entries::{EntryDetail, MyEntries, UploadReport};
use app::domain::entry::{EntryRefusal, EntryState, Missing};
use app::domain::upload::{FileType, UploadRefusal};
use app::domain::validation::{FieldError, Problem};
use app::error::AppError;
use axum::body::Body;
use common::{backends, Actor, Reply, TestApp, SITE};
use http::{header, Request, StatusCode};

struct World {
    app: TestApp,
    admin: Actor,
    secretary: Actor,
    entrant: Actor,
    round: String,
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x / 4) as u8, (y / 4) as u8, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .unwrap();
    // An EXIF segment with a GPS position, as phones write.
    let mut exif = b"Exif\0\0MM\0*\0\0\0\x08GPSLatitude 10.95N".to_vec();
    let mut with_exif = vec![0xFF, 0xD8, 0xFF, 0xE1];
    with_exif.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    with_exif.append(&mut exif);
    with_exif.extend_from_slice(&out[2..]);
    with_exif
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn business_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("business_name", "Hợp tác xã Gốm Tân Vạn"),
        ("legal_form", "cooperative"),
        ("registration_number", "3600123456"),
        ("tax_code", "3600123456"),
        ("province", "Đồng Nai"),
        ("commune", "Phường Tân Vạn"),
        ("street", "12 Bùi Hữu Nghĩa"),
        ("representative", "Nguyễn Văn Gốm"),
        ("position", "Giám đốc"),
        ("business_phone", "0251 3822 123"),
        ("business_email", ""),
    ]
}

async fn world(backend: common::Backend, vars: &[(&str, &str)]) -> World {
    let app = TestApp::with_env(backend, vars).await;
    let admin = app.admin().await;
    let round = app.province_round(&admin).await;
    let secretary = app.entrant("Thư Ký", "thuky@x.vn").await;
    app.call(
        "add_round_member",
        &admin,
        &[("round", &round), ("identifier", "thuky@x.vn"), ("role", "secretary")],
    )
    .await;
    let reply = app
        .call(
            "move_round",
            &admin,
            &[("round", &round), ("to", "open"), ("reason", "")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let entrant = app.entrant("Nguyễn Văn Gốm", "gom@x.vn").await;
    World {
        app,
        admin,
        secretary,
        entrant,
        round,
    }
}

async fn start(w: &World, actor: &Actor) -> String {
    let reply = w.app.call("start_entry", actor, &[("round", &w.round)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply
        .header("location")
        .unwrap()
        .trim_start_matches("/entries/")
        .to_owned()
}

async fn detail(w: &World, actor: &Actor, entry: &str) -> EntryDetail {
    let reply = w.app.call("entry_detail", actor, &[("entry", entry)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn content_fields<'a>(entry: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("entry", entry),
        ("version", version),
        ("product_name", "Bình gốm men rạn Biên Hòa"),
        ("set_items", ""),
        ("group", "1"),
        ("description", "Bình gốm trang trí, men rạn truyền thống."),
        ("materials", "Đất sét Tân Vạn, men tro."),
        ("process", "Tạo hình bàn xoay, nung lò gas 1.200 độ."),
        ("capacity", "5.000 sản phẩm mỗi năm."),
        ("markets", "Trong nước và Nhật Bản; doanh thu 3 tỷ đồng."),
        ("workers", "25 lao động, thu nhập 7 triệu đồng/tháng."),
        ("environment", "Lò gas, thu gom nước thải."),
        ("culture", "Dòng gốm Biên Hòa hơn 100 năm."),
        ("standards", ""),
        ("awards", ""),
    ]
}

/// Uploads files as a form does: JSON answer when `json`, else a redirect.
async fn upload(
    w: &World,
    actor: &Actor,
    entry: &str,
    kind: &str,
    files: &[(&str, &str, Vec<u8>)],
    json: bool,
) -> Reply {
    let boundary = "----tieubieu-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n").as_bytes(),
    );
    for (name, content_type, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let mut request = Request::post(format!("/entries/{entry}/files"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ORIGIN, SITE)
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ACCEPT, if json { "application/json" } else { "text/html" });
    if let Some(cookie) = &actor.cookie {
        request = request.header(header::COOKIE, cookie);
    }
    w.app.send(request.body(Body::from(body)).unwrap()).await
}

fn report(reply: &Reply) -> UploadReport {
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {} {}", reply.status, reply.body))
}

async fn each_world<F, Fut>(vars: &[(&str, &str)], test: F)
where
    F: Fn(World) -> Fut,
    Fut: std::future::Future<Output = World>,
{
    for backend in backends().await {
        let w = world(backend, vars).await;
        let w = test(w).await;
        w.app.cleanup().await;
    }
}

async fn close_entries(w: &World, seconds_ago: i64) {
    w.app.close_entries(&w.round, seconds_ago).await;
}

#[tokio::test]
async fn an_entrant_fills_submits_and_corrects_an_entry() {
    each_world(&[], |w| async move {
        let refused = w.app.call("start_entry", &w.entrant, &[("round", &w.round)]).await;
        assert_eq!(refused.error(), AppError::BusinessProfileNeeded);
        let reply = w.app.call("save_business", &w.entrant, &business_fields()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let entry = start(&w, &w.entrant).await;

        let d = detail(&w, &w.entrant, &entry).await;
        assert_eq!(d.state, EntryState::Draft);
        assert!(
            d.missing.contains(&Missing::Photos { have: 0, need: 3 }) && d.missing.contains(&Missing::Registration)
        );
        let refused = w.app.call("submit_entry", &w.entrant, &[("entry", &entry)]).await;
        let AppError::EntryRefused(EntryRefusal::Incomplete(missing)) = refused.error() else {
            panic!("{}", refused.body)
        };
        assert!(missing.contains(&Missing::Field("materials".into())));

        let version = d.version.to_string();
        let reply = w
            .app
            .call("save_entry", &w.entrant, &content_fields(&entry, &version))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let photos: Vec<(&str, &str, Vec<u8>)> = vec![
            ("mặt trước.jpg", "image/jpeg", jpeg(800, 600)),
            ("bên.jpg", "image/jpeg", jpeg(600, 800)),
            ("trên.jpg", "image/jpeg", jpeg(700, 700)),
        ];
        let reply = upload(&w, &w.entrant, &entry, "photo", &photos, true).await;
        assert_eq!(report(&reply).added, 3);
        let reply = upload(
            &w,
            &w.entrant,
            &entry,
            "registration",
            &[("GCN đăng ký.pdf", "application/pdf", PDF.to_vec())],
            true,
        )
        .await;
        assert_eq!(report(&reply).added, 1);
        let d = detail(&w, &w.entrant, &entry).await;
        assert!(d.missing.is_empty(), "{:?}", d.missing);

        let reply = w.app.call("submit_entry", &w.entrant, &[("entry", &entry)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let receipt = w
            .app
            .outbox()
            .await
            .into_iter()
            .find(|m| m.to == "gom@x.vn")
            .expect("a receipt");
        assert!(receipt.subject.contains("Bình gốm men rạn Biên Hòa"));
        let locked = w
            .app
            .call("save_entry", &w.entrant, &content_fields(&entry, "99"))
            .await;
        assert!(matches!(
            locked.error(),
            AppError::EntryRefused(EntryRefusal::WrongState(EntryState::Submitted))
        ));

        // The secretariat asks for a correction; the deadline passes meanwhile.
        let reply = w
            .app
            .call(
                "return_entry",
                &w.entrant,
                &[("entry", &entry), ("message", "Bổ sung ảnh mặt đáy")],
            )
            .await;
        assert_eq!(reply.error(), AppError::Forbidden);
        let reply = w
            .app
            .call("return_entry", &w.secretary, &[("entry", &entry), ("message", "")])
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("message", Problem::Required)])
        );
        let reply = w
            .app
            .call(
                "return_entry",
                &w.secretary,
                &[
                    ("entry", &entry),
                    ("message", "Bổ sung ảnh mặt đáy\nvà kiểm định chất lượng"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        close_entries(&w, 3600).await;
        let mine: MyEntries = serde_json::from_str(&w.app.call("my_entries", &w.entrant, &[]).await.body).unwrap();
        assert_eq!(mine.entries[0].state, EntryState::Returned);
        assert_eq!(
            mine.entries[0].message.as_deref(),
            Some("Bổ sung ảnh mặt đáy\nvà kiểm định chất lượng")
        );
        let page = w.app.get(&format!("/entries/{entry}"), &w.entrant).await;
        assert!(page.body.contains("Bổ sung ảnh mặt đáy"), "{}", page.body);

        let reply = upload(
            &w,
            &w.entrant,
            &entry,
            "photo",
            &[("đáy.jpg", "image/jpeg", jpeg(640, 480))],
            true,
        )
        .await;
        assert_eq!(report(&reply).added, 1);
        let reply = w.app.call("submit_entry", &w.entrant, &[("entry", &entry)]).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "a returned entry is resubmitted after the deadline: {}",
            reply.body
        );
        assert_eq!(detail(&w, &w.secretary, &entry).await.state, EntryState::Submitted);
        let actions = w.app.audit_actions().await;
        for action in [
            "business.saved",
            "entry.started",
            "entry.file_added",
            "entry.submitted",
            "entry.returned",
        ] {
            assert!(actions.contains(&action.to_owned()), "{action}");
        }
        w
    })
    .await;
}

#[tokio::test]
async fn deadlines_and_stale_tabs_never_lose_what_was_saved() {
    each_world(&[], |w| async move {
        w.app.call("save_business", &w.entrant, &business_fields()).await;
        let entry = start(&w, &w.entrant).await;
        let reply = w.app.call("save_entry", &w.entrant, &content_fields(&entry, "1")).await;
        assert_eq!(reply.body, "2");
        let stale = w.app.call("save_entry", &w.entrant, &content_fields(&entry, "1")).await;
        assert_eq!(
            (stale.status, stale.error()),
            (StatusCode::CONFLICT, AppError::Conflict)
        );

        let mut long = content_fields(&entry, "2");
        let too_long = "x".repeat(10_000);
        long[5] = ("description", too_long.as_str());
        let reply = w.app.call("save_entry", &w.entrant, &long).await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("description", Problem::TooLong { max: 5000 })])
        );
        let kept = detail(&w, &w.entrant, &entry).await;
        assert_eq!(
            kept.form.description, "Bình gốm trang trí, men rạn truyền thống.",
            "the saved text stays"
        );

        let photos: Vec<(&str, &str, Vec<u8>)> = (0..3).map(|_| ("ảnh.jpg", "image/jpeg", jpeg(400, 300))).collect();
        upload(&w, &w.entrant, &entry, "photo", &photos, true).await;
        upload(
            &w,
            &w.entrant,
            &entry,
            "registration",
            &[("gcn.pdf", "application/pdf", PDF.to_vec())],
            true,
        )
        .await;
        close_entries(&w, 1).await;
        let late = w.app.call("submit_entry", &w.entrant, &[("entry", &entry)]).await;
        assert!(
            matches!(late.error(), AppError::EntryRefused(EntryRefusal::RoundClosed { .. })),
            "{}",
            late.body
        );
        let message = late.error().message(app::i18n::I18n::new(app::i18n::Lang::Vi));
        assert!(message.contains("hạn nộp"), "{message}");
        let still = detail(&w, &w.entrant, &entry).await;
        assert_eq!((still.state, still.files.len()), (EntryState::Draft, 4));
        let refused = w.app.call("start_entry", &w.entrant, &[("round", &w.round)]).await;
        assert!(matches!(
            refused.error(),
            AppError::EntryRefused(EntryRefusal::RoundClosed { .. })
        ));
        w
    })
    .await;
}

#[tokio::test]
async fn a_submitted_entry_can_be_withdrawn_until_the_deadline() {
    each_world(&[], |w| async move {
        w.app.call("save_business", &w.entrant, &business_fields()).await;
        let entry = start(&w, &w.entrant).await;
        w.app.call("save_entry", &w.entrant, &content_fields(&entry, "1")).await;
        let photos: Vec<(&str, &str, Vec<u8>)> = (0..3).map(|_| ("ảnh.jpg", "image/jpeg", jpeg(400, 300))).collect();
        upload(&w, &w.entrant, &entry, "photo", &photos, true).await;
        upload(
            &w,
            &w.entrant,
            &entry,
            "registration",
            &[("gcn.pdf", "application/pdf", PDF.to_vec())],
            true,
        )
        .await;
        assert_eq!(
            w.app
                .call("submit_entry", &w.entrant, &[("entry", &entry)])
                .await
                .status,
            StatusCode::OK
        );
        let reply = w.app.call("withdraw_entry", &w.entrant, &[("entry", &entry)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(detail(&w, &w.entrant, &entry).await.state, EntryState::Draft);
        assert_eq!(
            w.app
                .call("submit_entry", &w.entrant, &[("entry", &entry)])
                .await
                .status,
            StatusCode::OK
        );
        close_entries(&w, 1).await;
        let late = w.app.call("withdraw_entry", &w.entrant, &[("entry", &entry)]).await;
        assert!(matches!(
            late.error(),
            AppError::EntryRefused(EntryRefusal::RoundClosed { .. })
        ));
        assert!(w.app.audit_actions().await.contains(&"entry.withdrawn".to_owned()));
        w
    })
    .await;
}

#[tokio::test]
async fn uploads_are_judged_by_content_and_cleaned() {
    each_world(&[("TIEUBIEU_MAX_FILE_BYTES", "300000")], |w| async move {
        w.app.call("save_business", &w.entrant, &business_fields()).await;
        let entry = start(&w, &w.entrant).await;
        let mut truncated = jpeg(400, 300);
        truncated.truncate(truncated.len() / 2);
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
        let exe = b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode".to_vec();
        let huge = vec![0xFF_u8; 400_000];
        let nfd_name = "a\u{300}nh ma\u{323}\u{306}t tru\u{31b}o\u{31b}\u{301}c.jpg";
        let files: Vec<(&str, &str, Vec<u8>)> = vec![
            ("setup.jpg", "image/jpeg", exe),
            ("logo.svg", "image/svg+xml", svg),
            ("empty.jpg", "image/jpeg", Vec::new()),
            ("huge.jpg", "image/jpeg", huge),
            ("cut.jpg", "image/jpeg", truncated),
            ("giấy.pdf", "application/pdf", PDF.to_vec()),
            ("../../etc/pass\twd.jpg", "image/jpeg", jpeg(320, 240)),
            (nfd_name, "image/jpeg", jpeg(320, 240)),
        ];
        let reply = upload(&w, &w.entrant, &entry, "photo", &files, true).await;
        let r = report(&reply);
        assert_eq!(r.added, 2, "{r:?}");
        let refusals: Vec<(&str, &UploadRefusal)> = r.problems.iter().map(|p| (p.name.as_str(), &p.refusal)).collect();
        let photo_types = vec![FileType::Jpeg, FileType::Png, FileType::Webp];
        assert_eq!(
            refusals,
            [
                (
                    "setup.jpg",
                    &UploadRefusal::TypeNotAccepted {
                        accepted: photo_types.clone()
                    }
                ),
                (
                    "logo.svg",
                    &UploadRefusal::TypeNotAccepted {
                        accepted: photo_types.clone()
                    }
                ),
                ("empty.jpg", &UploadRefusal::Empty),
                ("huge.jpg", &UploadRefusal::TooLarge { max: 300_000 }),
                ("cut.jpg", &UploadRefusal::Damaged),
                ("giấy.pdf", &UploadRefusal::TypeNotAccepted { accepted: photo_types }),
            ]
        );
        assert!(r.messages[0].contains("JPEG, PNG, WebP"), "{:?}", r.messages);
        let d = detail(&w, &w.entrant, &entry).await;
        let names: Vec<&str> = d.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.contains(&"passwd.jpg"), "{names:?}");
        assert!(names.contains(&"ành mặt trước.jpg"), "NFC: {names:?}");

        // A name no browser sends (a raw control character in the part's
        // headers) makes the whole request unreadable: said clearly.
        let reply = upload(
            &w,
            &w.entrant,
            &entry,
            "photo",
            &[("bell\u{7}.jpg", "image/jpeg", jpeg(320, 240))],
            true,
        )
        .await;
        assert_eq!(reply.error(), AppError::UploadRefused(UploadRefusal::Unreadable));

        // What is served has no EXIF (and so no GPS position).
        let photo = d.files.iter().find(|f| f.name == "passwd.jpg").unwrap();
        for path in [
            format!("/files/{}", photo.id),
            format!("/files/{}/medium", photo.id),
            format!("/files/{}/thumb", photo.id),
        ] {
            let served = w.app.get(&path, &w.entrant).await;
            assert_eq!(served.status, StatusCode::OK);
            assert_eq!(served.header("content-type"), Some("image/jpeg"));
            assert!(!served.body.contains("Exif") && !served.body.contains("GPSLatitude"));
            assert!(served.header("content-security-policy").unwrap().contains("sandbox"));
        }

        // Documents accept PDF; the same form without JavaScript comes back
        // to the entry page with the outcome.
        let reply = upload(
            &w,
            &w.entrant,
            &entry,
            "document",
            &[
                ("kiểm nghiệm.pdf", "application/pdf", PDF.to_vec()),
                ("virus.exe", "application/octet-stream", b"MZ".to_vec()),
            ],
            false,
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let location = reply.header("location").unwrap().to_owned();
        assert!(
            location.starts_with(&format!("/entries/{entry}?notice=files-added&added=1&upload_errors=")),
            "{location}"
        );
        // The page words the problem itself: which file (its place in the
        // form) and why; names never travel in the address.
        let page = w.app.get(&location, &w.entrant).await;
        assert!(
            page.body.contains("Tệp thứ 2: ") && page.body.contains("Chỉ nhận: PDF, JPEG, PNG"),
            "{}",
            page.body
        );
        assert!(!location.contains("virus") && !page.body.contains("virus.exe"));
        assert!(page.body.contains("Đã tải lên 1 tệp"));
        w
    })
    .await;
}

#[tokio::test]
async fn files_are_private_to_the_business_and_the_secretariat() {
    each_world(&[], |w| async move {
        w.app.call("save_business", &w.entrant, &business_fields()).await;
        let entry = start(&w, &w.entrant).await;
        upload(
            &w,
            &w.entrant,
            &entry,
            "photo",
            &[("a.jpg", "image/jpeg", jpeg(320, 240))],
            true,
        )
        .await;
        let file = detail(&w, &w.entrant, &entry).await.files[0].id.to_string();
        let other = w.app.entrant("Cơ sở khác", "khac@x.vn").await;
        let juror = w.app.entrant("Giám Khảo", "gk@x.vn").await;
        let d = serde_json::from_str::<app::api::rounds::RoundDetail>(
            &w.app.call("round_detail", &w.admin, &[("round", &w.round)]).await.body,
        )
        .unwrap();
        w.app
            .call(
                "add_round_member",
                &w.admin,
                &[
                    ("round", &w.round),
                    ("identifier", "gk@x.vn"),
                    ("role", "juror"),
                    ("groups[]", &d.groups[0].id),
                ],
            )
            .await;
        for (actor, expected) in [
            (&w.entrant, StatusCode::OK),
            (&w.secretary, StatusCode::OK),
            (&w.admin, StatusCode::OK),
            (&other, StatusCode::NOT_FOUND),
            (&juror, StatusCode::NOT_FOUND),
            (&Actor::anonymous(), StatusCode::UNAUTHORIZED),
        ] {
            let reply = w.app.get(&format!("/files/{file}/thumb"), actor).await;
            assert_eq!(reply.status, expected, "{actor:?}");
        }
        assert_eq!(
            w.app
                .get("/files/00000000-0000-0000-0000-000000000000", &w.entrant)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            w.app.get("/files/..%2F..%2Fetc%2Fpasswd", &w.entrant).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            w.app.call("entry_detail", &other, &[("entry", &entry)]).await.error(),
            AppError::NotFound
        );
        let reply = upload(
            &w,
            &other,
            &entry,
            "photo",
            &[("x.jpg", "image/jpeg", jpeg(320, 240))],
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert_eq!(
            detail(&w, &w.entrant, &entry).await.files.len(),
            1,
            "nothing added by another business"
        );
        let reply = w
            .app
            .call("delete_entry_file", &other, &[("entry", &entry), ("file", &file)])
            .await;
        assert_eq!(reply.error(), AppError::NotFound);
        w
    })
    .await;
}

/// A multipart body sent in chunks with no length given, as a client that
/// streams does: `parts` one after the other.
fn chunked(parts: Vec<Vec<u8>>) -> Body {
    Body::from_stream(futures::stream::iter(
        parts
            .into_iter()
            .map(|p| Ok::<_, std::io::Error>(axum::body::Bytes::from(p))),
    ))
}

#[tokio::test]
async fn an_upload_is_bounded_before_it_is_read() {
    each_world(&[("TIEUBIEU_MAX_ENTRY_BYTES", "200000")], |w| async move {
        w.app.call("save_business", &w.entrant, &business_fields()).await;
        let entry = start(&w, &w.entrant).await;
        let boundary = "----tieubieu-test-boundary";
        let request = |body: Body| {
            Request::post(format!("/entries/{entry}/files"))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .header(header::ORIGIN, SITE)
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::ACCEPT, "application/json")
                .header(header::COOKIE, w.entrant.cookie.clone().unwrap())
                .body(body)
                .unwrap()
        };
        // A text field is read up to what a kind's code can be, no further:
        // a huge `kind` is refused, not held in memory.
        let head = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n").into_bytes();
        let filler = vec![b'x'; 64 * 1024];
        let mut parts = vec![head];
        parts.extend(std::iter::repeat_n(filler.clone(), 16));
        parts.push(format!("\r\n--{boundary}--\r\n").into_bytes());
        let reply = w.app.send(request(chunked(parts))).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);

        // A chunked body is cut off at the entry's quota and a little more,
        // whatever field carries it.
        let head = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n").into_bytes();
        let mut parts = vec![head];
        parts.extend(std::iter::repeat_n(filler, 24));
        parts.push(format!("\r\n--{boundary}--\r\n").into_bytes());
        let reply = w.app.send(request(chunked(parts))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(
            matches!(reply.error(), AppError::UploadRefused(UploadRefusal::TooLarge { .. })),
            "{}",
            reply.body
        );
        assert!(detail(&w, &w.entrant, &entry).await.files.is_empty());

        // A private file is never kept by a cache.
        let stored = upload(
            &w,
            &w.entrant,
            &entry,
            "photo",
            &[("a.jpg", "image/jpeg", jpeg(400, 300))],
            true,
        )
        .await;
        assert_eq!(report(&stored).added, 1, "{}", stored.body);
        let file = detail(&w, &w.entrant, &entry).await.files[0].id;
        let served = w.app.get(&format!("/files/{file}"), &w.entrant).await;
        assert_eq!(served.header("cache-control"), Some("private, no-store"));
        let page = w.app.get(&format!("/entries/{entry}"), &w.entrant).await;
        assert_eq!(page.header("cache-control"), Some("no-store"), "a signed-in page");

        // A deleted file leaves the disk once no row refers to it (the
        // sweep spares files younger than an hour; here "now" is later).
        let record = {
            let mut conn = w.app.state.store.pool().acquire().await.unwrap();
            app::db::entries::get_file(&mut conn, file).await.unwrap().unwrap()
        };
        let on_disk = |hash: &str| w.app.state.files.path(hash).unwrap().exists();
        assert!(on_disk(&record.content_hash) && on_disk(record.thumb_hash.as_deref().unwrap()));
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        let swept = app::server::maintenance::sweep_files(&w.app.state.store, &w.app.state.files, later)
            .await
            .unwrap();
        assert_eq!(swept.0, 0, "still referenced");
        let file_id = file.to_string();
        let reply = w
            .app
            .call(
                "delete_entry_file",
                &w.entrant,
                &[("entry", &entry), ("file", &file_id)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let swept = app::server::maintenance::sweep_files(&w.app.state.store, &w.app.state.files, later)
            .await
            .unwrap();
        assert_eq!(swept.0, 3, "the three sizes of the photo");
        assert!(!on_disk(&record.content_hash) && !on_disk(record.thumb_hash.as_deref().unwrap()));
        w
    })
    .await;
}

#[tokio::test]
async fn a_business_has_a_quota_of_files_and_of_entries_a_round() {
    each_world(
        &[
            ("TIEUBIEU_MAX_BUSINESS_BYTES", "20000"),
            ("TIEUBIEU_MAX_ENTRIES_PER_BUSINESS", "2"),
        ],
        |w| async move {
            w.app.call("save_business", &w.entrant, &business_fields()).await;
            let first = start(&w, &w.entrant).await;
            let second = start(&w, &w.entrant).await;
            let reply = w.app.call("start_entry", &w.entrant, &[("round", &w.round)]).await;
            assert_eq!(
                reply.error(),
                AppError::EntryRefused(EntryRefusal::TooManyEntries { max: 2 })
            );
            // The quota counts the files of every entry of the business.
            let photo = jpeg(400, 300);
            let mut added = 0;
            let mut refused = None;
            for entry in [&first, &second].into_iter().cycle().take(16) {
                let reply = upload(
                    &w,
                    &w.entrant,
                    entry,
                    "photo",
                    &[("p.jpg", "image/jpeg", photo.clone())],
                    true,
                )
                .await;
                let r = report(&reply);
                added += r.added;
                if let Some(problem) = r.problems.first() {
                    refused = Some(problem.refusal.clone());
                    break;
                }
            }
            assert!(added >= 1, "some photos fit");
            assert_eq!(refused, Some(UploadRefusal::BusinessFull { max: 20000 }));
            w
        },
    )
    .await;
}
