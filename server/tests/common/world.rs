//! A round with its people and four entries, built through the real
//! router, for the judging and council tests.

use app::api::judging::SheetPage;
use app::api::rounds::RoundDetail;
use app::db::entries::FileRecord;
use app::domain::ids::{EntryId, FileId};
use app::domain::time::Timestamp;
use app::domain::upload::{FileKind, FileType};
use http::StatusCode;

use super::{backends, Actor, Reply, TestApp};

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub struct World {
    pub app: TestApp,
    pub admin: Actor,
    pub secretary: Actor,
    /// Scores groups 1 and 2.
    pub one: Actor,
    /// Scores group 1.
    pub two: Actor,
    /// Scores group 2, and enters a product of group 2 himself.
    pub three: Actor,
    /// Council members (three; `council` is in no business).
    pub council: Actor,
    pub council2: Actor,
    pub council3: Actor,
    pub round: String,
    /// Entries: two of group 1, one of group 2, one of group 2 by juror three.
    pub a: String,
    pub b: String,
    pub c: String,
    pub own: String,
    /// The owner of entry `a`.
    pub owner_a: Actor,
    /// The owner of entry `b`.
    pub owner_b: Actor,
    /// With [`world_with_set`]: a second group 1 entry of `a`'s business.
    pub a2: Option<String>,
    /// With [`sized_world`]: more group 1 entries, each of its own business.
    pub extra: Vec<String>,
}

pub fn ok(reply: &Reply) {
    assert!(reply.status.is_success(), "{} {}", reply.status, reply.body);
}

pub async fn user_id(app: &TestApp, actor: &Actor) -> String {
    let reply = app.call("current_user", actor, &[]).await;
    let user: Option<app::api::session::SignedInUser> = serde_json::from_str(&reply.body).unwrap();
    user.unwrap().id.to_string()
}

pub async fn enter(app: &TestApp, round: &str, actor: &Actor, business: &str, product: &str, group: &str) -> String {
    enter_with(app, round, actor, business, product, group, "Nội dung đầy đủ.").await
}

/// [`enter`], with `text` in every section of form 02 and the address.
pub async fn enter_with(
    app: &TestApp,
    round: &str,
    actor: &Actor,
    business: &str,
    product: &str,
    group: &str,
    text: &str,
) -> String {
    ok(&app
        .call(
            "save_business",
            actor,
            &[
                ("business_name", business),
                ("legal_form", "household"),
                ("registration_number", "47A8001234"),
                ("tax_code", ""),
                ("province", "Đồng Nai"),
                ("commune", "Xã Long Thọ"),
                ("street", "Ấp 3"),
                ("representative", "Người Đại Diện"),
                ("position", "Chủ hộ"),
                ("business_phone", "0912345678"),
                ("business_email", ""),
            ],
        )
        .await);
    let reply = app.call("start_entry", actor, &[("round", round)]).await;
    ok(&reply);
    let entry = reply
        .header("location")
        .unwrap()
        .trim_start_matches("/entries/")
        .to_owned();
    ok(&app
        .call(
            "save_entry",
            actor,
            &[
                ("entry", &entry),
                ("version", "1"),
                ("product_name", product),
                ("set_items", ""),
                ("group", group),
                ("description", text),
                ("materials", text),
                ("process", text),
                ("capacity", text),
                ("markets", text),
                ("workers", text),
                ("environment", text),
                ("culture", text),
                ("standards", ""),
                ("awards", ""),
            ],
        )
        .await);
    // The files are stored directly: uploads have their own tests.
    let id = EntryId::parse(&entry).unwrap();
    let hash = app.state.files.put(PDF.to_vec()).await.unwrap();
    let mut conn = app.state.store.pool().acquire().await.unwrap();
    let owner = app::db::entries::get_entry(&mut conn, id).await.unwrap().unwrap();
    let owner = app::db::businesses::get_business(&mut conn, owner.business)
        .await
        .unwrap()
        .unwrap()
        .owner;
    for (kind, file_type) in [
        (FileKind::Photo, FileType::Jpeg),
        (FileKind::Photo, FileType::Jpeg),
        (FileKind::Photo, FileType::Jpeg),
        (FileKind::Registration, FileType::Pdf),
    ] {
        let record = FileRecord {
            id: FileId::new(),
            entry: id,
            kind,
            file_type,
            display_name: "tệp.pdf".into(),
            size: PDF.len() as i64,
            content_hash: hash.clone(),
            medium_hash: None,
            thumb_hash: None,
            width: None,
            height: None,
            created_at: Timestamp::now(),
        };
        app::db::entries::insert_file(&mut conn, &record, owner).await.unwrap();
    }
    ok(&app.call("submit_entry", actor, &[("entry", &entry)]).await);
    entry
}

pub async fn detail(app: &TestApp, actor: &Actor, round: &str) -> RoundDetail {
    serde_json::from_str(&app.call("round_detail", actor, &[("round", round)]).await.body).unwrap()
}

