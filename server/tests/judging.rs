//! Screening, the jury's panel, conflicts of interest and score sheets
//! through the real router, on SQLite and PostgreSQL.

mod common;

use app::api::council::JuryReport;
use app::api::entries::screening::ScreeningRow;
use app::api::entries::{EntryDetail, MyEntries};
use app::api::judging::sheets::SheetSaved;
use app::api::judging::{Board, Stance, WorkRound};
use app::domain::entry::{EntryRefusal, EntryState};
use app::domain::ids::UserId;
use app::domain::jury::{JudgingRefusal, JurorAccess, Tie};
use app::domain::lifecycle::MoveRefusal;
use app::domain::points::Points;
use app::domain::scoring::SheetState;
use app::domain::validation::Problem;
use app::error::AppError;
use common::world::*;
use common::Actor;
use http::StatusCode;

#[tokio::test]
async fn screening_accepts_returns_and_rejects_and_the_entrant_is_told() {
    each_world(|w| async move {
        let list: Vec<ScreeningRow> = serde_json::from_str(
            &w.app
                .call("screening_list", &w.secretary, &[("round", &w.round)])
                .await
                .body,
        )
        .unwrap();
        assert_eq!(list.len(), 4);
        assert!(list.iter().all(|r| r.state == EntryState::Submitted));

        // Only the round's secretariat screens.
        for (actor, status) in [
            (&Actor::anonymous(), StatusCode::UNAUTHORIZED),
            (&w.owner_a, StatusCode::FORBIDDEN),
            (&w.one, StatusCode::NOT_FOUND),
            (&w.council, StatusCode::NOT_FOUND),
        ] {
            let reply = w.app.call("accept_entry", actor, &[("entry", &w.a)]).await;
            assert_eq!(reply.status, status, "{}", reply.body);
            let reply = w.app.call("screening_list", actor, &[("round", &w.round)]).await;
            assert!(!reply.status.is_success());
        }

        let reply = w.app.call("accept_entry", &w.secretary, &[("entry", &w.a)]).await;
        assert_eq!(serde_json::from_str::<String>(&reply.body).unwrap(), "1-001");
        let reply = w.app.call("accept_entry", &w.secretary, &[("entry", &w.c)]).await;
        assert_eq!(serde_json::from_str::<String>(&reply.body).unwrap(), "2-001");
        let reply = w.app.call("accept_entry", &w.secretary, &[("entry", &w.a)]).await;
        assert_eq!(
            reply.error(),
            AppError::EntryRefused(EntryRefusal::WrongState(EntryState::Accepted))
        );

        let reply = w
            .app
            .call("reject_entry", &w.secretary, &[("entry", &w.b), ("reason", "  ")])
            .await;
        assert_eq!(reply.error().field_errors()[0].problem, Problem::Required);
        ok(&w
            .app
            .call(
                "return_entry",
                &w.secretary,
                &[("entry", &w.b), ("message", "Thiếu ảnh mặt đáy.")],
            )
            .await);
        // Judging cannot start while an entry waits for its correction.
        let reply = move_round(&w, "judging", "").await;
        assert_eq!(
            reply.error(),
            AppError::MoveRefused(MoveRefusal::EntriesUnscreened { count: 2 })
        );
        ok(&w
            .app
            .call(
                "reject_entry",
                &w.secretary,
                &[("entry", &w.b), ("reason", "Sản phẩm không do cơ sở tự sản xuất.")],
            )
            .await);
        ok(&w.app.call("accept_entry", &w.secretary, &[("entry", &w.own)]).await);

        let mine: MyEntries = serde_json::from_str(&w.app.call("my_entries", &w.owner_a, &[]).await.body).unwrap();
        assert_eq!(mine.entries[0].state, EntryState::Accepted);
        let seen: EntryDetail =
            serde_json::from_str(&w.app.call("entry_detail", &w.owner_a, &[("entry", &w.a)]).await.body).unwrap();
        assert_eq!(seen.selection_code.as_deref(), Some("1-001"));
        let outbox = w.app.outbox().await;
        assert!(outbox.iter().any(|m| m.to == "a@x.vn" && m.body.contains("1-001")));
        assert!(outbox
            .iter()
            .any(|m| m.to == "b@x.vn" && m.body.contains("không do cơ sở tự sản xuất")));
        let audit = w.app.audit_actions().await;
        assert_eq!(audit.iter().filter(|a| *a == "entry.accepted").count(), 3);
        assert!(audit.contains(&"entry.ineligible".to_string()));

        ok(&move_round(&w, "judging", "").await);
        // The list of eligible entries is now fixed.
        let reply = w
            .app
            .call("reject_entry", &w.secretary, &[("entry", &w.a), ("reason", "Muộn")])
            .await;
        assert_eq!(
            reply.error(),
            AppError::EntryRefused(EntryRefusal::WrongState(EntryState::Accepted))
        );
        w
    })
    .await;
}

