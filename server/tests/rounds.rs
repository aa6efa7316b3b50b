//! Rounds through the real router: every action as each role, allowed
//! and refused, and bad input named by field with nothing half-saved.

mod common;

use app::api::rounds::RoundDetail;
use app::domain::lifecycle::{MoveRefusal, RoundState};
use app::domain::validation::{FieldError, Problem};
use app::error::AppError;
use common::{backends, Actor, TestApp};
use http::StatusCode;

struct World {
    app: TestApp,
    admin: Actor,
    province: String,
    dong_nai: String,
}

async fn world(backend: common::Backend) -> World {
    let app = TestApp::new(backend).await;
    let admin = app.admin().await;
    let geography: app::api::geography::Geography =
        serde_json::from_str(&app.call("list_geography", &admin, &[]).await.body).unwrap();
    let province = geography.levels.iter().find(|l| l.rank == 2).unwrap().id.clone();
    let south = geography
        .territories
        .iter()
        .find(|t| t.name_vi == "Miền Nam")
        .unwrap()
        .id
        .clone();
    let reply = app
        .call(
            "save_territory",
            &admin,
            &[
                ("level", &province),
                ("parent", &south),
                ("name_vi", "Đồng Nai"),
                ("name_en", "Dong Nai"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let geography: app::api::geography::Geography =
        serde_json::from_str(&app.call("list_geography", &admin, &[]).await.body).unwrap();
    let dong_nai = geography
        .territories
        .iter()
        .find(|t| t.name_vi == "Đồng Nai")
        .unwrap()
        .id
        .clone();
    World {
        app,
        admin,
        province,
        dong_nai,
    }
}

fn round_fields<'a>(w: &'a World, title: &'a str, year: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("level", w.province.as_str()),
        ("territory", w.dong_nai.as_str()),
        ("parent_round", ""),
        ("copy_from", ""),
        ("title", title),
        ("year", year),
        ("entries_open", "2020-03-01T08:00"),
        ("entries_close", "2099-06-30T17:00"),
        ("judging_close", "2099-08-31T17:00"),
        ("threshold", "70"),
        ("quorum_percent", "50"),
        ("majority_percent", "50"),
        ("certificate_pattern", "{seq}/{year}/GCN-CNNT"),
        ("score_step", "0,5"),
        ("spread_flag", "20"),
    ]
}

async fn create(w: &World, title: &str, year: &str) -> String {
    let reply = w
        .app
        .call("create_round", &w.admin, &round_fields(w, title, year))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let location = reply.header("location").expect("redirect to the round").to_owned();
    location.trim_start_matches("/rounds/").to_owned()
}

async fn detail(w: &World, actor: &Actor, round: &str) -> RoundDetail {
    let reply = w.app.call("round_detail", actor, &[("round", round)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn assign(w: &World, round: &str, identifier: &str, role: &str, groups: &[&str], chair: bool) -> common::Reply {
    let mut fields = vec![("round", round), ("identifier", identifier), ("role", role)];
    for g in groups {
        fields.push(("groups[]", g));
    }
    if chair {
        fields.push(("chair", "on"));
    }
    w.app.call("add_round_member", &w.admin, &fields).await
}

async fn each_world<F, Fut>(test: F)
where
    F: Fn(World) -> Fut,
    Fut: std::future::Future<Output = World>,
{
    for backend in backends().await {
        let w = world(backend).await;
        let w = test(w).await;
        w.app.cleanup().await;
    }
}

#[tokio::test]
async fn an_administrator_creates_a_round_with_the_official_sheet() {
    each_world(|w| async move {
        let round = create(&w, "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026", "2026").await;
        let d = detail(&w, &w.admin, &round).await;
        assert_eq!(d.summary.state, RoundState::Draft);
        assert_eq!(d.summary.territory.vi, "Đồng Nai");
        assert_eq!(d.groups.len(), 4);
        assert_eq!(
            d.groups[0]
                .criteria
                .iter()
                .map(|c| c.max.centi() / 100)
                .collect::<Vec<_>>(),
            [40, 40, 10, 10]
        );
        assert!(d.can_manage && d.can_assign);
        let page = w.app.get(&format!("/rounds/{round}"), &w.admin).await;
        assert!(
            page.body.contains("Bản nháp") && page.body.contains("001/2026/GCN-CNNT"),
            "{}",
            page.body
        );
        assert!(w.app.audit_actions().await.contains(&"round.created".to_owned()));
        w
    })
    .await;
}

#[tokio::test]
async fn bad_round_input_is_refused_by_field_and_nothing_is_saved() {
    each_world(|w| async move {
        let mut fields = round_fields(&w, "", "26");
        for (key, value) in fields.iter_mut() {
            match *key {
                "entries_close" => *value = "2020-01-01T08:00",
                "threshold" => *value = "120",
                "certificate_pattern" => *value = "GCN",
                "territory" => *value = "not-a-territory",
                _ => {}
            }
        }
        let reply = w.app.call("create_round", &w.admin, &fields).await;
        let AppError::Invalid(errors) = reply.error() else {
            panic!("{}", reply.body)
        };
        let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for field in [
            "title",
            "year",
            "threshold",
            "certificate_pattern",
            "entries_close",
            "territory",
        ] {
            assert!(named.contains(&field), "{field} in {named:?}");
        }
        let list: Vec<app::api::rounds::RoundSummary> =
            serde_json::from_str(&w.app.call("list_my_rounds", &w.admin, &[]).await.body).unwrap();
        assert!(list.is_empty(), "nothing half-saved");

        create(&w, "Đồng Nai 2026", "2026").await;
        let reply = w
            .app
            .call("create_round", &w.admin, &round_fields(&w, "Đồng Nai 2026", "2027"))
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("title", Problem::Taken)])
        );
        let reply = w
            .app
            .call("create_round", &w.admin, &round_fields(&w, "Tên khác", "2026"))
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("year", Problem::Taken)])
        );
        w
    })
    .await;
}

