//! The store's contract for the council's votes and tallies, the decision,
//! results and certificates, on SQLite and PostgreSQL.

#[macro_use]
mod common;

use app::db::council::{self, EntryResult, MeetingTally, NewDecision};
use app::db::{businesses, entries, Store};
use app::domain::certificate::{format_number, valid_until, CertifiedNames};
use app::domain::council::{Ballot, Tally, Vote};
use app::domain::ids::{EntryId, RoundId, SetId, UserId};
use common::fixtures::{add_user, another_round, business, setup_round, NOW};

async fn entry(store: &Store, round: RoundId, owner_email: &str) -> EntryId {
    let owner = add_user(store, owner_email).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let biz = businesses::save_business(&mut conn, owner, &business(owner_email), NOW)
        .await
        .unwrap();
    let id = EntryId::new();
    entries::insert_entry(&mut conn, id, round, biz, NOW).await.unwrap();
    id
}

fn no_names(_: EntryId, _: Option<SetId>) -> Option<CertifiedNames> {
    None
}

fn certified(product: &str) -> CertifiedNames {
    CertifiedNames {
        product: product.to_owned(),
        set_items: Vec::new(),
        group: Some((1, "Thủ công mỹ nghệ".into(), "Handicrafts".into())),
        business: business("Hộ Gốm Biên Hòa"),
        level: ("Cấp tỉnh".into(), "Provincial".into()),
        territory: ("Đồng Nai".into(), "Dong Nai".into()),
    }
}

fn result(entry: EntryId, recognised: bool, nominated: bool) -> EntryResult {
    EntryResult {
        entry,
        score_sum: 22_100,
        score_count: 3,
        recognised,
        nominated,
    }
}

fn decision(round: RoundId, by: UserId, pattern: &str) -> NewDecision<'_> {
    NewDecision {
        round,
        number: "1234/QĐ-UBND",
        decided_on: NOW,
        signer: "Phó Chủ tịch UBND tỉnh",
        issuer: "Ủy ban nhân dân tỉnh Đồng Nai",
        pattern,
        year: 2026,
        by,
    }
}

store_test!(a_members_vote_is_replaced_not_added, |store| {
    let (_, round) = setup_round(&store).await;
    let a = entry(&store, round, "a@x.vn").await;
    let member = add_user(&store, "uyvien@x.vn").await;
    let other = add_user(&store, "uyvien2@x.vn").await;
    let mut conn = store.pool().acquire().await.unwrap();
    let first = Vote {
        recognise: Ballot::Against,
        nominate: None,
    };
    council::cast_vote(&mut conn, round, a, member, first, NOW)
        .await
        .unwrap();
    let second = Vote {
        recognise: Ballot::For,
        nominate: Some(Ballot::Abstain),
    };
    council::cast_vote(&mut conn, round, a, member, second, NOW.plus_secs(60))
        .await
        .unwrap();
    council::cast_vote(&mut conn, round, a, other, first, NOW)
        .await
        .unwrap();
    let votes = council::votes_of_round(&mut conn, round).await.unwrap();
    assert_eq!(votes.len(), 2);
    let mine = votes.iter().find(|v| v.member == member).unwrap();
    assert_eq!(mine.vote, second);
    assert_eq!(mine.cast_at, NOW.plus_secs(60));
});

store_test!(a_meeting_tally_is_kept_and_corrected, |store| {
    let (secretary, round) = setup_round(&store).await;
    let a = entry(&store, round, "a@x.vn").await;
    let mut conn = store.pool().acquire().await.unwrap();
    let tally = |for_votes| MeetingTally {
        recognise: Tally {
            members: 9,
            present: 8,
            for_votes,
            against: 8 - for_votes,
            abstain: 0,
        },
        nominate: Tally {
            members: 9,
            present: 8,
            for_votes: 2,
            against: 5,
            abstain: 1,
        },
    };
    council::record_tally(&mut conn, round, a, &tally(5), secretary, NOW)
        .await
        .unwrap();
    council::record_tally(&mut conn, round, a, &tally(8), secretary, NOW.plus_secs(5))
        .await
        .unwrap();
    let stored = council::tallies_of_round(&mut conn, round).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].tally, tally(8));
    assert_eq!(stored[0].recorded_by, secretary);
});