#[tokio::test]
async fn jurors_declare_before_seeing_a_dossier_and_conflicts_hide_it() {
    each_world(|w| async move {
        // Before judging, jurors see nothing.
        assert_eq!(sheet(&w, &w.one, &w.a, "").await.status, StatusCode::NOT_FOUND);
        to_judging(&w).await;

        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        assert_eq!(p.standing, JurorAccess::MustDeclare);
        assert!(
            p.dossier.is_none() && p.spec.criteria.is_empty(),
            "hidden until declared"
        );
        assert_eq!(p.business_name, "Hộ Gốm A");
        let files: EntryDetail =
            serde_json::from_str(&w.app.call("entry_detail", &w.owner_a, &[("entry", &w.a)]).await.body).unwrap();
        let file = format!("/files/{}", files.files[0].id);
        assert_eq!(
            w.app.call("entry_detail", &w.one, &[("entry", &w.a)]).await.status,
            StatusCode::FORBIDDEN
        );
        assert!(!w.app.get(&file, &w.one).await.status.is_success());

        ok(&declare(&w, &w.one, &w.a, "", "none", "").await);
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        assert_eq!(p.standing, JurorAccess::Scores);
        assert!(p.dossier.is_some() && p.can_edit);
        assert_eq!(p.spec.criteria.len(), 4);
        assert_eq!(w.app.get(&file, &w.one).await.status, StatusCode::OK);
        assert_eq!(
            w.app.get(&file, &w.two).await.status,
            StatusCode::NOT_FOUND,
            "not declared: no file"
        );

        // "Other" needs a note; a declared tie removes the entry.
        let reply = declare(&w, &w.two, &w.a, "", "other", "").await;
        assert_eq!(reply.error().field_errors()[0].field, "note");
        ok(&declare(&w, &w.two, &w.a, "", "relative", "Anh rể của chủ cơ sở").await);
        assert_eq!(sheet(&w, &w.two, &w.a, "").await.status, StatusCode::NOT_FOUND);
        assert_eq!(w.app.get(&file, &w.two).await.status, StatusCode::NOT_FOUND);
        let reply = declare(&w, &w.two, &w.a, "", "none", "").await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::TieStays));

        // Juror three represents the business of `own`: in conflict without declaring.
        let work: Vec<WorkRound> = serde_json::from_str(&w.app.call("my_judging", &w.three, &[]).await.body).unwrap();
        assert_eq!(work[0].items.len(), 1, "only entry c");
        assert_eq!(work[0].conflicts.len(), 1);
        assert_eq!(work[0].conflicts[0].entry.to_string(), w.own);
        assert_eq!(sheet(&w, &w.three, &w.own, "").await.status, StatusCode::NOT_FOUND);
        let reply = declare(&w, &w.three, &w.own, "", "none", "").await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::Conflicted));

        // A juror not assigned to an entry cannot reach it.
        assert_eq!(sheet(&w, &w.two, &w.c, "").await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            declare(&w, &w.two, &w.c, "", "none", "").await.status,
            StatusCode::NOT_FOUND
        );

        // The secretariat records a tie on a juror's behalf.
        let one_id = user_id(&w.app, &w.one).await;
        ok(&declare(&w, &w.secretary, &w.c, &one_id, "adviser", "Tư vấn kỹ thuật năm 2025").await);
        let work: Vec<WorkRound> = serde_json::from_str(&w.app.call("my_judging", &w.one, &[]).await.body).unwrap();
        assert!(work[0].items.iter().all(|i| i.entry.to_string() != w.c));
        let board: Board = serde_json::from_str(
            &w.app
                .call("jury_board", &w.secretary, &[("round", &w.round)])
                .await
                .body,
        )
        .unwrap();
        let c = board.entries.iter().find(|e| e.id.to_string() == w.c).unwrap();
        let one = c.jurors.iter().find(|j| j.user.to_string() == one_id).unwrap();
        assert!(matches!(&one.stance, Stance::Tie(t) if t.tie == Tie::Adviser && t.by_secretariat));
        let three = board.jurors.iter().find(|j| j.name == "Giám Khảo Ba").unwrap();
        assert_eq!((three.assigned, three.conflicts), (2, 1));
        let audit = w.app.audit_actions().await;
        assert!(audit.contains(&"jury.conflict_declared".to_string()));
        assert!(audit.contains(&"jury.conflict_recorded".to_string()));
        w
    })
    .await;
}