pub async fn move_round(w: &World, to: &str, reason: &str) -> Reply {
    w.app
        .call(
            "move_round",
            &w.secretary,
            &[("round", &w.round), ("to", to), ("reason", reason)],
        )
        .await
}

/// A round in screening with its people and four submitted entries.
pub async fn world(backend: super::Backend) -> World {
    build_world(backend, false).await
}

/// The same round, where `a`'s business also enters a second product of
/// group 1 (entered last, so it has the last code of its group).
pub async fn world_with_set(backend: super::Backend) -> World {
    build_world(backend, true).await
}

async fn build_world(backend: super::Backend, second: bool) -> World {
    build_labelled_world(backend, second, "").await
}

/// The round of [`world`] with `extra` more group 1 entries, each of a
/// business of its own (the tests that a page's statements do not grow
/// with the round). Its public pages are never answered from the page
/// cache, so each request reads the database.
pub async fn sized_world(backend: super::Backend, extra: usize) -> World {
    build_sized_world(backend, false, "", extra, true).await
}

/// The same round, with `tail` added to every name and text a person types
/// (round title, people, businesses, products, form 02): the hostile-input
/// tests put markup there.
pub async fn labelled_world(backend: super::Backend, tail: &str) -> World {
    build_labelled_world(backend, false, tail).await
}

async fn build_labelled_world(backend: super::Backend, second: bool, tail: &str) -> World {
    build_sized_world(backend, second, tail, 0, false).await
}

async fn build_sized_world(backend: super::Backend, second: bool, tail: &str, extra: usize, sized: bool) -> World {
    let app = if sized {
        TestApp::with_env(backend, &[("TIEUBIEU_PAGE_CACHE_SECONDS", "0")]).await
    } else {
        TestApp::new(backend).await
    };
    let admin = app.admin().await;
    let round = app.province_round_titled(&admin, &format!("Đồng Nai 2026{tail}")).await;
    let person = |name: &str| format!("{name}{tail}");
    let secretary = app.entrant(&person("Thư Ký"), "thuky@x.vn").await;
    let one = app.entrant(&person("Giám Khảo Một"), "gk1@x.vn").await;
    let two = app.entrant(&person("Giám Khảo Hai"), "gk2@x.vn").await;
    let three = app.entrant(&person("Giám Khảo Ba"), "gk3@x.vn").await;
    let council = app.entrant(&person("Ủy Viên"), "uyvien@x.vn").await;
    let council2 = app.entrant(&person("Ủy Viên Hai"), "uyvien2@x.vn").await;
    let council3 = app.entrant(&person("Ủy Viên Ba"), "uyvien3@x.vn").await;
    let groups: Vec<String> = detail(&app, &admin, &round)
        .await
        .groups
        .iter()
        .map(|g| g.id.clone())
        .collect();
    let add = |identifier: &'static str, role: &'static str, juror_groups: Vec<String>| {
        let (app, admin, round) = (&app, &admin, &round);
        async move {
            let mut fields = vec![("round", round.as_str()), ("identifier", identifier), ("role", role)];
            for g in &juror_groups {
                fields.push(("groups[]", g.as_str()));
            }
            ok(&app.call("add_round_member", admin, &fields).await);
        }
    };
    add("thuky@x.vn", "secretary", vec![]).await;
    add("gk1@x.vn", "juror", vec![groups[0].clone(), groups[1].clone()]).await;
    add("gk2@x.vn", "juror", vec![groups[0].clone()]).await;
    add("gk3@x.vn", "juror", vec![groups[1].clone()]).await;
    add("uyvien@x.vn", "council_member", vec![]).await;
    add("uyvien2@x.vn", "council_member", vec![]).await;
    add("uyvien3@x.vn", "council_member", vec![]).await;
    ok(&app
        .call(
            "move_round",
            &admin,
            &[("round", &round), ("to", "open"), ("reason", "")],
        )
        .await);
    let owner_a = app.entrant(&person("Chủ Cơ Sở A"), "a@x.vn").await;
    let owner_b = app.entrant(&person("Chủ Cơ Sở B"), "b@x.vn").await;
    let owner_c = app.entrant(&person("Chủ Cơ Sở C"), "c@x.vn").await;
    let text = format!("Nội dung đầy đủ.{tail}");
    let entry = |actor: &Actor, business: &str, product: &str, group: &'static str| {
        let (app, round, text) = (&app, &round, &text);
        let (actor, business, product) = (actor.clone(), person(business), person(product));
        async move { enter_with(app, round, &actor, &business, &product, group, text).await }
    };
    let a = entry(&owner_a, "Hộ Gốm A", "Bình gốm men rạn", "1").await;
    let b = entry(&owner_b, "Hộ Mây Tre B", "Giỏ mây", "1").await;
    let c = entry(&owner_c, "Cơ sở Bánh C", "Bánh pía", "2").await;
    let own = entry(&three, "Hộ Của Giám Khảo Ba", "Mắm tôm", "2").await;
    let a2 = if second {
        Some(entry(&owner_a, "Hộ Gốm A", "Lọ gốm men rạn", "1").await)
    } else {
        None
    };
    let mut more = Vec::new();
    for i in 0..extra {
        let owner = app
            .entrant(&person(&format!("Chủ Cơ Sở Thêm {i}")), &format!("them{i}@x.vn"))
            .await;
        more.push(entry(&owner, &format!("Hộ Thêm {i}"), &format!("Sản phẩm thêm {i}"), "1").await);
    }
    app.close_entries(&round, 60).await;
    let w = World {
        app,
        admin,
        secretary,
        one,
        two,
        three,
        council,
        council2,
        council3,
        round,
        a,
        b,
        c,
        own,
        owner_a,
        owner_b,
        a2,
        extra: more,
    };
    ok(&move_round(&w, "screening", "").await);
    w
}