#[tokio::test]
async fn a_parent_round_must_be_of_a_higher_level() {
    each_world(|w| async move {
        let provincial = create(&w, "Đồng Nai 2026", "2026").await;
        let mut fields = round_fields(&w, "Đồng Nai 2028", "2028");
        fields.retain(|(k, _)| *k != "parent_round");
        fields.push(("parent_round", provincial.as_str()));
        let reply = w.app.call("create_round", &w.admin, &fields).await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("parent_round", Problem::ParentLevelTooLow)])
        );
        w
    })
    .await;
}

#[tokio::test]
async fn levels_and_territories_are_data_with_rules() {
    each_world(|w| async move {
        let geography: app::api::geography::Geography =
            serde_json::from_str(&w.app.call("list_geography", &w.admin, &[]).await.body).unwrap();
        let commune = geography.levels.iter().find(|l| l.rank == 1).unwrap().id.clone();
        let reply = w
            .app
            .call(
                "save_level",
                &w.admin,
                &[
                    ("id", &commune),
                    ("name_vi", "Cấp xã (trước 2025: cấp huyện)"),
                    ("name_en", "Commune"),
                    ("rank", "1"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let reply = w
            .app
            .call(
                "save_level",
                &w.admin,
                &[("name_vi", "Cấp tỉnh"), ("name_en", "x"), ("rank", "2,5")],
            )
            .await;
        let AppError::Invalid(errors) = reply.error() else {
            panic!()
        };
        assert_eq!(errors[0], FieldError::new("rank", Problem::WholeNumberRequired));
        let reply = w
            .app
            .call(
                "save_level",
                &w.admin,
                &[("name_vi", "Cấp tỉnh"), ("name_en", "x"), ("rank", "2")],
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("name_vi", Problem::Taken)])
        );

        let region = geography.levels.iter().find(|l| l.rank == 3).unwrap().id.clone();
        let reply = w
            .app
            .call(
                "save_territory",
                &w.admin,
                &[
                    ("level", &region),
                    ("parent", &w.dong_nai),
                    ("name_vi", "Vùng X"),
                    ("name_en", ""),
                ],
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("parent", Problem::ParentLevelTooLow)])
        );
        let reply = w
            .app
            .call(
                "save_territory",
                &w.admin,
                &[("level", &w.province), ("name_vi", "Đồng Nai"), ("name_en", "")],
            )
            .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("name_vi", Problem::Taken)])
        );
        w
    })
    .await;
}