#[tokio::test]
async fn sheets_take_a_decimal_comma_refuse_bad_points_and_lock_on_submission() {
    each_world(|w| async move {
        to_judging(&w).await;
        ok(&declare(&w, &w.one, &w.a, "", "none", "").await);
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        let keys: Vec<String> = p.spec.lines().map(|l| l.key.clone()).collect();
        assert_eq!(keys.len(), 4, "no sub-criteria: one line per criterion group");

        let draft = vec![(keys[0].clone(), "32,5".to_string())];
        let reply = save(&w, &w.one, save_fields(&w.a, "", "0", "save", &draft, "")).await;
        let saved: SheetSaved = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(
            saved,
            SheetSaved {
                version: 1,
                submitted: false
            }
        );
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        assert_eq!(p.values.points[&keys[0]], "32,5");
        assert_eq!(p.values.state, Some(SheetState::Draft));

        // Bad points: each line says what is wrong, and nothing is stored.
        let bad = vec![
            (keys[0].clone(), "41".to_string()),
            (keys[1].clone(), "abc".to_string()),
            (keys[2].clone(), "7,55".to_string()),
            (keys[3].clone(), "-1".to_string()),
        ];
        let reply = save(&w, &w.one, save_fields(&w.a, "", "1", "save", &bad, "")).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let told: AppError = serde_json::from_str(&reply.body).unwrap();
        let AppError::Told(told) = told else {
            panic!("{}", reply.body)
        };
        let problems: Vec<&Problem> = told.error.field_errors().iter().map(|e| &e.problem).collect();
        assert_eq!(
            problems,
            [
                &Problem::OutOfRange {
                    min: "0".into(),
                    max: "40".into()
                },
                &Problem::NotANumber,
                &Problem::NotOnStep { step: "0,5".into() },
                &Problem::OutOfRange {
                    min: "0".into(),
                    max: "10".into()
                },
            ]
        );
        let text = told.error.field_errors()[0].text.clone().unwrap();
        assert!(text.contains("Đáp ứng thị trường"), "named by its criterion: {text}");
        let decimals = vec![(keys[2].clone(), "7,555".to_string())];
        let reply = save(&w, &w.one, save_fields(&w.a, "", "1", "save", &decimals, "")).await;
        assert_eq!(reply.error().field_errors()[0].problem, Problem::TooManyDecimals);
        let long = "x".repeat(100_000);
        let reply = save(&w, &w.one, save_fields(&w.a, "", "1", "save", &draft, &long)).await;
        assert_eq!(reply.error().field_errors()[0].field, "comment");
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        assert_eq!((p.values.version, p.values.points.len()), (1, 1), "nothing stored");

        // Submitting needs every line.
        let reply = save(&w, &w.one, save_fields(&w.a, "", "1", "submit", &draft, "")).await;
        let fields: Vec<String> = reply.error().field_errors().iter().map(|e| e.field.clone()).collect();
        assert_eq!(fields.len(), 3);

        // Criteria are frozen once a sheet exists.
        let d = detail(&w.app, &w.admin, &w.round).await;
        assert!(d.criteria_frozen);

        // A stale tab is refused; two submissions at once: one wins.
        let full = all_lines(&p, "7,5");
        let stale = save(&w, &w.one, save_fields(&w.a, "", "0", "save", &full, "")).await;
        assert_eq!(stale.error(), AppError::Conflict);
        let (first, second) = tokio::join!(
            save(
                &w,
                &w.one,
                save_fields(&w.a, "", "1", "submit", &full, "Sản phẩm đẹp, cần mở rộng thị trường.")
            ),
            save(&w, &w.one, save_fields(&w.a, "", "1", "submit", &full, "Bản thứ hai")),
        );
        // The loser finds the sheet changed, or already submitted.
        let (winner, loser) = if first.status == StatusCode::OK {
            (first, second)
        } else {
            (second, first)
        };
        assert_eq!(winner.status, StatusCode::OK, "{}", winner.body);
        assert!(
            matches!(
                loser.error(),
                AppError::Conflict | AppError::JudgingRefused(JudgingRefusal::SheetLocked)
            ),
            "{}",
            loser.body
        );
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        assert_eq!(p.values.state, Some(SheetState::Submitted));
        assert!(!p.can_edit);
        let reply = save(&w, &w.one, save_fields(&w.a, "", "2", "save", &full, "")).await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::SheetLocked));

        // Another juror's sheet, or an entry not assigned, is out of reach.
        let one_id = user_id(&w.app, &w.one).await;
        assert_eq!(sheet(&w, &w.two, &w.a, &one_id).await.status, StatusCode::FORBIDDEN);
        let reply = save(&w, &w.two, save_fields(&w.a, &one_id, "2", "save", &full, "")).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let reply = save(&w, &w.two, save_fields(&w.c, "", "0", "save", &full, "")).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert_eq!(sheet(&w, &w.council, &w.a, &one_id).await.status, StatusCode::FORBIDDEN);
        assert!(w.app.audit_actions().await.contains(&"sheet.submitted".to_string()));
        w
    })
    .await;
}

