//! Text a person types is shown as text on every page, never read as
//! markup: a round whose every name and text ends in markup meant to break
//! out of `<title>`, `<textarea>`, `<script>`, `<style>` and attributes is
//! taken from screening to published results, and each page each role
//! reads is parsed as a browser would, looking for the planted element.
//! And messages that arrive after a redirect are the site's own, never a
//! sentence someone put in the address.

mod common;

use common::world::{labelled_world, move_round, ok, page, save, save_fields, score, sheet, World};
use common::{backends, Actor, Reply};
use http::StatusCode;
use scraper::{Html, Selector};

/// Ends every typed name and text. A page that writes it raw into a
/// raw-text element or an attribute grows an `<i id="xss">` element.
const TAIL: &str = "</title></textarea></script></style>\"'><i id=xss>!</i>";

/// Parses `reply` as a browser would and fails when the planted element
/// (or any inline event handler) made it into the document.
fn no_markup_from_text(what: &str, reply: &Reply) -> Html {
    assert_eq!(reply.status, StatusCode::OK, "{what}: {}", reply.body);
    let document = Html::parse_document(&reply.body);
    let planted = Selector::parse("#xss, i[id]").unwrap();
    let found: Vec<String> = document.select(&planted).map(|e| e.html()).collect();
    assert!(found.is_empty(), "{what}: typed text became markup: {found:?}");
    // The title is one text: the tail stays inside it.
    let title = Selector::parse("head > title").unwrap();
    let titles: Vec<String> = document.select(&title).map(|t| t.inner_html()).collect();
    assert!(titles.len() <= 1, "{what}: the title was cut into pieces: {titles:?}");
    document
}

/// The values of a page's text boxes, as the browser shows them.
fn textareas(document: &Html) -> Vec<String> {
    let selector = Selector::parse("textarea").unwrap();
    document
        .select(&selector)
        .map(|t| t.text().collect::<String>())
        .collect()
}

async fn pages(w: &World, actor: &Actor, paths: &[String]) {
    for path in paths {
        let reply = w.app.get(path, actor).await;
        no_markup_from_text(path, &reply);
    }
}

#[tokio::test]
async fn typed_markup_stays_text_on_every_page() {
    for backend in backends().await {
        let w = labelled_world(backend, TAIL).await;
        let round = w.round.clone();
        let a = w.a.clone();

        // Sub-criteria with guidance (group 4, which has no entries, so the
        // sheets of the others keep the official four lines).
        let d = common::world::detail(&w.app, &w.admin, &round).await;
        let (group, criterion) = (d.groups[3].id.clone(), d.groups[3].criteria[3].id.clone());
        let guidance = format!("Chấm theo mẫu.{TAIL}");
        ok(&w
            .app
            .call(
                "save_sub_criteria",
                &w.secretary,
                &[
                    ("round", &round),
                    ("group", &group),
                    ("criterion", &criterion),
                    ("rows[0][name_vi]", &format!("Bao bì{TAIL}")),
                    ("rows[0][name_en]", ""),
                    ("rows[0][max]", "10"),
                    ("rows[0][guidance]", &guidance),
                ],
            )
            .await);
        let criteria_page = w
            .app
            .get(&format!("/rounds/{round}/criteria/{group}/{criterion}"), &w.secretary)
            .await;
        let document = no_markup_from_text("sub-criteria", &criteria_page);
        assert!(
            textareas(&document).contains(&guidance),
            "the guidance reads back whole"
        );

        // The entrant's own page: returned for correction (with a message
        // in markup), form 02 is in text boxes, exactly as typed.
        ok(&w
            .app
            .call(
                "return_entry",
                &w.secretary,
                &[("entry", a.as_str()), ("message", &format!("Thiếu ảnh mặt đáy.{TAIL}"))],
            )
            .await);
        let entry_page = w.app.get(&format!("/entries/{a}"), &w.owner_a).await;
        let document = no_markup_from_text("entry (returned)", &entry_page);
        assert!(
            textareas(&document).contains(&format!("Nội dung đầy đủ.{TAIL}")),
            "form 02 reads back whole: {:?}",
            textareas(&document)
        );
        ok(&w.app.call("submit_entry", &w.owner_a, &[("entry", a.as_str())]).await);
        pages(
            &w,
            &w.owner_a,
            &["/business".into(), "/entries".into(), "/account".into(), "/".into()],
        )
        .await;
        pages(
            &w,
            &w.secretary,
            &[
                format!("/rounds/{round}"),
                format!("/rounds/{round}/screening"),
                format!("/rounds/{round}/people"),
                format!("/rounds/{round}/settings"),
                format!("/rounds/{round}/criteria"),
                format!("/entries/{a}"),
                "/rounds".into(),
            ],
        )
        .await;
        pages(
            &w,
            &w.admin,
            &["/admin/accounts".into(), "/admin/audit".into(), "/admin/outbox".into()],
        )
        .await;

        // Judging: a juror's draft comment comes back in its text box.
        common::world::to_judging(&w).await;
        ok(&common::world::declare(&w, &w.one, &a, "", "none", "").await);
        let p = page(&sheet(&w, &w.one, &a, "").await);
        let comment = format!("Sản phẩm đẹp.{TAIL}");
        let lines: Vec<(String, String)> = p
            .spec
            .lines()
            .zip(["36", "34", "9", "9"])
            .map(|(l, v)| (l.key.clone(), v.to_string()))
            .collect();
        ok(&save(&w, &w.one, save_fields(&a, "", "0", "save", &lines, &comment)).await);
        let sheet_page = w.app.get(&format!("/entries/{a}/sheet"), &w.one).await;
        let document = no_markup_from_text("sheet", &sheet_page);
        assert!(textareas(&document).contains(&comment), "{:?}", textareas(&document));
        pages(&w, &w.one, &["/judging".into(), format!("/entries/{a}/sheet/print")]).await;
        pages(&w, &w.secretary, &[format!("/rounds/{round}/jury")]).await;
        ok(&save(&w, &w.one, save_fields(&a, "", "1", "submit", &lines, &comment)).await);
        score(&w, &w.two, &a, ["36", "34", "9", "9"]).await;
        ok(&move_round(&w, "deliberation", &format!("Nhóm 2 chưa chấm{TAIL}")).await);

        // Deliberation and the decision.
        pages(
            &w,
            &w.council,
            &[format!("/rounds/{round}/report"), format!("/rounds/{round}/council")],
        )
        .await;
        for member in [&w.council, &w.council2] {
            ok(&w
                .app
                .call(
                    "cast_council_vote",
                    member,
                    &[("entry", a.as_str()), ("recognise", "for"), ("nominate", "")],
                )
                .await);
        }
        let today = app::domain::time::Timestamp::now().vn_input_value()[..10].to_owned();
        ok(&w
            .app
            .call(
                "record_decision",
                &w.secretary,
                &[
                    ("round", &round),
                    ("decision_number", &format!("12/QĐ{TAIL}")),
                    ("decided_on", &today),
                    ("signer", &format!("Nguyễn Văn A{TAIL}")),
                    ("issuer", &format!("Ủy ban nhân dân tỉnh Đồng Nai{TAIL}")),
                ],
            )
            .await);
        pages(
            &w,
            &w.secretary,
            &[
                format!("/rounds/{round}/council"),
                format!("/rounds/{round}/nominations"),
            ],
        )
        .await;
        ok(&move_round(&w, "published", "").await);

        // What the public reads.
        let anonymous = Actor::anonymous();
        let results: app::api::results::RoundResults =
            serde_json::from_str(&w.app.call("round_results", &anonymous, &[("round", &round)]).await.body).unwrap();
        let item = results.groups.iter().flat_map(|g| g.items.iter()).next().unwrap();
        let number = item.certificate.clone().unwrap();
        pages(
            &w,
            &anonymous,
            &[
                "/".into(),
                format!("/results/{round}"),
                "/catalogue".into(),
                format!("/catalogue/{}", item.entry),
                format!("/verify/{number}"),
                "/statistics".into(),
            ],
        )
        .await;
        pages(
            &w,
            &w.owner_a,
            &[format!("/entries/{a}/feedback"), format!("/entries/{a}")],
        )
        .await;
        w.app.cleanup().await;
    }
}