pub async fn each_world<F, Fut>(test: F)
where
    F: Fn(World) -> Fut,
    Fut: std::future::Future<Output = World>,
{
    each_built_world(false, test).await
}

/// Runs `test` on a [`world_with_set`] on every backend.
pub async fn each_world_with_set<F, Fut>(test: F)
where
    F: Fn(World) -> Fut,
    Fut: std::future::Future<Output = World>,
{
    each_built_world(true, test).await
}

async fn each_built_world<F, Fut>(second: bool, test: F)
where
    F: Fn(World) -> Fut,
    Fut: std::future::Future<Output = World>,
{
    for backend in backends().await {
        let w = build_world(backend, second).await;
        let w = test(w).await;
        w.app.cleanup().await;
    }
}

/// Accepts every entry and opens judging.
pub async fn to_judging(w: &World) {
    for entry in [&w.a, &w.b, &w.c, &w.own]
        .into_iter()
        .chain(w.a2.as_ref())
        .chain(&w.extra)
    {
        ok(&w.app.call("accept_entry", &w.secretary, &[("entry", entry)]).await);
    }
    ok(&move_round(w, "judging", "").await);
}

pub async fn sheet(w: &World, actor: &Actor, entry: &str, juror: &str) -> Reply {
    w.app
        .call("sheet_page", actor, &[("entry", entry), ("juror", juror)])
        .await
}

pub fn page(reply: &Reply) -> SheetPage {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

/// The fields of a sheet save, as the form posts them.
pub fn save_fields<'a>(
    entry: &'a str,
    juror: &'a str,
    version: &'a str,
    intent: &'a str,
    lines: &'a [(String, String)],
    comment: &'a str,
) -> Vec<(String, String)> {
    let mut fields = vec![
        ("entry".to_string(), entry.to_string()),
        ("juror".to_string(), juror.to_string()),
        ("version".to_string(), version.to_string()),
        ("intent".to_string(), intent.to_string()),
        ("comment".to_string(), comment.to_string()),
    ];
    for (key, value) in lines {
        fields.push((format!("points[k{key}]"), value.clone()));
    }
    fields
}

pub async fn save(w: &World, actor: &Actor, fields: Vec<(String, String)>) -> Reply {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    w.app.call("save_sheet", actor, &borrowed).await
}

/// Points for every line of a sheet: `value` on each.
pub fn all_lines(p: &SheetPage, value: &str) -> Vec<(String, String)> {
    p.spec.lines().map(|l| (l.key.clone(), value.to_string())).collect()
}

pub async fn declare(w: &World, actor: &Actor, entry: &str, juror: &str, tie: &str, note: &str) -> Reply {
    w.app
        .call(
            "declare",
            actor,
            &[("entry", entry), ("juror", juror), ("tie", tie), ("note", note)],
        )
        .await
}

pub async fn score(w: &World, actor: &Actor, entry: &str, points: [&str; 4]) {
    ok(&declare(w, actor, entry, "", "none", "").await);
    let p = page(&sheet(w, actor, entry, "").await);
    let lines: Vec<(String, String)> = p
        .spec
        .lines()
        .zip(points)
        .map(|(l, v)| (l.key.clone(), v.to_string()))
        .collect();
    ok(&save(w, actor, save_fields(entry, "", "0", "submit", &lines, "")).await);
}

/// Records the decision of the round as `actor` (the secretariat).
pub async fn decide(w: &World, actor: &Actor, number: &str, date: &str, signer: &str) -> Reply {
    w.app
        .call(
            "record_decision",
            actor,
            &[
                ("round", &w.round),
                ("decision_number", number),
                ("decided_on", date),
                ("signer", signer),
                ("issuer", "Ủy ban nhân dân tỉnh Đồng Nai"),
            ],
        )
        .await
}

/// Today, as a date field takes it.
pub fn today() -> String {
    let now = Timestamp::now().vn_input_value();
    now[..10].to_owned()
}