#[tokio::test]
async fn the_secretariat_reopens_sheets_and_types_in_paper_ones() {
    each_world(|w| async move {
        to_judging(&w).await;
        ok(&declare(&w, &w.one, &w.a, "", "none", "").await);
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        let full = all_lines(&p, "8");
        ok(&save(&w, &w.one, save_fields(&w.a, "", "0", "submit", &full, "")).await);
        let one_id = user_id(&w.app, &w.one).await;

        // The juror cannot reopen; the secretariat needs a reason.
        let reply = w
            .app
            .call(
                "reopen_sheet",
                &w.one,
                &[("entry", &w.a), ("juror", ""), ("version", "1"), ("reason", "x")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let fields = [
            ("entry", w.a.as_str()),
            ("juror", one_id.as_str()),
            ("version", "1"),
            ("reason", ""),
        ];
        let reply = w.app.call("reopen_sheet", &w.secretary, &fields).await;
        assert_eq!(reply.error().field_errors()[0].field, "reason");
        let fields = [
            ("entry", w.a.as_str()),
            ("juror", one_id.as_str()),
            ("version", "1"),
            ("reason", "Giám khảo đề nghị sửa điểm tiêu chí 2."),
        ];
        ok(&w.app.call("reopen_sheet", &w.secretary, &fields).await);
        let p = page(&sheet(&w, &w.one, &w.a, "").await);
        assert_eq!((p.values.state, p.can_edit), (Some(SheetState::Draft), true));
        let mail = w.app.outbox().await;
        assert!(mail
            .iter()
            .any(|m| m.to == "gk1@x.vn" && m.body.contains("sửa điểm tiêu chí 2")));
        let mut changed = full.clone();
        changed[1].1 = "30".into();
        let reply = save(&w, &w.one, save_fields(&w.a, "", "2", "submit", &changed, "")).await;
        assert_eq!(serde_json::from_str::<SheetSaved>(&reply.body).unwrap().version, 3);

        // A sheet that came on paper, typed in by the secretariat.
        let two_id = user_id(&w.app, &w.two).await;
        let p = page(&sheet(&w, &w.secretary, &w.b, &two_id).await);
        assert!(!p.own && p.can_edit, "undeclared jurors' paper sheets can be typed in");
        let paper = all_lines(&p, "9,5");
        ok(&save(
            &w,
            &w.secretary,
            save_fields(&w.b, &two_id, "0", "submit", &paper, "Theo phiếu giấy"),
        )
        .await);
        let p = page(&sheet(&w, &w.secretary, &w.b, &two_id).await);
        assert!(p.values.from_paper);
        assert_eq!(p.values.state, Some(SheetState::Submitted));

        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        let rows = app::db::audit::list(&mut conn, None, None, 1000).await.unwrap();
        let reopened = rows.iter().find(|r| r.action == "sheet.reopened").unwrap();
        let json = |row: &app::db::audit::AuditRecord| -> serde_json::Value {
            serde_json::from_str(row.details.as_deref().unwrap()).unwrap()
        };
        let details = json(reopened);
        assert_eq!(details["before"]["total"], "32");
        assert_eq!(details["reason"], "Giám khảo đề nghị sửa điểm tiêu chí 2.");
        let paper_row = rows.iter().find(|r| r.action == "sheet.from_paper").unwrap();
        assert_eq!(json(paper_row)["after"]["total"], "38");
        let submitted: Vec<_> = rows.iter().filter(|r| r.action == "sheet.submitted").collect();
        assert_eq!(submitted.len(), 2);
        assert_eq!(
            json(submitted[0])["after"]["total"],
            Points(5400).display(),
            "the newest submission carries the changed points"
        );
        w
    })
    .await;
}

#[tokio::test]
async fn the_panel_changes_per_entry_and_judging_closes_on_its_guard() {
    each_world(|w| async move {
        to_judging(&w).await;
        let two_id = user_id(&w.app, &w.two).await;
        let three_id = user_id(&w.app, &w.three).await;
        // Juror two (group 1) is added to entry c (group 2); juror three removed.
        ok(&w
            .app
            .call(
                "set_entry_juror",
                &w.secretary,
                &[("entry", &w.c), ("juror", &two_id), ("mode", "add")],
            )
            .await);
        ok(&w
            .app
            .call(
                "set_entry_juror",
                &w.secretary,
                &[("entry", &w.c), ("juror", &three_id), ("mode", "remove")],
            )
            .await);
        let work: Vec<WorkRound> = serde_json::from_str(&w.app.call("my_judging", &w.two, &[]).await.body).unwrap();
        assert!(work[0].items.iter().any(|i| i.entry.to_string() == w.c));
        assert_eq!(sheet(&w, &w.three, &w.c, "").await.status, StatusCode::NOT_FOUND);
        let board: Board = serde_json::from_str(
            &w.app
                .call("jury_board", &w.secretary, &[("round", &w.round)])
                .await
                .body,
        )
        .unwrap();
        let c = board.entries.iter().find(|e| e.id.to_string() == w.c).unwrap();
        assert!(c.jurors.iter().any(|j| j.user.to_string() == two_id && j.added));
        assert_eq!(c.removed.len(), 1);
        // a: one, two; b: one, two; c: one, two; own: one (three is the owner).
        assert_eq!((board.expected, board.submitted), (7, 0));

        // Only the secretariat changes the panel, and not someone who is not a juror.
        let council_id = user_id(&w.app, &w.council).await;
        let reply = w
            .app
            .call(
                "set_entry_juror",
                &w.one,
                &[("entry", &w.c), ("juror", &two_id), ("mode", "remove")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let reply = w
            .app
            .call(
                "set_entry_juror",
                &w.secretary,
                &[("entry", &w.c), ("juror", &council_id), ("mode", "add")],
            )
            .await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::NotAJuror));

        // A juror who has started cannot be removed.
        ok(&declare(&w, &w.two, &w.c, "", "none", "").await);
        let p = page(&sheet(&w, &w.two, &w.c, "").await);
        ok(&save(&w, &w.two, save_fields(&w.c, "", "0", "save", &all_lines(&p, "5"), "")).await);
        let reply = w
            .app
            .call(
                "set_entry_juror",
                &w.secretary,
                &[("entry", &w.c), ("juror", &two_id), ("mode", "reset")],
            )
            .await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::SheetExists));

        // Judging closes only with every sheet in, or with a reason.
        let reply = move_round(&w, "deliberation", "").await;
        assert_eq!(
            reply.error(),
            AppError::MoveRefused(MoveRefusal::SheetsMissing { count: 7 })
        );
        ok(&move_round(
            &w,
            "deliberation",
            "Hai giám khảo ốm, Hội đồng đồng ý xét với số phiếu hiện có.",
        )
        .await);
        let reply = save(
            &w,
            &w.two,
            save_fields(&w.c, "", "1", "submit", &all_lines(&p, "5"), ""),
        )
        .await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::ScoringClosed));
        let reply = w
            .app
            .call(
                "set_entry_juror",
                &w.secretary,
                &[("entry", &w.a), ("juror", &two_id), ("mode", "remove")],
            )
            .await;
        assert_eq!(reply.error(), AppError::JudgingRefused(JudgingRefusal::PanelClosed));
        let _ = UserId::parse(&two_id).unwrap();
        w
    })
    .await;
}