#[tokio::test]
async fn sub_criteria_must_add_up_and_freeze_with_scoring() {
    each_world(|w| async move {
        let round = create(&w, "Đồng Nai 2026", "2026").await;
        let d = detail(&w, &w.admin, &round).await;
        let group = d.groups[1].id.clone();
        let criterion = d.groups[1].criteria[0].id.clone();
        let save = |rows: Vec<(&'static str, String)>| {
            let (w, round, group, criterion) = (&w, round.clone(), group.clone(), criterion.clone());
            async move {
                let mut fields: Vec<(String, String)> = vec![
                    ("round".into(), round),
                    ("group".into(), group),
                    ("criterion".into(), criterion),
                ];
                fields.extend(rows.into_iter().map(|(k, v)| (k.to_owned(), v)));
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                w.app.call("save_sub_criteria", &w.admin, &fields).await
            }
        };
        let reply = save(vec![
            ("rows[0][name_vi]", "Nhu cầu thị trường".into()),
            ("rows[0][name_en]", "".into()),
            ("rows[0][max]", "25".into()),
            ("rows[0][guidance]", "".into()),
            ("rows[1][name_vi]", "Quy mô sản xuất".into()),
            ("rows[1][name_en]", "".into()),
            ("rows[1][max]", "10".into()),
            ("rows[1][guidance]", "".into()),
        ])
        .await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new(
                "total",
                Problem::SumMismatch {
                    sum: "35".into(),
                    expected: "40".into()
                }
            )])
        );
        assert!(
            detail(&w, &w.admin, &round).await.groups[1].criteria[0].subs.is_empty(),
            "nothing half-saved"
        );

        let good = vec![
            ("rows[0][name_vi]", "Nhu cầu thị trường".to_owned()),
            ("rows[0][name_en]", "Market demand".into()),
            ("rows[0][max]", "25".into()),
            ("rows[0][guidance]", "Xem doanh thu 3 năm".into()),
            ("rows[1][name_vi]", "Quy mô sản xuất".into()),
            ("rows[1][name_en]", "".into()),
            ("rows[1][max]", "15".into()),
            ("rows[1][guidance]", "".into()),
        ];
        let reply = save(good.clone()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let d = detail(&w, &w.admin, &round).await;
        assert_eq!(d.groups[1].criteria[0].subs.len(), 2);
        assert!(d.groups[0].criteria[0].subs.is_empty(), "per product group");

        // Scoring begins (issue 5 sets this when the first sheet exists).
        let mut conn = w.app.state.store.pool().acquire().await.unwrap();
        app::db::rounds::freeze_criteria(
            &mut conn,
            app::domain::ids::RoundId::parse(&round).unwrap(),
            app::domain::time::Timestamp::now(),
        )
        .await
        .unwrap();
        drop(conn);
        assert_eq!(save(good).await.error(), AppError::CriteriaFrozen);
        w
    })
    .await;
}