store_test!(deciding_issues_numbered_certificates_once, |store| {
    let (secretary, round) = setup_round(&store).await;
    let a = entry(&store, round, "a@x.vn").await;
    let b = entry(&store, round, "b@x.vn").await;
    let c = entry(&store, round, "c@x.vn").await;
    let pattern = "{seq}/{year}/GCN-CNNT";
    let results = [result(a, true, true), result(b, false, true), result(c, true, false)];
    let mut tx = store.write().await.unwrap();
    // What each certificate names is kept with it, as it was given.
    let named = |entry: EntryId, _| Some(certified(&format!("Sản phẩm {entry}")));
    let issued = council::decide(
        &mut tx,
        &decision(round, secretary, pattern),
        &results,
        &[],
        &named,
        NOW,
    )
    .await
    .unwrap()
    .expect("first decision");
    assert!(issued
        .iter()
        .all(|c| c.names == Some(certified(&format!("Sản phẩm {}", c.entry)))));
    tx.commit().await.unwrap();
    let numbers: Vec<_> = issued.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers, ["001/2026/GCN-CNNT", "002/2026/GCN-CNNT"]);
    assert_eq!(issued[0].entry, a);
    assert_eq!(issued[1].entry, c);
    assert_eq!(issued[0].valid_until, valid_until(NOW));

    // A second decision writes nothing.
    let mut tx = store.write().await.unwrap();
    let again = council::decide(
        &mut tx,
        &decision(round, secretary, pattern),
        &results,
        &[],
        &no_names,
        NOW,
    )
    .await
    .unwrap();
    assert!(again.is_none());
    tx.commit().await.unwrap();

    let mut conn = store.pool().acquire().await.unwrap();
    let stored = council::certificates_of_round(&mut conn, round).await.unwrap();
    assert_eq!(stored, issued);
    let results_back = council::results_of_round(&mut conn, round).await.unwrap();
    assert_eq!(results_back.len(), 3);
    let b_result = results_back.iter().find(|r| r.entry == b).unwrap();
    assert!(
        !b_result.recognised && !b_result.nominated,
        "an unrecognised entry is never nominated"
    );
    let d = council::decision(&mut conn, round).await.unwrap().unwrap();
    assert_eq!(d.number, "1234/QĐ-UBND");
    assert_eq!(d.recorded_by, secretary);
    assert_eq!(d.issuer, "Ủy ban nhân dân tỉnh Đồng Nai");
    let found = council::certificate_by_number(&mut conn, "002/2026/GCN-CNNT")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.entry, c);
    assert!(council::certificate_by_number(&mut conn, "003/2026/GCN-CNNT")
        .await
        .unwrap()
        .is_none());

    // Revocation keeps the number and happens once.
    assert!(
        council::revoke_certificate(&mut conn, found.id, "Sai thông tin", secretary, NOW)
            .await
            .unwrap()
    );
    assert!(
        !council::revoke_certificate(&mut conn, found.id, "Lần nữa", secretary, NOW)
            .await
            .unwrap()
    );
    let revoked = council::certificate_by_number(&mut conn, "002/2026/GCN-CNNT")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(revoked.revoked, Some((NOW, "Sai thông tin".to_owned())));
});