#[tokio::test]
async fn judging_pages_render_for_each_role() {
    each_world(|w| async move {
        to_judging(&w).await;
        let one_id = user_id(&w.app, &w.one).await;
        let page = w.app.get("/judging", &w.one).await;
        assert!(
            page.body.contains("Bình gốm men rạn") && page.body.contains("Chưa khai báo"),
            "{}",
            page.body
        );
        let page = w.app.get(&format!("/entries/{}/sheet", w.a), &w.one).await;
        assert!(page.body.contains("Khai báo xung đột lợi ích"));
        assert!(
            !page.body.contains("Nội dung đầy đủ"),
            "no dossier before the declaration"
        );
        ok(&declare(&w, &w.one, &w.a, "", "none", "").await);
        let page = w.app.get(&format!("/entries/{}/sheet", w.a), &w.one).await;
        assert!(
            page.body.contains("Nội dung đầy đủ") && page.body.contains("Tổng điểm"),
            "{} {}",
            page.status,
            page.body
        );
        let page = w
            .app
            .get(&format!("/entries/{}/sheet/print?juror={one_id}", w.a), &w.secretary)
            .await;
        assert!(page.body.contains("PHIẾU CHẤM ĐIỂM") && page.body.contains("Giám Khảo Một"));
        let page = w.app.get(&format!("/rounds/{}/jury", w.round), &w.secretary).await;
        assert!(page.body.contains("Giám Khảo Ba") && page.body.contains("1-001"));
        let page = w.app.get(&format!("/rounds/{}/screening", w.round), &w.secretary).await;
        assert!(page.body.contains("Hộ Mây Tre B"));
        let page = w.app.get(&format!("/rounds/{}/jury", w.round), &w.one).await;
        assert!(!page.body.contains("Giám Khảo Ba"), "jurors do not see the board");
        w
    })
    .await;
}

