//! The store's contract for levels, territories and rounds, one body run
//! against SQLite and PostgreSQL.

#[macro_use]
mod common;

use app::db::rounds::{self, NewRound};
use app::db::users;
use app::db::{geography, round_members, Store, StoreError};
use app::domain::criteria::SubCriterion;
use app::domain::geography::{LevelInput, TerritoryInput};
use app::domain::ids::{LevelId, RoundId, TerritoryId, UserId};
use app::domain::lifecycle::RoundState;
use app::domain::points::Points;
use app::domain::role::{Role, RoleGrant};
use app::domain::round::{check_round_settings, RoundSettings, RoundSettingsForm};
use common::fixtures::{add_user, NOW};

fn settings(name: &str, year: i32) -> RoundSettings {
    check_round_settings(&RoundSettingsForm {
        name: name.into(),
        year: year.to_string(),
        entries_open: format!("{year}-03-01T08:00"),
        entries_close: format!("{year}-06-30T17:00"),
        judging_close: format!("{year}-08-31T17:00"),
        threshold: "70".into(),
        quorum_percent: "50".into(),
        majority_percent: "50".into(),
        tie_recognises: None,
        certificate_pattern: "{seq}/{year}/GCN-CNNT".into(),
        show_scores: None,
        score_step: "0,5".into(),
        spread_flag: "20".into(),
    })
    .unwrap()
}

async fn province(store: &Store, name: &str) -> (LevelId, TerritoryId) {
    let mut conn = store.pool().acquire().await.unwrap();
    let levels = geography::list_levels(&mut conn).await.unwrap();
    let province = levels.iter().find(|l| l.rank == 2).unwrap().id;
    let south = geography::list_territories(&mut conn)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.name_vi == "Miền Nam")
        .unwrap()
        .id;
    let id = TerritoryId::new();
    geography::insert_territory(
        &mut conn,
        id,
        province,
        Some(south),
        &TerritoryInput {
            name_vi: name.into(),
            name_en: name.into(),
        },
        NOW,
    )
    .await
    .unwrap();
    (province, id)
}

async fn new_round(store: &Store, name: &str, year: i32, copy_from: Option<RoundId>) -> Result<RoundId, StoreError> {
    let (level, territory) = {
        let mut conn = store.pool().acquire().await.unwrap();
        let territories = geography::list_territories(&mut conn).await.unwrap();
        let t = territories.iter().find(|t| t.name_vi == "Đồng Nai").unwrap();
        (t.level, t.id)
    };
    let creator = add_user(store, &format!("{}@x.vn", uuid::Uuid::new_v4().simple())).await;
    let id = RoundId::new();
    let mut tx = store.write().await.unwrap();
    let settings = settings(name, year);
    rounds::insert_round(
        &mut tx,
        &NewRound {
            id,
            level,
            territory,
            parent: None,
            settings: &settings,
            created_by: creator,
            now: NOW,
        },
        copy_from,
    )
    .await?;
    tx.commit().await.unwrap();
    Ok(id)
}

