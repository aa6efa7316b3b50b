//! The council through the real router, on SQLite and PostgreSQL: members'
//! votes, ties, the meeting's tally, sets of products and the decision
//! that issues certificates.

mod common;

use app::api::council::{CouncilItem, CouncilPage};
use app::db::audit::AuditRecord;
use app::domain::audit::AuditAction;
use app::domain::council::{CouncilRefusal, Outcome};
use app::domain::jury::JudgingRefusal;
use app::domain::lifecycle::RoundState;
use app::domain::time::Timestamp;
use app::domain::validation::Problem;
use app::error::AppError;
use common::world::*;
use common::{Actor, Reply};
use http::StatusCode;

async fn council_page(w: &World, actor: &Actor) -> CouncilPage {
    let reply = w.app.call("council_page", actor, &[("round", &w.round)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn item<'a>(page: &'a CouncilPage, entry: &str) -> &'a CouncilItem {
    page.items
        .iter()
        .find(|i| i.row.entry.to_string() == entry)
        .unwrap_or_else(|| panic!("{entry} is not on the council's page"))
}

async fn vote(w: &World, actor: &Actor, entry: &str, recognise: &str, nominate: &str) -> Reply {
    w.app
        .call(
            "cast_council_vote",
            actor,
            &[("entry", entry), ("recognise", recognise), ("nominate", nominate)],
        )
        .await
}

async fn tally(
    w: &World,
    actor: &Actor,
    entry: &str,
    present: &str,
    recognise: [&str; 3],
    nominate: [&str; 3],
) -> Reply {
    w.app
        .call(
            "record_council_tally",
            actor,
            &[
                ("entry", entry),
                ("counts[present]", present),
                ("counts[recognise_for]", recognise[0]),
                ("counts[recognise_against]", recognise[1]),
                ("counts[recognise_abstain]", recognise[2]),
                ("counts[nominate_for]", nominate[0]),
                ("counts[nominate_against]", nominate[1]),
                ("counts[nominate_abstain]", nominate[2]),
            ],
        )
        .await
}

async fn figures(w: &World) -> app::api::statistics::Statistics {
    let reply = w.app.call("statistics", &Actor::anonymous(), &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn refused(reply: &Reply, refusal: CouncilRefusal) {
    assert_eq!(reply.error(), AppError::CouncilRefused(refusal), "{}", reply.body);
}

fn problems(reply: &Reply) -> Vec<(String, Problem)> {
    reply
        .error()
        .field_errors()
        .iter()
        .map(|e| (e.field.clone(), e.problem.clone()))
        .collect()
}

async fn audit(w: &World, action: AuditAction) -> Vec<AuditRecord> {
    let mut conn = w.app.state.store.pool().acquire().await.unwrap();
    app::db::audit::list(&mut conn, None, Some(action), 1000).await.unwrap()
}

/// Scores the round in judging: a 78 (88, 68), b 70 (50, 90), c 55
/// (below), own 80 (juror three owns it; juror one alone scores it), a2 76.
/// Then deliberation.
async fn scored(w: &World) {
    score(w, &w.one, &w.a, ["36", "34", "9", "9"]).await;
    score(w, &w.two, &w.a, ["28", "26", "7", "7"]).await;
    score(w, &w.one, &w.b, ["20", "20", "5", "5"]).await;
    score(w, &w.two, &w.b, ["36", "36", "9", "9"]).await;
    score(w, &w.one, &w.c, ["25", "25", "5", "5"]).await;
    score(w, &w.three, &w.c, ["20", "20", "5", "5"]).await;
    score(w, &w.one, &w.own, ["32", "32", "8", "8"]).await;
    if let Some(a2) = &w.a2 {
        score(w, &w.one, a2, ["30", "30", "8", "8"]).await;
        score(w, &w.two, a2, ["30", "30", "8", "8"]).await;
    }
    ok(&move_round(w, "deliberation", "").await);
}

/// Judges `a` (78; with `b` too, 50, below the threshold, when `with_b`),
/// opens deliberation, has two members recognise `a` (and answer `nominate`
/// on nominating it) and records the decision.
async fn a_decided(w: &World, with_b: bool, nominate: &str) {
    to_judging(w).await;
    score(w, &w.one, &w.a, ["36", "34", "9", "9"]).await;
    score(w, &w.two, &w.a, ["28", "26", "7", "7"]).await;
    if with_b {
        score(w, &w.one, &w.b, ["20", "20", "5", "5"]).await;
        score(w, &w.two, &w.b, ["20", "20", "5", "5"]).await;
    }
    ok(&move_round(w, "deliberation", "Nhóm 2 chưa chấm").await);
    for member in [&w.council, &w.council2] {
        ok(&vote(w, member, &w.a, "for", nominate).await);
    }
    ok(&decide(w, &w.secretary, "1234/QĐ-UBND", &today(), "Nguyễn Văn A").await);
}

#[tokio::test]
async fn members_vote_and_the_rounds_rules_give_the_outcome() {
    each_world(|w| async move {
        to_judging(&w).await;
        let early = w.app.call("council_page", &w.council, &[("round", &w.round)]).await;
        assert_eq!(early.error(), AppError::JudgingRefused(JudgingRefusal::ReportNotOpen));
        refused(
            &vote(&w, &w.council, &w.a, "for", "").await,
            CouncilRefusal::NotDeliberating,
        );
        scored(&w).await;

        let page = council_page(&w, &w.council).await;
        assert!(page.is_member && !page.can_manage && page.open);
        assert_eq!(page.members, 3);
        let order: Vec<_> = page
            .items
            .iter()
            .map(|i| (i.row.code.as_str(), i.row.figures.reaches))
            .collect();
        assert_eq!(
            order,
            [("1-001", true), ("1-002", true), ("2-002", true), ("2-001", false)],
            "those reaching the threshold first"
        );
        assert_eq!(
            item(&page, &w.a).standing.recognition,
            Outcome::NoQuorum,
            "nobody voted yet"
        );

        // Votes: a member's second vote replaces the first.
        ok(&vote(&w, &w.council, &w.a, "against", "").await);
        ok(&vote(&w, &w.council, &w.a, "for", "for").await);
        ok(&vote(&w, &w.council2, &w.a, "for", "").await);
        ok(&vote(&w, &w.council3, &w.a, "against", "against").await);
        let page = council_page(&w, &w.council).await;
        let a = item(&page, &w.a);
        assert_eq!(
            (
                a.standing.recognise.present,
                a.standing.recognise.for_votes,
                a.standing.recognise.against
            ),
            (3, 2, 1)
        );
        assert_eq!(a.standing.recognition, Outcome::Carried, "2 of 3 is a majority");
        assert_eq!(a.standing.nomination, Outcome::NotCarried, "1 for, 1 against, 1 blank");
        assert_eq!(a.my_vote.unwrap().recognise, app::domain::council::Ballot::For);
        assert!(!a.standing.from_meeting);

        // Who may not vote, and on what.
        for actor in [&w.secretary, &w.one, &w.admin] {
            let reply = vote(&w, actor, &w.a, "for", "").await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
            refused(&reply, CouncilRefusal::NotAMember);
        }
        assert_eq!(
            vote(&w, &w.owner_a, &w.a, "for", "").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            vote(&w, &Actor::anonymous(), &w.a, "for", "").await.status,
            StatusCode::UNAUTHORIZED
        );
        refused(
            &vote(&w, &w.council, &w.c, "for", "").await,
            CouncilRefusal::BelowThreshold,
        );
        assert_eq!(
            problems(&vote(&w, &w.council, &w.b, "maybe", "perhaps").await),
            [
                ("recognise".into(), Problem::NotAChoice),
                ("nominate".into(), Problem::NotAChoice)
            ]
        );

        // A member tied to a business does not vote on its entry; a vote
        // cast before the declaration is withdrawn.
        ok(&vote(&w, &w.council3, &w.b, "against", "").await);
        ok(&w
            .app
            .call(
                "declare_council_tie",
                &w.council3,
                &[("entry", &w.b), ("tie", "relative"), ("note", "")],
            )
            .await);
        refused(
            &vote(&w, &w.council3, &w.b, "for", "").await,
            CouncilRefusal::Conflicted,
        );
        let page = council_page(&w, &w.council3).await;
        let b = item(&page, &w.b);
        assert!(b.my_conflict);
        assert_eq!(
            (b.standing.voters, b.standing.recognise.present),
            (2, 0),
            "the withdrawn vote no longer counts"
        );

        // The meeting's tally, by the secretariat, checked.
        let reply = tally(&w, &w.secretary, &w.b, "3", ["2", "0", "0"], ["0", "0", "0"]).await;
        assert_eq!(problems(&reply), [("present".into(), Problem::MorePresentThanMembers)]);
        let reply = tally(&w, &w.secretary, &w.b, "2", ["2", "1", "0"], ["1", "1", "1"]).await;
        assert_eq!(
            problems(&reply),
            [
                ("recognise_for".into(), Problem::MoreVotesThanPresent),
                ("nominate_for".into(), Problem::MoreVotesThanPresent)
            ]
        );
        let reply = tally(&w, &w.secretary, &w.b, "", ["hai", "1,5", "-1"], ["", "", ""]).await;
        assert_eq!(
            problems(&reply),
            [
                ("present".into(), Problem::Required),
                ("recognise_for".into(), Problem::NotANumber),
                ("recognise_against".into(), Problem::WholeNumberRequired),
                (
                    "recognise_abstain".into(),
                    Problem::OutOfRange {
                        min: "0".into(),
                        max: "10000".into()
                    }
                ),
            ]
        );
        let reply = tally(&w, &w.council, &w.b, "2", ["2", "0", "0"], ["2", "0", "0"]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        ok(&tally(&w, &w.secretary, &w.b, "2", ["2", "0", "0"], ["2", "0", "0"]).await);
        let page = council_page(&w, &w.secretary).await;
        assert!(page.can_manage && !page.is_member);
        let b = item(&page, &w.b);
        assert!(b.standing.from_meeting);
        assert_eq!(
            (b.standing.recognition, b.standing.nomination),
            (Outcome::Carried, Outcome::Carried)
        );

        // A tie at the majority does not recognise (the default rule).
        ok(&vote(&w, &w.council, &w.own, "for", "").await);
        ok(&vote(&w, &w.council2, &w.own, "against", "").await);
        let page = council_page(&w, &w.council).await;
        assert_eq!(item(&page, &w.own).standing.recognition, Outcome::Tied);

        for kind in [
            AuditAction::CouncilVoteCast,
            AuditAction::CouncilConflictDeclared,
            AuditAction::CouncilTallyRecorded,
        ] {
            assert!(!audit(&w, kind).await.is_empty(), "{kind:?} is audited");
        }
        let replaced = audit(&w, AuditAction::CouncilVoteCast).await;
        assert!(replaced.iter().any(|r| {
            let d: serde_json::Value = serde_json::from_str(r.details.as_deref().unwrap_or("null")).unwrap();
            d["before"]["recognise"] == "against" && d["after"]["recognise"] == "for"
        }));
        w
    })
    .await;
}

#[tokio::test]
async fn the_decision_issues_certificates_once_and_closes_the_vote() {
    each_world(|w| async move {
        to_judging(&w).await;
        scored(&w).await;
        for member in [&w.council, &w.council2, &w.council3] {
            ok(&vote(&w, member, &w.a, "for", "for").await);
        }
        // b and own have no vote yet: the decision waits for them.
        let reply = decide(&w, &w.secretary, "1234/QĐ-UBND", &today(), "Nguyễn Văn A").await;
        refused(&reply, CouncilRefusal::VotesMissing);
        for member in [&w.council, &w.council2] {
            ok(&vote(&w, member, &w.b, "for", "against").await);
            ok(&vote(&w, member, &w.own, "against", "").await);
        }

        let scores = format!("/rounds/{}/scores.xlsx", w.round);
        assert_eq!(
            w.app.get(&scores, &w.secretary).await.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the score table waits for the decision"
        );
        // Bad input is refused field by field; only the secretariat decides.
        let reply = decide(&w, &w.secretary, " ", "31/02/2026", "").await;
        assert_eq!(
            problems(&reply),
            [
                ("decision_number".into(), Problem::Required),
                ("signer".into(), Problem::Required),
                ("decided_on".into(), Problem::InvalidDateTime),
            ]
        );
        let reply = decide(&w, &w.secretary, "1234/QĐ-UBND", "31/12/2099", "Nguyễn Văn A").await;
        assert_eq!(problems(&reply), [("decided_on".into(), Problem::MustNotBeInFuture)]);
        let reply = decide(&w, &w.council, "1234/QĐ-UBND", &today(), "Nguyễn Văn A").await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);

        ok(&decide(
            &w,
            &w.secretary,
            "1234/QĐ-UBND",
            &today(),
            "Nguyễn Văn A, Phó Chủ tịch UBND tỉnh",
        )
        .await);
        let page = council_page(&w, &w.council).await;
        assert_eq!(page.state, RoundState::Decided);
        assert!(!page.open);
        let decision = page.decision.clone().unwrap();
        assert_eq!(decision.number, "1234/QĐ-UBND");
        let year = Timestamp::now().vn_year();
        let pattern = detail(&w.app, &w.secretary, &w.round).await.form.certificate_pattern;
        let number = |seq| app::domain::certificate::format_number(&pattern, seq, year);
        let a = item(&page, &w.a);
        assert_eq!(a.result, Some((true, true)));
        assert_eq!(a.certificate.as_deref(), Some(number(1).as_str()));
        let b = item(&page, &w.b);
        assert_eq!(b.result, Some((true, false)));
        assert_eq!(b.certificate.as_deref(), Some(number(2).as_str()));
        assert_eq!(item(&page, &w.own).result, Some((false, false)));
        assert_eq!(item(&page, &w.own).certificate, None);
        assert_eq!(item(&page, &w.c).result, Some((false, false)), "below the threshold");

        // Once decided: no second decision, no more votes or tallies.
        refused(
            &decide(&w, &w.secretary, "9999/QĐ-UBND", &today(), "Người Khác").await,
            CouncilRefusal::Decided,
        );
        refused(
            &vote(&w, &w.council, &w.a, "against", "").await,
            CouncilRefusal::Decided,
        );
        refused(
            &tally(&w, &w.secretary, &w.a, "3", ["0", "3", "0"], ["0", "0", "0"]).await,
            CouncilRefusal::Decided,
        );
        // Deliberation cannot reopen: certificates are issued.
        let back = move_round(&w, "deliberation", "Nhầm").await;
        assert!(matches!(back.error(), AppError::MoveRefused(_)), "{}", back.body);

        assert_eq!(audit(&w, AuditAction::DecisionRecorded).await.len(), 1);
        let issued = audit(&w, AuditAction::CertificateIssued).await;
        let mut numbers: Vec<_> = issued.iter().filter_map(|r| r.target_name.clone()).collect();
        numbers.sort();
        assert_eq!(numbers, [number(1), number(2)]);

        // The results and the full score table, as a workbook.
        let xlsx = w.app.get(&scores, &w.council).await;
        assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes.clone())).expect("an XLSX is a zip");
        let mut strings = String::new();
        std::io::Read::read_to_string(&mut book.by_name("xl/sharedStrings.xml").unwrap(), &mut strings).unwrap();
        assert!(
            strings.contains(&number(1)) && strings.contains("Giám Khảo Một") && strings.contains("Bình gốm men rạn"),
            "{strings}"
        );
        assert_eq!(w.app.get(&scores, &w.one).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            w.app.get(&scores, &Actor::anonymous()).await.status,
            StatusCode::UNAUTHORIZED
        );
        let html = w.app.get(&format!("/rounds/{}/council", w.round), &w.secretary).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(
            html.body.contains("Quyết định số 1234/QĐ-UBND") && html.body.contains(&number(1)),
            "{}",
            html.body
        );
        w
    })
    .await;
}

#[tokio::test]
async fn entries_of_one_business_merge_into_a_set_with_one_certificate() {
    each_world_with_set(|w| async move {
        to_judging(&w).await;
        scored(&w).await;
        let a2 = w.a2.clone().unwrap();
        let form = |entries: Vec<&str>, name: &str| {
            let mut fields = vec![("round", w.round.as_str()), ("set_name", name)];
            for e in entries {
                fields.push(("entries[]", e));
            }
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        let call = |fields: Vec<(String, String)>, actor: &'static str| {
            let w = &w;
            async move {
                let actor = if actor == "secretary" { &w.secretary } else { &w.council };
                let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                w.app.call("form_set", actor, &borrowed).await
            }
        };
        let page = council_page(&w, &w.secretary).await;
        assert_eq!(page.set_candidates.len(), 1, "{:?}", page.set_candidates);
        assert_eq!(page.set_candidates[0].business, "Hộ Gốm A");
        // Not across businesses, not alone, not without a name.
        refused(
            &call(form(vec![&w.a, &w.b], "Bộ"), "secretary").await,
            CouncilRefusal::BadSet,
        );
        refused(&call(form(vec![&w.a], "Bộ"), "secretary").await, CouncilRefusal::BadSet);
        assert_eq!(
            problems(&call(form(vec![&w.a, &a2], ""), "secretary").await),
            [("set_name".into(), Problem::Required)]
        );
        assert_eq!(
            call(form(vec![&w.a, &a2], "Bộ gốm"), "council").await.status,
            StatusCode::FORBIDDEN
        );
        ok(&call(form(vec![&w.a, &a2], "Bộ gốm men rạn"), "secretary").await);
        let page = council_page(&w, &w.secretary).await;
        assert_eq!(page.sets.len(), 1);
        assert_eq!(page.sets[0].entries.len(), 2);
        assert!(page.set_candidates.is_empty());
        assert_eq!(item(&page, &a2).set.as_deref(), Some("Bộ gốm men rạn"));
        // In one set only.
        refused(
            &call(form(vec![&w.a, &a2], "Bộ khác"), "secretary").await,
            CouncilRefusal::BadSet,
        );

        // Dissolving and forming again is audited each time.
        let set = page.sets[0].id.clone();
        ok(&w
            .app
            .call("dissolve_set", &w.secretary, &[("round", &w.round), ("set", &set)])
            .await);
        ok(&call(form(vec![&w.a, &a2], "Bộ gốm men rạn"), "secretary").await);
        assert_eq!(audit(&w, AuditAction::ProductSetChanged).await.len(), 3);

        for entry in [&w.a, &a2, &w.b] {
            for member in [&w.council, &w.council2] {
                ok(&vote(&w, member, entry, "for", "").await);
            }
        }
        for member in [&w.council, &w.council2] {
            ok(&vote(&w, member, &w.own, "against", "").await);
        }
        ok(&decide(&w, &w.secretary, "77/QĐ-UBND", &today(), "Nguyễn Văn A").await);
        let page = council_page(&w, &w.secretary).await;
        let held = item(&page, &w.a).certificate.clone().unwrap();
        assert_eq!(
            item(&page, &a2).certificate.as_ref(),
            Some(&held),
            "one certificate for the set"
        );
        assert_ne!(item(&page, &w.b).certificate.as_ref(), Some(&held));
        assert_eq!(audit(&w, AuditAction::CertificateIssued).await.len(), 2);
        // The round can be published: every certificate called for exists.
        ok(&move_round(&w, "published", "").await);
        // The public results list both entries of the set under its name,
        // each with the certificate the set holds.
        let reply = w
            .app
            .call("round_results", &Actor::anonymous(), &[("round", &w.round)])
            .await;
        let results: app::api::results::RoundResults = serde_json::from_str(&reply.body).unwrap();
        let mut listed: Vec<_> = results
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .filter(|i| i.certificate.as_ref() == Some(&held))
            .map(|i| (i.entry.to_string(), i.set.is_some()))
            .collect();
        listed.sort();
        let mut expected = vec![(w.a.clone(), true), (a2.clone(), true)];
        expected.sort();
        assert_eq!(listed, expected, "{}", reply.body);
        w
    })
    .await;
}

#[tokio::test]
async fn the_entrant_downloads_the_certificate_and_reads_the_feedback() {
    each_world(|w| async move {
        to_judging(&w).await;
        // The jurors' comments reach the entrant without their names.
        ok(&declare(&w, &w.one, &w.a, "", "none", "").await);
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        let lines: Vec<(String, String)> = p
            .spec
            .lines()
            .zip(["36", "34", "9", "9"])
            .map(|(l, v)| (l.key.clone(), v.to_string()))
            .collect();
        ok(&save(
            &w,
            &w.one,
            save_fields(&w.a, "", "0", "submit", &lines, "Men rạn đẹp, cần bao bì tốt hơn."),
        )
        .await);
        score(&w, &w.two, &w.a, ["28", "26", "7", "7"]).await;
        score(&w, &w.one, &w.b, ["20", "20", "5", "5"]).await;
        score(&w, &w.two, &w.b, ["20", "20", "5", "5"]).await;
        ok(&move_round(&w, "deliberation", "Nhóm 2 chưa chấm").await);
        let path = format!("/entries/{}/certificate.pdf", w.a);
        let before = w.app.get(&path, &w.owner_a).await;
        assert_eq!(before.status, StatusCode::NOT_FOUND, "nothing decided yet");
        for member in [&w.council, &w.council2, &w.council3] {
            ok(&vote(&w, member, &w.a, "for", "").await);
        }
        ok(&decide(&w, &w.secretary, "1234/QĐ-UBND", &today(), "Nguyễn Văn A").await);
        let pattern = detail(&w.app, &w.secretary, &w.round).await.form.certificate_pattern;
        let number = app::domain::certificate::format_number(&pattern, 1, Timestamp::now().vn_year());

        // The entrant's dashboard offers it.
        let mine: app::api::entries::MyEntries =
            serde_json::from_str(&w.app.call("my_entries", &w.owner_a, &[]).await.body).unwrap();
        let listed = mine.entries.iter().find(|e| e.id.to_string() == w.a).unwrap();
        assert_eq!(listed.outcome, Some((true, false)));
        assert_eq!(listed.certificate.as_ref().map(|c| c.0.clone()), Some(number.clone()));
        assert!(!listed.published);

        let pdf = w.app.get(&path, &w.owner_a).await;
        assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&pdf.bytes).expect("a readable PDF");
        for expected in [
            number.as_str(),
            "GIẤY CHỨNG NHẬN",
            "Bình gốm men rạn",
            "Hộ Gốm A",
            "1234/QĐ-UBND",
            "Ủy ban nhân dân tỉnh Đồng Nai",
        ] {
            assert!(text.contains(expected), "{expected} missing from: {text}");
        }
        // Its round's council and secretariat have it too; nobody else.
        assert_eq!(w.app.get(&path, &w.council).await.status, StatusCode::OK);
        assert_eq!(w.app.get(&path, &w.one).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            w.app.get(&path, &Actor::anonymous()).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            w.app.get(&path, &w.owner_b).await.status,
            StatusCode::NOT_FOUND,
            "another business"
        );
        // b reached the threshold but had no majority: no certificate, said plainly.
        let unrecognised = w
            .app
            .get(&format!("/entries/{}/certificate.pdf", w.b), &w.secretary)
            .await;
        assert_eq!(unrecognised.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            unrecognised.body.contains("không được công nhận"),
            "{}",
            unrecognised.body
        );

        // Feedback waits for publication, then shows the scores and the
        // comments, never a juror's name.
        let early = w.app.call("entry_feedback", &w.owner_a, &[("entry", &w.a)]).await;
        refused(&early, CouncilRefusal::NotPublished);
        ok(&move_round(&w, "published", "").await);
        let reply = w.app.call("entry_feedback", &w.owner_a, &[("entry", &w.a)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let feedback: app::api::council::EntryFeedback = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(
            feedback.official.unwrap().rounded(),
            app::domain::points::Points::whole(78)
        );
        assert_eq!(feedback.comments, ["Men rạn đẹp, cần bao bì tốt hơn."]);
        assert!(feedback.recognised && !feedback.nominated);
        assert_eq!(feedback.per_criterion.len(), feedback.criteria.len());
        let other = w.app.call("entry_feedback", &w.owner_a, &[("entry", &w.b)]).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "only one's own entries");
        let html = w.app.get(&format!("/entries/{}/feedback", w.a), &w.owner_a).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(
            html.body.contains("Men rạn đẹp") && !html.body.contains("Giám Khảo Một"),
            "{}",
            html.body
        );
        let dashboard = w.app.get("/entries", &w.owner_a).await;
        assert!(dashboard.body.contains(&format!("/entries/{}/certificate.pdf", w.a)));
        assert!(dashboard.body.contains(&format!("/entries/{}/feedback", w.a)));
        w
    })
    .await;
}

#[tokio::test]
async fn anyone_checks_a_published_certificate_and_an_administrator_revokes_it() {
    use app::api::verify::{VerifyAnswer, VerifyOutcome};
    use app::domain::certificate::CertificateStatus;
    each_world(|w| async move {
        a_decided(&w, false, "").await;
        let pattern = detail(&w.app, &w.secretary, &w.round).await.form.certificate_pattern;
        let number = app::domain::certificate::format_number(&pattern, 1, Timestamp::now().vn_year());
        let check = |actor: &Actor, number: String| {
            let w = &w;
            let actor = actor.clone();
            async move {
                let reply = w.app.call("verify_certificate", &actor, &[("number", &number)]).await;
                assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
                serde_json::from_str::<VerifyAnswer>(&reply.body).unwrap()
            }
        };
        let anonymous = Actor::anonymous();
        // Decided but not published: the public learns nothing yet.
        assert_eq!(check(&anonymous, number.clone()).await.outcome, VerifyOutcome::NotFound);
        let open_data = w.app.get("/open-data/certificates.csv", &anonymous).await;
        assert_eq!(open_data.status, StatusCode::OK);
        assert!(!open_data.body.contains(&number), "{}", open_data.body);
        ok(&move_round(&w, "published", "").await);
        let open_data = w.app.get("/open-data/certificates.csv", &anonymous).await;
        assert_eq!(open_data.header("content-type"), Some("text/csv; charset=utf-8"));
        let mut lines = open_data.body.lines();
        assert!(lines.next().unwrap().starts_with("\u{FEFF}Số giấy chứng nhận,"));
        let row = lines.next().unwrap();
        assert!(
            row.starts_with(&format!("{number},Bình gốm men rạn,Hộ Gốm A,")) && row.ends_with(",Còn hiệu lực"),
            "{row}"
        );
        let answer = check(&anonymous, format!("  {number} ")).await;
        let VerifyOutcome::Found(found) = answer.outcome else {
            panic!("{answer:?}")
        };
        assert_eq!(found.status, CertificateStatus::Valid);
        assert_eq!(found.product, "Bình gốm men rạn");
        assert_eq!(found.business, "Hộ Gốm A");
        assert_eq!(found.decision_number, "1234/QĐ-UBND");
        assert!(!answer.can_revoke);

        // Odd input gets a plain answer, never an error.
        for odd in ["' OR 1=1 --", ".*", "%", "001/2026/GCN-CNNT\u{0301}"] {
            assert_eq!(
                check(&anonymous, odd.into()).await.outcome,
                VerifyOutcome::NotFound,
                "{odd}"
            );
        }
        assert_eq!(
            check(&anonymous, "9".repeat(10_000)).await.outcome,
            VerifyOutcome::Malformed
        );
        assert_eq!(check(&anonymous, "   ".into()).await.outcome, VerifyOutcome::Empty);

        // The QR code's address, as a page.
        let page = w
            .app
            .get(&app::domain::certificate::verify_path(&number), &anonymous)
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Còn hiệu lực") && page.body.contains("Hộ Gốm A"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("Giám Khảo"), "no juror's name on a public page");

        // Revoking: administrators only, with a reason, once.
        let revoke = |actor: &Actor, reason: &str| {
            let (w, actor, number, reason) = (&w, actor.clone(), number.clone(), reason.to_owned());
            async move {
                w.app
                    .call(
                        "revoke_certificate",
                        &actor,
                        &[("number", &number), ("reason", &reason)],
                    )
                    .await
            }
        };
        assert_eq!(revoke(&w.secretary, "Sai sót").await.status, StatusCode::FORBIDDEN);
        assert_eq!(revoke(&anonymous, "Sai sót").await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            problems(&revoke(&w.admin, "  ").await),
            [("reason".into(), Problem::Required)]
        );
        let pdf = format!("/entries/{}/certificate.pdf", w.a);
        assert_eq!(w.app.get(&pdf, &w.owner_a).await.status, StatusCode::OK);
        ok(&revoke(&w.admin, "Cơ sở ngừng sản xuất sản phẩm.").await);
        assert_eq!(revoke(&w.admin, "Lần nữa").await.status, StatusCode::CONFLICT);
        // A revoked certificate is not printed again.
        let refused = w.app.get(&pdf, &w.owner_a).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("đã bị thu hồi"), "{}", refused.body);
        let answer = check(&w.admin, number.clone()).await;
        assert!(answer.can_revoke);
        let VerifyOutcome::Found(found) = answer.outcome else {
            panic!("{answer:?}")
        };
        assert_eq!(found.status, CertificateStatus::Revoked);
        assert_eq!(found.revoked.unwrap().1, "Cơ sở ngừng sản xuất sản phẩm.");
        assert_eq!(audit(&w, AuditAction::CertificateRevoked).await.len(), 1);
        let open_data = w.app.get("/open-data/certificates.csv", &anonymous).await;
        assert!(open_data.body.contains(",Đã thu hồi"), "{}", open_data.body);
        w
    })
    .await;
}