/// Juror `actor` declares no tie on `entry` and submits `points` on its
/// four lines.

#[tokio::test]
async fn the_jury_report_combines_the_submitted_sheets_for_the_council() {
    each_world(|w| async move {
        to_judging(&w).await;
        // Entry a: 88 and 68, a mean of 78 with a spread of 20 (not above 20).
        score(&w, &w.one, &w.a, ["36", "34", "9", "9"]).await;
        score(&w, &w.two, &w.a, ["28", "26", "7", "7"]).await;
        // Entry b: 50 and 90, exactly the threshold, a spread of 40.
        score(&w, &w.one, &w.b, ["20", "20", "5", "5"]).await;
        score(&w, &w.two, &w.b, ["36", "36", "9", "9"]).await;
        // Not before deliberation, not even for the secretariat.
        let early = w.app.call("jury_report", &w.secretary, &[("round", &w.round)]).await;
        assert_eq!(early.error(), AppError::JudgingRefused(JudgingRefusal::ReportNotOpen));
        // Group 2's sheets are missing: the move needs a reason.
        ok(&move_round(&w, "deliberation", "Giám khảo nhóm 2 vắng mặt").await);

        for reader in [&w.secretary, &w.council, &w.admin] {
            let reply = w.app.call("jury_report", reader, &[("round", &w.round)]).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            let report: JuryReport = serde_json::from_str(&reply.body).unwrap();
            assert_eq!(report.threshold, Points::whole(70));
            let group = report.groups.iter().find(|g| g.number == 1).unwrap();
            let codes: Vec<_> = group.rows.iter().map(|r| (r.code.as_str(), r.rank)).collect();
            assert_eq!(codes, [("1-001", Some(1)), ("1-002", Some(2))], "best first");
            let a = &group.rows[0].figures;
            assert_eq!(a.official.unwrap().rounded(), Points::whole(78));
            assert_eq!(a.per_criterion[0].unwrap().rounded(), Points::whole(32));
            assert_eq!(
                (a.lowest, a.highest),
                (Some(Points::whole(68)), Some(Points::whole(88)))
            );
            assert!(a.reaches && !a.flagged);
            assert_eq!(a.sheets, 2);
            let b = &group.rows[1].figures;
            assert_eq!(b.official.unwrap().rounded(), Points::whole(70));
            assert!(b.reaches, "exactly the threshold reaches it");
            assert!(b.flagged, "a spread of 40 is flagged");
            let other = report.groups.iter().find(|g| g.number == 2).unwrap();
            assert!(other
                .rows
                .iter()
                .all(|r| r.figures.official.is_none() && r.rank.is_none()));
            assert!(other.rows.iter().any(|r| r.expected_sheets > 0));
        }
        // Sheets written before their sums were kept (no subtotals) give
        // the same report, summed from their lines.
        let kept = w.app.call("jury_report", &w.secretary, &[("round", &w.round)]).await;
        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        let cleared = sqlx::query("UPDATE score_sheets SET subtotals = NULL")
            .execute(&mut *conn)
            .await
            .unwrap();
        assert_eq!(cleared.rows_affected(), 4);
        drop(conn);
        let summed = w.app.call("jury_report", &w.secretary, &[("round", &w.round)]).await;
        assert_eq!(summed.body, kept.body);
        // Jurors do not read the council's report; outsiders do not learn
        // the round exists.
        let juror = w.app.call("jury_report", &w.one, &[("round", &w.round)]).await;
        assert_eq!(juror.error(), AppError::Forbidden);
        let outsider = w.app.call("jury_report", &w.owner_a, &[("round", &w.round)]).await;
        assert_eq!(outsider.error(), AppError::NotFound);

        // The same report as a workbook, for the same people.
        let xlsx = w.app.get(&format!("/rounds/{}/report.xlsx", w.round), &w.council).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert_eq!(
            xlsx.headers.get("content-type").unwrap(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes.clone())).expect("an XLSX is a zip");
        let mut strings = String::new();
        std::io::Read::read_to_string(&mut book.by_name("xl/sharedStrings.xml").unwrap(), &mut strings).unwrap();
        assert!(
            strings.contains("Báo cáo kết quả chấm điểm") && strings.contains("1-002") && strings.contains("Giỏ mây"),
            "{strings}"
        );
        let juror_xlsx = w.app.get(&format!("/rounds/{}/report.xlsx", w.round), &w.one).await;
        assert_eq!(juror_xlsx.status, StatusCode::FORBIDDEN);
        let anonymous = w
            .app
            .get(&format!("/rounds/{}/report.xlsx", w.round), &Actor::anonymous())
            .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

        let page = w.app.get(&format!("/rounds/{}/report", w.round), &w.council).await;
        assert!(
            page.body.contains("Báo cáo kết quả chấm điểm")
                && page.body.contains("1-002")
                && page.body.contains("<strong>78<")
                && page.body.contains("<strong>70<"),
            "{} {}",
            page.status,
            page.body
        );
        w
    })
    .await;
}