store_test!(numbers_never_repeat_across_rounds_with_one_pattern, |store| {
    let (secretary, first) = setup_round(&store).await;
    let a = entry(&store, first, "a@x.vn").await;
    let pattern = "{seq}/{year}/GCN-CNNT";
    let mut tx = store.write().await.unwrap();
    council::decide(
        &mut tx,
        &decision(first, secretary, pattern),
        &[result(a, true, false)],
        &[],
        &no_names,
        NOW,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    // A second round of the same year and pattern.
    let second = another_round(&store, first, secretary).await;
    let b = entry(&store, second, "b@x.vn").await;
    let c = entry(&store, second, "c@x.vn").await;
    let mut tx = store.write().await.unwrap();
    let issued = council::decide(
        &mut tx,
        &decision(second, secretary, pattern),
        &[result(b, true, false), result(c, true, false)],
        &[],
        &no_names,
        NOW,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    let numbers: Vec<_> = issued.iter().map(|c| c.number.clone()).collect();
    assert_eq!(
        numbers,
        [format_number(pattern, 2, 2026), format_number(pattern, 3, 2026)]
    );
});

store_test!(a_set_gets_one_certificate_for_its_recognised_entries, |store| {
    let (secretary, round) = setup_round(&store).await;
    let a = entry(&store, round, "a@x.vn").await;
    let b = entry(&store, round, "b@x.vn").await;
    let c = entry(&store, round, "c@x.vn").await;
    let d = entry(&store, round, "d@x.vn").await;
    let mut tx = store.write().await.unwrap();
    let set = council::create_set(&mut tx, round, "Bộ gốm", &[c, a, d], secretary, NOW)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let sets = council::sets_of_round(&mut conn, round).await.unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].entries, [c, a, d], "in the order given");
    drop(conn);

    // d is not recognised: the set is certified as c and a.
    let results = [
        result(a, true, false),
        result(b, true, false),
        result(c, true, false),
        result(d, false, false),
    ];
    let mut tx = store.write().await.unwrap();
    let issued = council::decide(
        &mut tx,
        &decision(round, secretary, "{seq}/GCN"),
        &results,
        &sets,
        &no_names,
        NOW,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    let held: Vec<_> = issued.iter().map(|c| (c.entry, c.set)).collect();
    assert_eq!(
        held,
        [(b, None), (c, Some(set))],
        "the set's first recognised entry (in the set's order) holds it, numbered where it comes"
    );
    let mut conn = store.pool().acquire().await.unwrap();
    let of_a = council::certificate_of_entry(&mut conn, a).await.unwrap().unwrap();
    assert_eq!(of_a.number, issued[1].number, "a is covered by the set's certificate");
    assert!(council::certificate_of_entry(&mut conn, d).await.unwrap().is_some());
    assert_eq!(
        council::decision_counts(&mut conn, round).await.unwrap(),
        (true, 2, 2),
        "the set counts as one"
    );
    assert!(
        !council::dissolve_set(&mut conn, round, set).await.unwrap(),
        "a certified set stays"
    );
});

store_test!(a_set_can_be_dissolved_before_the_decision, |store| {
    let (secretary, round) = setup_round(&store).await;
    let a = entry(&store, round, "a@x.vn").await;
    let b = entry(&store, round, "b@x.vn").await;
    let mut conn = store.pool().acquire().await.unwrap();
    let set = council::create_set(&mut conn, round, "Bộ", &[a, b], secretary, NOW)
        .await
        .unwrap();
    drop(conn);
    let other = another_round(&store, round, secretary).await;
    let mut conn = store.pool().acquire().await.unwrap();
    assert!(
        !council::dissolve_set(&mut conn, other, set).await.unwrap(),
        "only through its own round"
    );
    assert!(council::dissolve_set(&mut conn, round, set).await.unwrap());
    assert!(council::sets_of_round(&mut conn, round).await.unwrap().is_empty());
    assert_eq!(council::decision_counts(&mut conn, round).await.unwrap(), (false, 0, 0));
});

store_test!(a_nomination_copies_the_entry_once_into_the_higher_round, |store| {
    use app::db::entries::FileRecord;
    use app::db::nominations::{self, NewNomination};
    use app::domain::entry::{EntryContent, EntryState};
    use app::domain::ids::FileId;
    use app::domain::upload::{FileKind, FileType};
    let (secretary, round) = setup_round(&store).await;
    let parent = another_round(&store, round, secretary).await;
    let a = entry(&store, round, "a@x.vn").await;
    let mut conn = store.pool().acquire().await.unwrap();
    let content = EntryContent {
        product_name: Some("Nước mắm Phú Quốc".into()),
        group: Some(2),
        description: Some("Mô tả.".into()),
        ..EntryContent::default()
    };
    entries::save_content(&mut conn, a, 1, &content, NOW).await.unwrap();
    drop(conn);
    let mut tx = store.write().await.unwrap();
    let issued = council::decide(
        &mut tx,
        &decision(round, secretary, "{seq}/{year}"),
        &[result(a, true, true)],
        &[],
        &no_names,
        NOW,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    let file = |id| FileRecord {
        id,
        entry: a,
        kind: FileKind::LowerCertificate,
        file_type: FileType::Pdf,
        display_name: "Giấy chứng nhận 001/2026.pdf".into(),
        size: 10,
        content_hash: "ab".repeat(32),
        medium_hash: None,
        thumb_hash: None,
        width: None,
        height: None,
        created_at: NOW,
    };
    let arrived = EntryId::new();
    let n = NewNomination {
        source_entry: a,
        source_round: round,
        certificate: issued[0].id,
        round: parent,
        entry: arrived,
        by: secretary,
        at: NOW,
    };
    let mut tx = store.write().await.unwrap();
    assert!(nominations::send(&mut tx, &n, &[file(FileId::new())]).await.unwrap());
    tx.commit().await.unwrap();
    // Sent once: a second attempt writes nothing.
    let mut tx = store.write().await.unwrap();
    let again = NewNomination {
        entry: EntryId::new(),
        ..n.clone()
    };
    assert!(!nominations::send(&mut tx, &again, &[file(FileId::new())])
        .await
        .unwrap());
    tx.commit().await.unwrap();

    let mut conn = store.pool().acquire().await.unwrap();
    let copy = entries::get_entry(&mut conn, arrived).await.unwrap().unwrap();
    let source = entries::get_entry(&mut conn, a).await.unwrap().unwrap();
    assert_eq!(copy.round, parent);
    assert_eq!(copy.business, source.business);
    assert_eq!(copy.state, EntryState::Submitted);
    assert_eq!(copy.submitted_at, Some(NOW));
    assert_eq!(copy.content, source.content);
    assert_eq!(copy.selection_code, None);
    let files = entries::files_of(&mut conn, arrived).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].kind, FileKind::LowerCertificate);
    assert!(
        entries::files_of(&mut conn, a).await.unwrap().is_empty(),
        "the source keeps its own rows"
    );
    let sent = nominations::sent_from(&mut conn, round).await.unwrap();
    let received = nominations::received_in(&mut conn, parent).await.unwrap();
    assert_eq!(sent, received);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].entry, arrived);
    assert_eq!(sent[0].certificate, issued[0].id);
    assert_eq!(
        nominations::arrived_as(&mut conn, arrived).await.unwrap(),
        Some(sent[0].clone())
    );
    assert_eq!(nominations::arrived_as(&mut conn, a).await.unwrap(), None);
    assert_eq!(
        council::certificate_by_id(&mut conn, issued[0].id).await.unwrap(),
        Some(issued[0].clone())
    );
});
