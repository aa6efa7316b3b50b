//! The store's contract for screening codes, the jury's panel, conflict
//! declarations and score sheets, on SQLite and PostgreSQL.

#[macro_use]
mod common;

use std::collections::BTreeMap;

use app::db::sheets::SheetWrite;
use app::db::{businesses, entries, jury, round_members, rounds, sheets, users, Store};
use app::domain::entry::{selection_code, EntryContent, EntryState};
use app::domain::ids::{EntryId, RoundId, UserId};
use app::domain::jury::{Declaration, Override, Tie};
use app::domain::points::Points;
use app::domain::role::{Role, RoleGrant};
use app::domain::scoring::{SheetPoints, SheetState};
use common::fixtures::{add_user, business, setup_round, NOW};

/// A submitted entry of group `group` from a new business.
async fn submitted_entry(store: &Store, round: RoundId, owner_email: &str, group: i64) -> (EntryId, UserId) {
    let owner = add_user(store, owner_email).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let biz = businesses::save_business(&mut conn, owner, &business(owner_email), NOW)
        .await
        .unwrap();
    let id = EntryId::new();
    entries::insert_entry(&mut conn, id, round, biz, NOW).await.unwrap();
    let content = EntryContent {
        product_name: Some(format!("Sản phẩm {owner_email}")),
        group: Some(group),
        ..EntryContent::default()
    };
    entries::save_content(&mut conn, id, 1, &content, NOW)
        .await
        .unwrap()
        .unwrap();
    assert!(
        entries::set_state(&mut conn, id, EntryState::Draft, EntryState::Submitted, None, NOW)
            .await
            .unwrap()
    );
    (id, owner)
}

async fn juror(store: &Store, round: RoundId, email: &str, groups: &[i64]) -> UserId {
    let id = add_user(store, email).await;
    let mut conn = store.pool().acquire().await.unwrap();
    users::grant_role(
        &mut conn,
        id,
        &RoleGrant {
            role: Role::Juror,
            round: Some(round),
        },
        None,
        NOW,
    )
    .await
    .unwrap();
    let all = rounds::groups(&mut conn, round).await.unwrap();
    let chosen: Vec<_> = all
        .iter()
        .filter(|g| groups.contains(&g.number))
        .map(|g| g.id)
        .collect();
    round_members::set_juror_groups(&mut conn, round, id, &chosen)
        .await
        .unwrap();
    id
}

store_test!(accepted_entries_get_codes_unique_in_their_round, |store| {
    let (_, round) = setup_round(&store).await;
    let (a, _) = submitted_entry(&store, round, "a@x.vn", 2).await;
    let (b, _) = submitted_entry(&store, round, "b@x.vn", 2).await;
    let mut tx = store.write().await.unwrap();
    rounds::lock_round(&mut tx, round).await.unwrap();
    assert!(entries::accept(&mut tx, a, &selection_code(2, 1), NOW).await.unwrap());
    assert!(
        !entries::accept(&mut tx, a, &selection_code(2, 9), NOW).await.unwrap(),
        "already accepted"
    );
    tx.commit().await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let duplicate = entries::accept(&mut conn, b, &selection_code(2, 1), NOW).await;
    assert!(
        matches!(duplicate, Err(app::db::StoreError::Duplicate("selection_code"))),
        "{duplicate:?}"
    );
    assert!(entries::accept(&mut conn, b, &selection_code(2, 2), NOW).await.unwrap());
    let mut codes = entries::selection_codes(&mut conn, round).await.unwrap();
    codes.sort();
    assert_eq!(codes, ["2-001", "2-002"]);
    let stored = entries::get_entry(&mut conn, a).await.unwrap().unwrap();
    assert_eq!(
        (stored.state, stored.selection_code.as_deref()),
        (EntryState::Accepted, Some("2-001"))
    );
    let eligible = jury::eligible_entries(&mut conn, round).await.unwrap();
    assert_eq!(eligible.len(), 2);
    assert_eq!(eligible[0].group_number, Some(2));
    assert!(eligible[0].group.is_some());
});