#[tokio::test]
async fn nobody_acts_for_the_jury_or_the_council_on_their_own_business() {
    each_world(|w| async move {
        // Juror three, who represents the business of `own`, is also made
        // a secretary of the round.
        ok(&w
            .app
            .call(
                "add_round_member",
                &w.admin,
                &[("round", &w.round), ("identifier", "gk3@x.vn"), ("role", "secretary")],
            )
            .await);
        to_judging(&w).await;
        let one_id = user_id(&w.app, &w.one).await;
        let tied = AppError::JudgingRefused(JudgingRefusal::TiedToBusiness);

        // No paper sheet typed in, no declaration recorded for a juror.
        let p = page(&sheet(&w, &w.three, &w.own, &one_id).await);
        let lines = all_lines(&p, "5");
        let reply = save(&w, &w.three, save_fields(&w.own, &one_id, "0", "submit", &lines, "")).await;
        assert_eq!(reply.error(), tied);
        assert_eq!(declare(&w, &w.three, &w.own, &one_id, "none", "").await.error(), tied);

        // No sheet reopened; the other secretary may.
        ok(&declare(&w, &w.one, &w.own, "", "none", "").await);
        let p = page(&sheet(&w, &w.one, &w.own, "").await);
        ok(&save(
            &w,
            &w.one,
            save_fields(&w.own, "", "0", "submit", &all_lines(&p, "8"), ""),
        )
        .await);
        let reopen = |actor: &Actor| {
            let (w, one_id) = (&w, one_id.clone());
            let actor = actor.clone();
            async move {
                w.app
                    .call(
                        "reopen_sheet",
                        &actor,
                        &[
                            ("entry", &w.own),
                            ("juror", &one_id),
                            ("version", "1"),
                            ("reason", "Sửa điểm."),
                        ],
                    )
                    .await
            }
        };
        assert_eq!(reopen(&w.three).await.error(), tied);
        ok(&reopen(&w.secretary).await);

        // Clearing the tie a juror declared needs a reason, kept in the log.
        ok(&declare(&w, &w.one, &w.c, "", "relative", "Em họ của chủ cơ sở").await);
        let reply = declare(&w, &w.secretary, &w.c, &one_id, "none", "").await;
        assert_eq!(reply.error().field_errors()[0].field, "note");
        let reason = "Giám khảo khai nhầm; đã xác minh với cơ sở.";
        ok(&declare(&w, &w.secretary, &w.c, &one_id, "none", reason).await);
        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        let rows = app::db::audit::list(&mut conn, None, None, 1000).await.unwrap();
        drop(conn);
        let cleared = rows.iter().find(|r| r.action == "jury.conflict_recorded").unwrap();
        let details: serde_json::Value = serde_json::from_str(cleared.details.as_deref().unwrap()).unwrap();
        assert_eq!(details["reason"], reason);

        // Nor the meeting's vote on the entry.
        ok(&move_round(&w, "deliberation", "Chưa đủ phiếu chấm").await);
        let reply = w
            .app
            .call(
                "record_council_tally",
                &w.three,
                &[
                    ("entry", w.own.as_str()),
                    ("counts[present]", "3"),
                    ("counts[recognise_for]", "3"),
                    ("counts[recognise_against]", "0"),
                    ("counts[recognise_abstain]", "0"),
                    ("counts[nominate_for]", "0"),
                    ("counts[nominate_against]", "0"),
                    ("counts[nominate_abstain]", "3"),
                ],
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::CouncilRefused(app::domain::council::CouncilRefusal::TiedToBusiness)
        );
        w
    })
    .await;
}