store_test!(
    levels_and_territories_start_with_the_defaults_and_stay_unique,
    |store| {
        let mut conn = store.pool().acquire().await.unwrap();
        let levels = geography::list_levels(&mut conn).await.unwrap();
        assert_eq!(
            levels.iter().map(|l| (l.name_vi.as_str(), l.rank)).collect::<Vec<_>>(),
            [("Cấp xã", 1), ("Cấp tỉnh", 2), ("Cấp khu vực", 3), ("Cấp quốc gia", 4)]
        );
        let territories = geography::list_territories(&mut conn).await.unwrap();
        assert_eq!(territories.len(), 4);
        assert_eq!(territories[0].name_vi, "Việt Nam", "highest level first");

        let duplicate = LevelInput {
            name_vi: "Cấp tỉnh".into(),
            name_en: "x".into(),
            rank: 5,
        };
        assert!(matches!(
            geography::insert_level(&mut conn, LevelId::new(), &duplicate, NOW).await,
            Err(StoreError::Duplicate("name_vi"))
        ));
        let renamed = LevelInput {
            name_vi: "Cấp huyện".into(),
            name_en: "District".into(),
            rank: 1,
        };
        assert!(geography::update_level(&mut conn, levels[0].id, &renamed, NOW)
            .await
            .unwrap());
        assert_eq!(
            geography::get_level(&mut conn, levels[0].id)
                .await
                .unwrap()
                .unwrap()
                .name_en,
            "District"
        );
        drop(conn);

        let (level, dong_nai) = province(&store, "Đồng Nai").await;
        let mut conn = store.pool().acquire().await.unwrap();
        let again = TerritoryInput {
            name_vi: "Đồng Nai".into(),
            name_en: "Dong Nai".into(),
        };
        assert!(matches!(
            geography::insert_territory(&mut conn, TerritoryId::new(), level, None, &again, NOW).await,
            Err(StoreError::Duplicate("name_vi"))
        ));
        let t = geography::get_territory(&mut conn, dong_nai).await.unwrap().unwrap();
        assert_eq!((t.level, t.parent.is_some()), (level, true));
    }
);