store_test!(
    the_panel_is_the_groups_jurors_with_overrides_and_declarations,
    |store| {
        let (secretary, round) = setup_round(&store).await;
        let (entry, _) = submitted_entry(&store, round, "a@x.vn", 1).await;
        let one = juror(&store, round, "j1@x.vn", &[1]).await;
        let two = juror(&store, round, "j2@x.vn", &[2]).await;
        let mut conn = store.pool().acquire().await.unwrap();
        let group1 = rounds::groups(&mut conn, round).await.unwrap()[0].id;
        let panel = jury::panel(&mut conn, round).await.unwrap();
        assert_eq!(panel.assigned(entry, Some(group1)), [one].into());

        jury::set_override(&mut conn, round, entry, two, Some(Override::Added), secretary, NOW)
            .await
            .unwrap();
        jury::set_override(&mut conn, round, entry, one, Some(Override::Removed), secretary, NOW)
            .await
            .unwrap();
        let panel = jury::panel(&mut conn, round).await.unwrap();
        assert_eq!(panel.assigned(entry, Some(group1)), [two].into());
        jury::set_override(&mut conn, round, entry, one, None, secretary, NOW)
            .await
            .unwrap();
        let panel = jury::panel(&mut conn, round).await.unwrap();
        assert_eq!(panel.assigned(entry, Some(group1)), [one, two].into());

        jury::declare(&mut conn, round, entry, one, &Declaration::NoTie, one, NOW)
            .await
            .unwrap();
        let tie = Declaration::Tie {
            tie: Tie::Relative,
            note: Some("Em họ của chủ cơ sở".into()),
        };
        jury::declare(&mut conn, round, entry, two, &tie, secretary, NOW)
            .await
            .unwrap();
        let declared = jury::declarations(&mut conn, round).await.unwrap();
        assert_eq!(declared[&(entry, one)].declaration, Declaration::NoTie);
        assert_eq!(declared[&(entry, two)].declaration, tie);
        assert_eq!(declared[&(entry, two)].recorded_by, secretary);
        // A later declaration replaces the earlier one.
        jury::declare(&mut conn, round, entry, one, &tie, one, NOW)
            .await
            .unwrap();
        let declared = jury::declarations(&mut conn, round).await.unwrap();
        assert_eq!(declared.len(), 2);
        assert_eq!(declared[&(entry, one)].declaration, tie);
    }
);

store_test!(
    sheets_are_written_by_version_locked_on_submission_and_reopened,
    |store| {
        let (secretary, round) = setup_round(&store).await;
        let (entry, _) = submitted_entry(&store, round, "a@x.vn", 1).await;
        let one = juror(&store, round, "j1@x.vn", &[1]).await;
        let mut conn = store.pool().acquire().await.unwrap();
        let mut points: SheetPoints = BTreeMap::new();
        points.insert("k1".into(), Some(Points(2250)));
        points.insert("k2".into(), None);
        let draft = SheetWrite {
            round,
            entry,
            juror: one,
            state: SheetState::Draft,
            points: &points,
            total: Points(2250),
            subtotals: &[Points(2250), Points(0)],
            comment: Some("Sản phẩm đẹp"),
            from_paper: false,
            by: one,
        };
        assert_eq!(sheets::write_sheet(&mut conn, &draft, 0, NOW).await.unwrap(), Some(1));
        assert_eq!(
            sheets::write_sheet(&mut conn, &draft, 0, NOW).await.unwrap(),
            None,
            "a second tab creating the same sheet"
        );
        let stored = sheets::get_sheet(&mut conn, entry, one).await.unwrap().unwrap();
        assert_eq!(stored.version, 1);
        assert_eq!(stored.points, [("k1".to_string(), Points(2250))].into());
        assert_eq!(stored.comment.as_deref(), Some("Sản phẩm đẹp"));
        assert_eq!(stored.subtotals, Some(vec![Points(2250), Points(0)]));

        let mut full = points.clone();
        full.insert("k2".into(), Some(Points(1000)));
        let submit = SheetWrite {
            state: SheetState::Submitted,
            points: &full,
            total: Points(3250),
            subtotals: &[Points(2250), Points(1000)],
            ..draft.clone()
        };
        assert_eq!(
            sheets::write_sheet(&mut conn, &submit, 5, NOW).await.unwrap(),
            None,
            "stale"
        );
        assert_eq!(sheets::write_sheet(&mut conn, &submit, 1, NOW).await.unwrap(), Some(2));
        assert_eq!(
            sheets::write_sheet(&mut conn, &submit, 2, NOW).await.unwrap(),
            None,
            "a submitted sheet is locked"
        );
        let stored = sheets::get_sheet(&mut conn, entry, one).await.unwrap().unwrap();
        assert_eq!(
            (stored.state, stored.total, stored.points.len()),
            (SheetState::Submitted, Points(3250), 2)
        );
        assert_eq!(stored.submitted_at, Some(NOW));
        assert_eq!(
            stored.subtotals,
            Some(vec![Points(2250), Points(1000)]),
            "the sums as submitted"
        );
        assert!(
            !sheets::delete_draft(&mut conn, entry, one).await.unwrap(),
            "submitted sheets stay"
        );

        assert!(
            !sheets::reopen(&mut conn, stored.id, 1, secretary, NOW).await.unwrap(),
            "stale"
        );
        assert!(sheets::reopen(&mut conn, stored.id, 2, secretary, NOW).await.unwrap());
        let reopened = sheets::get_sheet(&mut conn, entry, one).await.unwrap().unwrap();
        assert_eq!(
            (reopened.state, reopened.version, reopened.submitted_at),
            (SheetState::Draft, 3, None)
        );
        assert_eq!(reopened.updated_by, secretary);
        assert_eq!(reopened.points.len(), 2, "reopening keeps the points");
        assert_eq!(sheets::sheets_of_round(&mut conn, round).await.unwrap().len(), 1);
        let mut with_lines = sheets::sheets_of_round(&mut conn, round).await.unwrap();
        sheets::load_points(&mut conn, &mut with_lines).await.unwrap();
        assert_eq!(with_lines[0].points, reopened.points, "the lines, read set-wise");

        assert!(sheets::delete_draft(&mut conn, entry, one).await.unwrap());
        assert!(sheets::get_sheet(&mut conn, entry, one).await.unwrap().is_none());
    }
);