#[tokio::test]
async fn a_published_round_that_recognised_nothing_still_shows_its_decision() {
    use app::api::results::RoundResults;
    each_world(|w| async move {
        to_judging(&w).await;
        score(&w, &w.one, &w.a, ["36", "34", "9", "9"]).await;
        score(&w, &w.two, &w.a, ["28", "26", "7", "7"]).await;
        ok(&move_round(&w, "deliberation", "Nhóm 2 chưa chấm").await);
        for member in [&w.council, &w.council2] {
            ok(&vote(&w, member, &w.a, "against", "").await);
        }
        ok(&decide(&w, &w.secretary, "1234/QĐ-UBND", &today(), "Nguyễn Văn A").await);
        ok(&move_round(&w, "published", "").await);
        let anonymous = Actor::anonymous();
        let reply = w.app.call("round_results", &anonymous, &[("round", &w.round)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let results: RoundResults = serde_json::from_str(&reply.body).unwrap();
        assert!(results.groups.iter().all(|g| g.items.is_empty()), "{results:?}");
        assert_eq!(results.entries, 4, "the eligible entries the council considered");
        assert_eq!(results.decision_number, "1234/QĐ-UBND");
        let page = w.app.get(&format!("/results/{}", w.round), &anonymous).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("1234/QĐ-UBND"), "{}", page.body);
        w
    })
    .await;
}

#[tokio::test]
async fn the_public_results_show_the_recognised_products_once_published() {
    use app::api::results::RoundResults;
    use app::domain::ids::EntryId;
    use app::domain::upload::FileKind;
    each_world(|w| async move {
        a_decided(&w, true, "for").await;
        // The photos get their resized copies (the test files skip the
        // image pipeline, which has tests of its own).
        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        for entry in [&w.a, &w.b] {
            sqlx::query(
                "UPDATE entry_files SET thumb_hash = content_hash, medium_hash = content_hash WHERE entry_id = $1",
            )
            .bind(entry.as_str())
            .execute(&mut *conn)
            .await
            .unwrap();
        }
        let files_of = |entry: &str| {
            let entry = EntryId::parse(entry).unwrap();
            let store = w.app.state.store.clone();
            async move {
                let mut conn = store.pool().acquire().await.unwrap();
                app::db::entries::files_of(&mut conn, entry).await.unwrap()
            }
        };
        let a_files = files_of(&w.a).await;
        let photo = a_files.iter().find(|f| f.kind == FileKind::Photo).unwrap().id;
        let document = a_files.iter().find(|f| f.kind != FileKind::Photo).unwrap().id;
        let b_photo = files_of(&w.b)
            .await
            .into_iter()
            .find(|f| f.kind == FileKind::Photo)
            .unwrap()
            .id;
        drop(conn);
        let anonymous = Actor::anonymous();
        let thumb = format!("/files/{photo}/thumb");

        // Decided is not published: nothing shows yet.
        let early = w.app.call("round_results", &anonymous, &[("round", &w.round)]).await;
        assert_eq!(early.status, StatusCode::NOT_FOUND);
        assert_eq!(w.app.get(&thumb, &anonymous).await.status, StatusCode::UNAUTHORIZED);
        let early_csv = w
            .app
            .get(&format!("/results/{}/results.csv", w.round), &anonymous)
            .await;
        assert_eq!(early_csv.status, StatusCode::NOT_FOUND);
        assert_eq!(figures(&w).await.total.entries, 0, "unpublished rounds are not counted");

        ok(&move_round(&w, "published", "").await);
        let reply = w.app.call("round_results", &anonymous, &[("round", &w.round)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let results: RoundResults = serde_json::from_str(&reply.body).unwrap();
        let items: Vec<_> = results.groups.iter().flat_map(|g| g.items.iter()).collect();
        assert_eq!(items.len(), 1, "only the recognised product");
        assert_eq!(results.entries, 4, "the eligible entries the council considered");
        assert_eq!(items[0].product, "Bình gốm men rạn");
        assert_eq!(items[0].photo, Some(photo));
        assert!(items[0].nominated && items[0].certificate.is_some());
        assert_eq!(items[0].score.is_some(), results.show_scores);
        assert_eq!(results.decision_number, "1234/QĐ-UBND");

        let page = w.app.get(&format!("/results/{}", w.round), &anonymous).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Bình gốm men rạn") && page.body.contains(&thumb),
            "{}",
            page.body
        );
        assert!(
            !page.body.contains("Giỏ mây") && !page.body.contains("Giám Khảo"),
            "{}",
            page.body
        );
        let home = w.app.get("/", &anonymous).await;
        assert!(home.body.contains(&format!("/results/{}", w.round)));
        // The programme's figures count the four eligible entries.
        let stats = figures(&w).await;
        assert_eq!((stats.total.entries, stats.total.recognised), (4, 1));
        let by_group: Vec<_> = stats.by_group.iter().map(|l| (l.entries, l.recognised)).collect();
        assert_eq!(by_group, [(2, 1), (2, 0)]);
        assert_eq!((stats.score_bands[7], stats.score_bands[5]), (1, 1), "78 and 50");
        let page = w.app.get("/statistics", &anonymous).await;
        assert!(
            page.body.contains("<svg") && page.body.contains("25,0 %"),
            "{}",
            page.body
        );
        let csv = w.app.get("/statistics.csv", &anonymous).await;
        assert!(csv.body.contains("Tổng cộng,Tổng cộng,4,1,\"25,0 %\""), "{}", csv.body);
        let csv = w
            .app
            .get(&format!("/results/{}/results.csv", w.round), &anonymous)
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        let rows: Vec<&str> = csv.body.lines().collect();
        assert_eq!(rows.len(), 2, "{}", csv.body);
        assert!(
            rows[1].contains(",Bình gốm men rạn,,Hộ Gốm A,") && rows[1].contains(",Có"),
            "{}",
            rows[1]
        );

        // The recognised product's resized photos are public; its original,
        // its documents and an unrecognised product's photos are not.
        let public = w.app.get(&thumb, &anonymous).await;
        assert_eq!(public.status, StatusCode::OK);
        assert_eq!(public.header("cache-control"), Some("public, max-age=86400"));
        assert_eq!(
            w.app.get(&format!("/files/{photo}/medium"), &anonymous).await.status,
            StatusCode::OK
        );
        assert_eq!(
            w.app.get(&format!("/files/{photo}"), &anonymous).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            w.app.get(&format!("/files/{document}/thumb"), &anonymous).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            w.app.get(&format!("/files/{b_photo}/thumb"), &anonymous).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            w.app.get(&format!("/files/{photo}"), &w.owner_b).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            w.app.get(&format!("/files/{photo}"), &w.owner_a).await.status,
            StatusCode::OK
        );
        w
    })
    .await;
}

#[tokio::test]
async fn the_catalogue_finds_recognised_products_without_diacritics() {
    use app::api::catalogue::{CataloguePage, ProductPage};
    each_world(|w| async move {
        a_decided(&w, true, "").await;
        let anonymous = Actor::anonymous();
        let search = |q: String| {
            let (w, anonymous) = (&w, anonymous.clone());
            async move {
                let reply = w.app.call("catalogue", &anonymous, &[("q", &q)]).await;
                assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
                serde_json::from_str::<CataloguePage>(&reply.body).unwrap()
            }
        };
        assert_eq!(search(String::new()).await.total, 0, "nothing before publication");
        let product = w.app.call("catalogue_product", &anonymous, &[("entry", &w.a)]).await;
        assert_eq!(product.status, StatusCode::NOT_FOUND);

        ok(&move_round(&w, "published", "").await);
        for q in [
            "binh gom men ran",
            "BÌNH GỐM",
            "Bi\u{0300}nh go\u{0302}\u{0301}m",
            "ho gom a",
            "dong nai",
        ] {
            let page = search(q.into()).await;
            assert_eq!(page.total, 1, "{q}");
            assert_eq!(page.items[0].product, "Bình gốm men rạn");
        }
        for q in ["gio may", "' OR 1=1 --", ".*", "%", "_"] {
            assert_eq!(search(q.into()).await.total, 0, "{q}: only recognised products match");
        }
        let long = search("a".repeat(10_000)).await;
        assert_eq!((long.total, long.query.chars().count()), (0, 100));
        let filtered = w
            .app
            .call(
                "catalogue",
                &anonymous,
                &[("group", "2"), ("year", "1999"), ("page", "-5")],
            )
            .await;
        let filtered: CataloguePage = serde_json::from_str(&filtered.body).unwrap();
        assert_eq!((filtered.total, filtered.page), (0, 1));

        let reply = w.app.call("catalogue_product", &anonymous, &[("entry", &w.a)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let product: ProductPage = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(product.phone, "0912345678");
        assert!(product.item.certificate.is_some());
        assert_eq!(
            w.app
                .call("catalogue_product", &anonymous, &[("entry", &w.b)])
                .await
                .status,
            StatusCode::NOT_FOUND,
            "an unrecognised product has no page"
        );
        let html = w.app.get("/catalogue?q=nuoc+mam%27%3B--&group=9", &anonymous).await;
        assert_eq!(html.status, StatusCode::OK);
        let html = w.app.get("/catalogue?q=binh+gom", &anonymous).await;
        assert!(html.body.contains(&format!("/catalogue/{}", w.a)), "{}", html.body);
        let html = w.app.get(&format!("/catalogue/{}", w.a), &anonymous).await;
        assert!(
            html.body.contains("Hộ Gốm A") && html.body.contains("/verify/"),
            "{}",
            html.body
        );
        assert!(!html.body.contains("Giám Khảo"));
        w
    })
    .await;
}

#[tokio::test]
async fn anonymous_visits_of_public_pages_are_kept_briefly_and_a_change_shows_at_once() {
    each_world(|w| async move {
        a_decided(&w, false, "").await;
        let results = format!("/results/{}", w.round);
        let anonymous = Actor::anonymous();
        // Not published yet: not found, and not kept.
        let early = w.app.get(&results, &anonymous).await;
        assert_eq!(early.status, StatusCode::NOT_FOUND);
        assert!(!early.body.contains("Bình gốm men rạn"));
        assert_eq!(w.app.get(&results, &anonymous).await.header("x-cache"), None);
        // Publishing goes through this server: the next visit sees it.
        ok(&move_round(&w, "published", "").await);
        let first = w.app.get(&results, &anonymous).await;
        assert_eq!(first.status, StatusCode::OK);
        assert_eq!(first.header("x-cache"), None);
        assert!(first.body.contains("Bình gốm men rạn"));
        let second = w.app.get(&results, &anonymous).await;
        assert_eq!(second.header("x-cache"), Some("hit"));
        assert_eq!(second.body, first.body, "the same page, its nonce included");
        assert_eq!(
            second.header("content-security-policy"),
            first.header("content-security-policy")
        );
        // A signed-in visitor gets their own page.
        let signed_in = w.app.get(&results, &w.owner_a).await;
        assert_eq!(signed_in.status, StatusCode::OK);
        assert_eq!(signed_in.header("x-cache"), None);
        // A change through this server shows at once: the product of a
        // revoked certificate's check says so on the next visit.
        let number = app::domain::certificate::format_number("{seq}/{year}", 1, Timestamp::now().vn_year());
        let check = app::domain::certificate::verify_path(&number);
        assert!(w.app.get(&check, &anonymous).await.body.contains("Còn hiệu lực"));
        assert_eq!(w.app.get(&check, &anonymous).await.header("x-cache"), Some("hit"));
        ok(&w
            .app
            .call(
                "revoke_certificate",
                &w.admin,
                &[("number", &number), ("reason", "Cơ sở ngừng sản xuất.")],
            )
            .await);
        let after = w.app.get(&check, &anonymous).await;
        assert_eq!(after.header("x-cache"), None);
        assert!(after.body.contains("Đã bị thu hồi"), "{}", after.body);
        w
    })
    .await;
}

#[tokio::test]
async fn a_certificate_keeps_the_business_it_was_issued_to() {
    each_world(|w| async move {
        a_decided(&w, false, "").await;
        ok(&move_round(&w, "published", "").await);
        let number = app::domain::certificate::format_number("{seq}/{year}", 1, Timestamp::now().vn_year());
        // After the decision the business renames itself and moves.
        ok(&w
            .app
            .call(
                "save_business",
                &w.owner_a,
                &[
                    ("business_name", "Công ty Đổi Tên"),
                    ("legal_form", "household"),
                    ("registration_number", "99Z9999999"),
                    ("tax_code", ""),
                    ("province", "Bình Dương"),
                    ("commune", "Phường Mới"),
                    ("street", "Số 1"),
                    ("representative", "Người Khác"),
                    ("position", "Giám đốc"),
                    ("business_phone", "0912345678"),
                    ("business_email", ""),
                ],
            )
            .await);
        let anonymous = Actor::anonymous();
        // The check, the certificate, the results, the catalogue and the
        // open data still name the business as the decision did.
        let check = w
            .app
            .get(&app::domain::certificate::verify_path(&number), &anonymous)
            .await;
        assert!(
            check.body.contains("Hộ Gốm A") && !check.body.contains("Đổi Tên"),
            "{}",
            check.body
        );
        let pdf = w
            .app
            .get(&format!("/entries/{}/certificate.pdf", w.a), &w.owner_a)
            .await;
        let text = pdf_extract::extract_text_from_mem(&pdf.bytes).expect("a readable PDF");
        assert!(
            text.contains("Hộ Gốm A") && text.contains("Đồng Nai") && !text.contains("Đổi Tên"),
            "{text}"
        );
        for path in [
            format!("/results/{}", w.round),
            "/catalogue".to_owned(),
            "/open-data/certificates.csv".to_owned(),
        ] {
            let reply = w.app.get(&path, &anonymous).await;
            assert!(
                reply.body.contains("Hộ Gốm A") && !reply.body.contains("Đổi Tên"),
                "{path}: {}",
                reply.body
            );
        }
        w
    })
    .await;
}

/// The council of a round of 14 entries votes all at once, each member on
/// every entry, twice over: every vote is answered and counted, none waits
/// on another's report (votes read the round before they take the lock).
#[tokio::test]
async fn members_voting_at_once_are_all_answered_and_counted() {
    for backend in common::backends().await {
        let w = sized_world(backend, 10).await;
        to_judging(&w).await;
        for entry in [&w.a, &w.b].into_iter().chain(&w.extra) {
            score(&w, &w.one, entry, ["30", "30", "8", "8"]).await;
            score(&w, &w.two, entry, ["28", "28", "7", "7"]).await;
        }
        ok(&move_round(&w, "deliberation", "Nhóm 2 chưa chấm").await);
        let members = [&w.council, &w.council2, &w.council3];
        let entries: Vec<&String> = [&w.a, &w.b].into_iter().chain(&w.extra).collect();
        let mut calls: Vec<common::Call<'_>> = Vec::new();
        for pass in ["against", "for"] {
            for entry in &entries {
                for member in members {
                    calls.push((
                        "cast_council_vote",
                        member.clone(),
                        vec![
                            ("entry".into(), entry.to_string()),
                            ("recognise".into(), pass.into()),
                            ("nominate".into(), "".into()),
                        ],
                    ));
                }
            }
        }
        let total = calls.len();
        let replies = w.app.call_at_once(calls).await;
        let failed: Vec<_> = replies
            .iter()
            .filter(|r| r.status != StatusCode::OK)
            .map(|r| &r.body)
            .collect();
        assert!(
            failed.is_empty(),
            "{} of {total} votes refused: {failed:?}",
            failed.len()
        );
        let page: CouncilPage = serde_json::from_str(
            &w.app
                .call("council_page", &w.council, &[("round", &w.round)])
                .await
                .body,
        )
        .unwrap();
        for entry in &entries {
            let item = page.items.iter().find(|i| &i.row.entry.to_string() == *entry).unwrap();
            assert_eq!(
                item.standing.recognise.for_votes + item.standing.recognise.against + item.standing.recognise.abstain,
                3,
                "{item:?}"
            );
        }
        assert_eq!(audit(&w, AuditAction::CouncilVoteCast).await.len(), total);
        w.app.cleanup().await;
    }
}