store_test!(a_new_round_is_a_draft_with_the_official_sheet, |store| {
    province(&store, "Đồng Nai").await;
    let id = new_round(&store, "Đồng Nai 2026", 2026, None).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let round = rounds::get_round(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(round.state, RoundState::Draft);
    assert_eq!(round.settings, settings("Đồng Nai 2026", 2026));
    assert!(!round.criteria_frozen);
    let groups = rounds::groups(&mut conn, id).await.unwrap();
    assert_eq!(groups.len(), 4);
    assert_eq!(groups[1].name_vi, "Sản phẩm chế biến nông, lâm, thủy sản và thực phẩm");
    let criteria = rounds::criteria(&mut conn, id).await.unwrap();
    assert_eq!(
        criteria.iter().map(|c| c.max.centi() / 100).collect::<Vec<_>>(),
        [40, 40, 10, 10]
    );
    drop(conn);

    assert!(matches!(
        new_round(&store, "Đồng Nai 2026", 2027, None).await,
        Err(StoreError::Duplicate("title"))
    ));
    assert!(matches!(
        new_round(&store, "Another name", 2026, None).await,
        Err(StoreError::Duplicate("year"))
    ));
});

store_test!(sub_criteria_are_replaced_as_a_set_and_copied_with_the_round, |store| {
    province(&store, "Đồng Nai").await;
    let id = new_round(&store, "Đồng Nai 2026", 2026, None).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let groups = rounds::groups(&mut conn, id).await.unwrap();
    let criteria = rounds::criteria(&mut conn, id).await.unwrap();
    let item = |name: &str, max: i64| SubCriterion {
        name_vi: name.into(),
        name_en: name.into(),
        max: Points::whole(max),
        guidance: Some("Hướng dẫn\nchấm".into()),
    };
    rounds::replace_sub_criteria(
        &mut conn,
        id,
        criteria[0].id,
        groups[0].id,
        &[item("A", 20), item("B", 20)],
    )
    .await
    .unwrap();
    rounds::replace_sub_criteria(
        &mut conn,
        id,
        criteria[0].id,
        groups[0].id,
        &[item("C", 25), item("D", 15)],
    )
    .await
    .unwrap();
    let subs = rounds::sub_criteria(&mut conn, id).await.unwrap();
    assert_eq!(
        subs.iter().map(|s| s.item.name_vi.as_str()).collect::<Vec<_>>(),
        ["C", "D"]
    );
    assert_eq!(subs[0].item.guidance.as_deref(), Some("Hướng dẫn\nchấm"));
    drop(conn);

    let copy = new_round(&store, "Đồng Nai 2028", 2028, Some(id)).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let copied = rounds::sub_criteria(&mut conn, copy).await.unwrap();
    assert_eq!(
        copied.iter().map(|s| s.item.clone()).collect::<Vec<_>>(),
        subs.iter().map(|s| s.item.clone()).collect::<Vec<_>>()
    );
    let copied_groups = rounds::groups(&mut conn, copy).await.unwrap();
    assert!(
        copied.iter().all(|s| copied_groups.iter().any(|g| g.id == s.group)),
        "copies point at the new groups"
    );
});

store_test!(states_change_only_from_the_state_expected, |store| {
    province(&store, "Đồng Nai").await;
    let id = new_round(&store, "Đồng Nai 2026", 2026, None).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    assert!(
        rounds::set_state(&mut conn, id, RoundState::Draft, RoundState::Open, NOW)
            .await
            .unwrap()
    );
    assert!(
        !rounds::set_state(&mut conn, id, RoundState::Draft, RoundState::Open, NOW)
            .await
            .unwrap()
    );
    let open = rounds::rounds_in_states(&mut conn, &[RoundState::Open, RoundState::Published])
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    assert!(rounds::rounds_in_states(&mut conn, &[RoundState::Draft])
        .await
        .unwrap()
        .is_empty());
    rounds::freeze_criteria(&mut conn, id, NOW).await.unwrap();
    assert!(rounds::get_round(&mut conn, id).await.unwrap().unwrap().criteria_frozen);

    let mut changed = settings("Đồng Nai 2026 (sửa)", 2026);
    changed.threshold = Points(7250);
    rounds::update_settings(&mut conn, id, &changed, None, NOW)
        .await
        .unwrap();
    assert_eq!(
        rounds::get_round(&mut conn, id).await.unwrap().unwrap().settings,
        changed
    );
});

store_test!(members_hold_round_roles_and_jurors_their_groups, |store| {
    province(&store, "Đồng Nai").await;
    let id = new_round(&store, "Đồng Nai 2026", 2026, None).await.unwrap();
    let secretary = add_user(&store, "tk@x.vn").await;
    let juror = add_user(&store, "gk@x.vn").await;
    let chair = add_user(&store, "ct@x.vn").await;
    let mut tx = store.write().await.unwrap();
    let grant = |role| RoleGrant { role, round: Some(id) };
    users::grant_role(&mut tx, secretary, &grant(Role::Secretary), None, NOW)
        .await
        .unwrap();
    users::grant_role(&mut tx, juror, &grant(Role::Juror), None, NOW)
        .await
        .unwrap();
    users::grant_role(&mut tx, chair, &grant(Role::CouncilMember), None, NOW)
        .await
        .unwrap();
    users::grant_role(&mut tx, juror, &grant(Role::CouncilMember), None, NOW)
        .await
        .unwrap();
    let groups = rounds::groups(&mut tx, id).await.unwrap();
    round_members::set_juror_groups(&mut tx, id, juror, &[groups[0].id, groups[2].id])
        .await
        .unwrap();
    rounds::set_chair(&mut tx, id, Some(chair)).await.unwrap();
    tx.commit().await.unwrap();

    let mut conn = store.pool().acquire().await.unwrap();
    assert_eq!(round_members::role_counts(&mut conn, id).await.unwrap(), (1, 1, 2));
    let members = round_members::members(&mut conn, id).await.unwrap();
    assert_eq!(members.len(), 4);
    let as_juror = members
        .iter()
        .find(|m| m.user == juror && m.role == Role::Juror)
        .unwrap();
    assert_eq!(as_juror.groups, [groups[0].id, groups[2].id]);
    assert!(members
        .iter()
        .filter(|m| m.role != Role::Juror)
        .all(|m| m.groups.is_empty()));
    assert_eq!(
        rounds::get_round(&mut conn, id).await.unwrap().unwrap().chair,
        Some(chair)
    );
    assert_eq!(rounds::rounds_of_user(&mut conn, juror).await.unwrap().len(), 1);
    assert!(rounds::rounds_of_user(&mut conn, UserId::new())
        .await
        .unwrap()
        .is_empty());
    let round = rounds::get_round(&mut conn, id).await.unwrap().unwrap();
    let facts = rounds::facts(&mut conn, &round, NOW).await.unwrap();
    assert_eq!((facts.secretaries, facts.jurors, facts.council_members), (1, 1, 2));
});