#[tokio::test]
async fn the_administrator_gives_round_roles_and_members_see_their_rounds() {
    each_world(|w| async move {
        let round = create(&w, "Đồng Nai 2026", "2026").await;
        let d = detail(&w, &w.admin, &round).await;
        let secretary = w.app.entrant("Tổ Giúp Việc", "tgv@x.vn").await;
        let juror = w.app.entrant("Giám Khảo", "gk@x.vn").await;
        w.app.entrant("Hội Đồng", "hd@x.vn").await;

        let reply = assign(&w, &round, "nobody@x.vn", "secretary", &[], false).await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("identifier", Problem::UnknownAccount)])
        );
        let reply = assign(&w, &round, "gk@x.vn", "juror", &[], false).await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("groups", Problem::Required)])
        );
        let reply = assign(&w, &round, "gk@x.vn", "administrator", &[], false).await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("role", Problem::NotAChoice)])
        );

        assert_eq!(
            assign(&w, &round, "tgv@x.vn", "secretary", &[], false).await.status,
            StatusCode::OK
        );
        let (g1, g3) = (d.groups[0].id.as_str(), d.groups[2].id.as_str());
        assert_eq!(
            assign(&w, &round, "gk@x.vn", "juror", &[g1, g3], false).await.status,
            StatusCode::OK
        );
        assert_eq!(
            assign(&w, &round, "hd@x.vn", "council_member", &[], true).await.status,
            StatusCode::OK
        );
        let again = assign(&w, &round, "hd@x.vn", "council_member", &[], false).await;
        assert_eq!(
            again.error(),
            AppError::Invalid(vec![FieldError::new("identifier", Problem::AlreadyMember)])
        );

        let d = detail(&w, &w.admin, &round).await;
        let juror_view = d
            .members
            .iter()
            .find(|m| m.role == app::domain::role::Role::Juror)
            .unwrap();
        assert_eq!(juror_view.groups, [1, 3]);
        assert!(d.members.iter().any(|m| m.chair && m.name == "Hội Đồng"));

        // Members see the round on their dashboard; only the administrator assigns.
        let theirs: Vec<app::api::rounds::RoundSummary> =
            serde_json::from_str(&w.app.call("list_my_rounds", &juror, &[]).await.body).unwrap();
        assert_eq!(theirs.len(), 1);
        assert_eq!(theirs[0].my_roles, [app::domain::role::Role::Juror]);
        let account = w.app.get("/account", &juror).await;
        assert!(
            account.body.contains("Đồng Nai 2026") && account.body.contains("Giám khảo"),
            "{}",
            account.body
        );
        let juror_detail = detail(&w, &juror, &round).await;
        assert!(!juror_detail.can_manage && !juror_detail.can_assign);
        let refused = w
            .app
            .call(
                "add_round_member",
                &secretary,
                &[("round", &round), ("identifier", "gk@x.vn"), ("role", "secretary")],
            )
            .await;
        assert_eq!(refused.error(), AppError::Forbidden);

        let juror_id = juror_view.user.to_string();
        let reply = w
            .app
            .call(
                "set_juror_groups",
                &w.admin,
                &[("round", &round), ("user", &juror_id), ("groups[]", g3)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let reply = w
            .app
            .call(
                "remove_round_member",
                &w.admin,
                &[("round", &round), ("user", &juror_id), ("role", "juror")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let theirs: Vec<app::api::rounds::RoundSummary> =
            serde_json::from_str(&w.app.call("list_my_rounds", &juror, &[]).await.body).unwrap();
        assert!(theirs.is_empty());
        let actions = w.app.audit_actions().await;
        for action in [
            "round.member_added",
            "round.juror_groups_changed",
            "round.member_removed",
        ] {
            assert!(actions.contains(&action.to_owned()), "{action}");
        }
        w
    })
    .await;
}

#[tokio::test]
async fn rounds_move_only_by_their_guards_and_by_those_who_run_them() {
    each_world(|w| async move {
        let round = create(&w, "Đồng Nai 2026", "2026").await;
        let secretary = w.app.entrant("Tổ Giúp Việc", "tgv@x.vn").await;
        let juror = w.app.entrant("Giám Khảo", "gk@x.vn").await;
        let outsider = w.app.entrant("Người Ngoài", "ngoai@x.vn").await;
        let move_to = |actor: &Actor, to: &str, reason: &str| {
            let (w, round, actor, to, reason) = (&w, round.clone(), actor.clone(), to.to_owned(), reason.to_owned());
            async move {
                w.app
                    .call(
                        "move_round",
                        &actor,
                        &[("round", &round), ("to", &to), ("reason", &reason)],
                    )
                    .await
            }
        };

        let reply = move_to(&w.admin, "open", "").await;
        assert_eq!(reply.error(), AppError::MoveRefused(MoveRefusal::NoSecretary));
        assert_eq!(
            assign(&w, &round, "tgv@x.vn", "secretary", &[], false).await.status,
            StatusCode::OK
        );
        let d = detail(&w, &w.admin, &round).await;
        let g = d.groups[0].id.clone();
        assert_eq!(
            assign(&w, &round, "gk@x.vn", "juror", &[g.as_str()], false)
                .await
                .status,
            StatusCode::OK
        );

        assert_eq!(move_to(&outsider, "open", "").await.error(), AppError::NotFound);
        assert_eq!(move_to(&juror, "open", "").await.error(), AppError::Forbidden);
        assert_eq!(
            move_to(&w.admin, "judging", "").await.error(),
            AppError::MoveRefused(MoveRefusal::NotAStep {
                from: RoundState::Draft,
                to: RoundState::Judging
            })
        );
        let reply = move_to(&secretary, "open", "").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

        let reply = move_to(&secretary, "screening", "").await;
        assert!(matches!(
            reply.error(),
            AppError::MoveRefused(MoveRefusal::DeadlineNotReached { .. })
        ));
        assert_eq!(
            move_to(&secretary, "draft", "").await.error(),
            AppError::MoveRefused(MoveRefusal::ReasonRequired)
        );
        let reply = move_to(&secretary, "draft", "Bổ sung tiêu chí thành phần").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

        let public: Vec<app::api::rounds::view::PublicRound> =
            serde_json::from_str(&w.app.call("public_rounds", &Actor::anonymous(), &[]).await.body).unwrap();
        assert!(public.is_empty(), "drafts are not public");
        move_to(&secretary, "open", "").await;
        let public: Vec<app::api::rounds::view::PublicRound> =
            serde_json::from_str(&w.app.call("public_rounds", &Actor::anonymous(), &[]).await.body).unwrap();
        assert_eq!(public.len(), 1);
        let home = w.app.get("/", &Actor::anonymous()).await;
        assert!(
            home.body.contains("Đồng Nai 2026") && home.body.contains("30/06/2099 17:00"),
            "{}",
            home.body
        );

        let page: app::api::audit::AuditPage =
            serde_json::from_str(&w.app.call("list_audit", &w.admin, &[]).await.body).unwrap();
        let moves: Vec<_> = page.rows.iter().filter(|r| r.action == "round.moved").collect();
        assert_eq!(moves.len(), 3);
        assert!(moves
            .iter()
            .any(|m| m.details.as_deref().unwrap_or_default().contains("Bổ sung tiêu chí")));
        w
    })
    .await;
}

#[tokio::test]
async fn settings_change_within_what_the_state_allows() {
    each_world(|w| async move {
        let round = create(&w, "Đồng Nai 2026", "2026").await;
        let mut fields: Vec<(&str, &str)> = round_fields(&w, "Đồng Nai 2026 (sửa)", "2026");
        fields.retain(|(k, _)| *k != "copy_from");
        fields.push(("round", round.as_str()));
        let reply = w.app.call("update_round_settings", &w.admin, &fields).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(detail(&w, &w.admin, &round).await.summary.name, "Đồng Nai 2026 (sửa)");

        assign(&w, &round, "admin@sct.dongnai.gov.vn", "secretary", &[], false).await;
        w.app
            .call(
                "move_round",
                &w.admin,
                &[("round", &round), ("to", "open"), ("reason", "")],
            )
            .await;
        for (key, value) in fields.iter_mut() {
            if *key == "entries_close" {
                *value = "2021-01-01T08:00";
            }
        }
        let reply = w.app.call("update_round_settings", &w.admin, &fields).await;
        assert_eq!(
            reply.error(),
            AppError::Invalid(vec![FieldError::new("entries_close", Problem::MustBeInFuture)])
        );
        let entrant = w.app.entrant("Cơ sở", "cs@x.vn").await;
        assert_eq!(
            w.app.call("update_round_settings", &entrant, &fields).await.error(),
            AppError::NotFound
        );
        w
    })
    .await;
}

/// Each round action, called by each kind of person: anonymous callers
/// must sign in; people with no part in a round do not learn it exists;
/// jurors and council members read but do not configure; only the
/// administrator creates rounds, keeps levels and gives roles.
#[tokio::test]
async fn every_round_action_checks_who_is_asking() {
    each_world(|w| async move {
        let round = create(&w, "Đồng Nai 2026", "2026").await;
        let d = detail(&w, &w.admin, &round).await;
        let secretary = w.app.entrant("Thư Ký", "tk@x.vn").await;
        let juror = w.app.entrant("Giám Khảo", "gk@x.vn").await;
        let outsider = w.app.entrant("Người Ngoài", "ngoai@x.vn").await;
        assign(&w, &round, "tk@x.vn", "secretary", &[], false).await;
        assign(&w, &round, "gk@x.vn", "juror", &[d.groups[0].id.as_str()], false).await;
        let anonymous = Actor::anonymous();
        let group = d.groups[0].id.clone();
        let criterion = d.groups[0].criteria[2].id.clone();
        let d = detail(&w, &w.admin, &round).await;
        let juror_id = d
            .members
            .iter()
            .find(|m| m.role == app::domain::role::Role::Juror)
            .map(|m| m.user.to_string());
        let juror_id = juror_id.unwrap_or_default();
        let mut settings: Vec<(&str, &str)> = round_fields(&w, "Đồng Nai 2026", "2026");
        settings.retain(|(k, _)| *k != "copy_from");
        settings.push(("round", round.as_str()));
        let subs = vec![
            ("round", round.as_str()),
            ("group", group.as_str()),
            ("criterion", criterion.as_str()),
            ("rows[0][name_vi]", "Tính thẩm mỹ"),
            ("rows[0][name_en]", ""),
            ("rows[0][max]", "10"),
            ("rows[0][guidance]", ""),
        ];

        // (function, fields, who may, who is refused with what)
        type Case<'a> = (
            &'a str,
            Vec<(&'a str, &'a str)>,
            Vec<&'a Actor>,
            Vec<(&'a Actor, AppError)>,
        );
        let cases: Vec<Case> = vec![
            (
                "list_geography",
                vec![],
                vec![&w.admin],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&secretary, AppError::Forbidden),
                ],
            ),
            (
                "save_level",
                vec![("name_vi", "Cấp thử"), ("name_en", "Test"), ("rank", "5")],
                vec![&w.admin],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&secretary, AppError::Forbidden),
                    (&juror, AppError::Forbidden),
                ],
            ),
            (
                "create_round",
                round_fields(&w, "Đồng Nai 2030", "2030"),
                vec![&w.admin],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&secretary, AppError::Forbidden),
                ],
            ),
            (
                "round_detail",
                vec![("round", round.as_str())],
                vec![&w.admin, &secretary, &juror],
                vec![(&anonymous, AppError::Unauthenticated), (&outsider, AppError::NotFound)],
            ),
            (
                "update_round_settings",
                settings.clone(),
                vec![&w.admin, &secretary],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&juror, AppError::Forbidden),
                    (&outsider, AppError::NotFound),
                ],
            ),
            (
                "save_sub_criteria",
                subs.clone(),
                vec![&w.admin, &secretary],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&juror, AppError::Forbidden),
                    (&outsider, AppError::NotFound),
                ],
            ),
            (
                "set_juror_groups",
                vec![
                    ("round", round.as_str()),
                    ("user", juror_id.as_str()),
                    ("groups[]", group.as_str()),
                ],
                vec![&w.admin],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&secretary, AppError::Forbidden),
                    (&juror, AppError::Forbidden),
                ],
            ),
            (
                "set_council_chair",
                vec![("round", round.as_str()), ("user", "")],
                vec![&w.admin],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&secretary, AppError::Forbidden),
                ],
            ),
            (
                "move_round",
                vec![("round", round.as_str()), ("to", "archived"), ("reason", "")],
                vec![],
                vec![
                    (&anonymous, AppError::Unauthenticated),
                    (&juror, AppError::Forbidden),
                    (&outsider, AppError::NotFound),
                ],
            ),
        ];
        for (function, fields, allowed, refused) in cases {
            for actor in allowed {
                let reply = w.app.call(function, actor, &fields).await;
                assert_eq!(
                    reply.status,
                    StatusCode::OK,
                    "{function} should be allowed: {}",
                    reply.body
                );
            }
            for (actor, expected) in refused {
                let reply = w.app.call(function, actor, &fields).await;
                assert_eq!(reply.error(), expected, "{function}");
            }
        }
        let listed: Vec<app::api::rounds::RoundSummary> =
            serde_json::from_str(&w.app.call("list_my_rounds", &outsider, &[]).await.body).unwrap();
        assert!(listed.is_empty(), "an outsider's list is empty");
        w
    })
    .await;
}