/// The form-error sentence in `reply`'s page, if any.
fn shown_errors(reply: &Reply) -> String {
    let document = Html::parse_document(&reply.body);
    let selector = Selector::parse("[role=alert], .field-error, .alert").unwrap();
    document
        .select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[tokio::test]
async fn a_sentence_put_in_the_address_is_never_shown_as_the_sites_own() {
    use base64::Engine;
    for backend in backends().await {
        let app = common::TestApp::new(backend).await;
        let anonymous = Actor::anonymous();
        let planted = "Gọi 0900 123 456 để mở khóa tài khoản";
        // A told error as the server would send it, with a sentence of the
        // attacker's, in the message and in a field problem.
        let forged = serde_json::json!({ "Told": {
            "error": { "Invalid": [{ "field": "identifier", "problem": "Required", "text": planted }] },
            "message": planted,
        }});
        let encoded = base64::engine::general_purpose::URL_SAFE.encode(forged.to_string());
        for (page, function) in [
            ("/sign-in", "/api/sign_in"),
            ("/sign-up", "/api/sign_up"),
            ("/forgot-password", "/api/request_password_reset"),
        ] {
            let path = format!("{page}?__path={function}&__err={encoded}");
            let reply = app.get(&path, &anonymous).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}");
            assert!(
                !reply.body.contains("0900 123 456"),
                "{path} shows the planted sentence"
            );
            // The islands read the error from the page, told again by the
            // server from its kind.
            let document = Html::parse_document(&reply.body);
            let meta = Selector::parse("meta[name=tb-action-error]").unwrap();
            let carried = document
                .select(&meta)
                .next()
                .and_then(|m| m.value().attr("content"))
                .map(|c| base64::engine::general_purpose::URL_SAFE.decode(c).unwrap())
                .map(|bytes| String::from_utf8(bytes).unwrap());
            let carried = carried.unwrap_or_else(|| panic!("{path}: no error carried for the islands"));
            assert!(!carried.contains("0900"), "{path}: {carried}");
        }
        // The planted sentence of a refusal that has no fields.
        let forged = serde_json::json!({ "NominationRefused": { "code": planted, "refusal": "NotNominated" } });
        let encoded = base64::engine::general_purpose::URL_SAFE.encode(forged.to_string());
        let reply = app
            .get(&format!("/sign-in?__path=/api/sign_in&__err={encoded}"), &anonymous)
            .await;
        assert!(!reply.body.contains("0900 123 456"), "{}", shown_errors(&reply));

        // Upload problems: only the place of the file and the kind of
        // refusal travel in the address; a name in it is not read.
        let entrant = app.entrant("Chủ Cơ Sở", "coso@x.vn").await;
        let forged = serde_json::json!([{ "name": planted, "position": 1, "refusal": "Damaged" }]);
        let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(forged.to_string());
        let reply = app
            .get(
                &format!("/entries/00000000-0000-4000-8000-000000000000?upload_errors={encoded}"),
                &entrant,
            )
            .await;
        assert!(!reply.body.contains("0900 123 456"));
        app.cleanup().await;
    }
}
