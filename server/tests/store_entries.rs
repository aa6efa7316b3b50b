//! The store's contract for businesses, entries and files, on SQLite and
//! PostgreSQL.

#[macro_use]
mod common;

use app::db::businesses;
use app::db::entries::{self, count_files, FileRecord};
use app::domain::entry::{EntryContent, EntryState};
use app::domain::ids::{EntryId, FileId};
use app::domain::upload::{FileKind, FileType};
use common::fixtures::{business, setup_round as setup, NOW};

store_test!(a_business_profile_is_created_then_updated, |store| {
    let (owner, _) = setup(&store).await;
    let mut conn = store.pool().acquire().await.unwrap();
    assert!(businesses::business_of(&mut conn, owner).await.unwrap().is_none());
    let id = businesses::save_business(&mut conn, owner, &business("Hộ Bánh Pía"), NOW)
        .await
        .unwrap();
    let mut changed = business("Hộ Bánh Pía Sóc Trăng");
    changed.email = Some("pia@x.vn".into());
    assert_eq!(
        businesses::save_business(&mut conn, owner, &changed, NOW)
            .await
            .unwrap(),
        id
    );
    let stored = businesses::get_business(&mut conn, id).await.unwrap().unwrap();
    assert_eq!((stored.owner, stored.business), (owner, changed));
});

store_test!(entries_save_by_version_and_move_by_state, |store| {
    let (owner, round) = setup(&store).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let biz = businesses::save_business(&mut conn, owner, &business("Hộ A"), NOW)
        .await
        .unwrap();
    let id = EntryId::new();
    entries::insert_entry(&mut conn, id, round, biz, NOW).await.unwrap();
    let content = EntryContent {
        product_name: Some("Bánh pía".into()),
        group: Some(2),
        description: Some("Dòng 1\nDòng 2".into()),
        ..EntryContent::default()
    };
    assert_eq!(
        entries::save_content(&mut conn, id, 1, &content, NOW).await.unwrap(),
        Some(2)
    );
    assert_eq!(
        entries::save_content(&mut conn, id, 1, &content, NOW).await.unwrap(),
        None,
        "a stale version"
    );
    let stored = entries::get_entry(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(
        (stored.state, stored.version, stored.content),
        (EntryState::Draft, 2, content.clone())
    );

    assert!(
        entries::set_state(&mut conn, id, EntryState::Draft, EntryState::Submitted, None, NOW)
            .await
            .unwrap()
    );
    assert!(
        !entries::set_state(&mut conn, id, EntryState::Draft, EntryState::Submitted, None, NOW)
            .await
            .unwrap()
    );
    assert_eq!(
        entries::save_content(&mut conn, id, 3, &content, NOW).await.unwrap(),
        None,
        "submitted entries are locked"
    );
    assert!(entries::set_state(
        &mut conn,
        id,
        EntryState::Submitted,
        EntryState::Returned,
        Some("Thiếu ảnh"),
        NOW
    )
    .await
    .unwrap());
    let returned = entries::get_entry(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(
        (returned.message.as_deref(), returned.submitted_at),
        (Some("Thiếu ảnh"), Some(NOW))
    );
    assert_eq!(entries::round_counts(&mut conn, round).await.unwrap(), (1, 1, 0));
    assert_eq!(entries::entries_of_round(&mut conn, round).await.unwrap().len(), 1);
    assert_eq!(entries::entries_of_business(&mut conn, biz).await.unwrap().len(), 1);
});

store_test!(files_are_listed_counted_and_removed, |store| {
    let (owner, round) = setup(&store).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let biz = businesses::save_business(&mut conn, owner, &business("Hộ A"), NOW)
        .await
        .unwrap();
    let id = EntryId::new();
    entries::insert_entry(&mut conn, id, round, biz, NOW).await.unwrap();
    let file = |kind| FileRecord {
        id: FileId::new(),
        entry: id,
        kind,
        file_type: FileType::Jpeg,
        display_name: "ảnh mặt trước.jpg".into(),
        size: 1234,
        content_hash: "a".repeat(64),
        medium_hash: Some("b".repeat(64)),
        thumb_hash: Some("c".repeat(64)),
        width: Some(1920),
        height: Some(1280),
        created_at: NOW,
    };
    let photo = file(FileKind::Photo);
    for f in [&photo, &file(FileKind::Photo), &file(FileKind::Registration)] {
        entries::insert_file(&mut conn, f, owner).await.unwrap();
    }
    let listed = entries::files_of(&mut conn, id).await.unwrap();
    let counts = count_files(&listed);
    assert_eq!((counts.photos, counts.registration, counts.documents), (2, 1, 0));
    assert_eq!(
        entries::get_file(&mut conn, photo.id).await.unwrap(),
        Some(photo.clone())
    );
    assert!(entries::delete_file(&mut conn, photo.id).await.unwrap());
    assert!(!entries::delete_file(&mut conn, photo.id).await.unwrap());
    assert_eq!(entries::files_of(&mut conn, id).await.unwrap().len(), 2);
});
