//! Store-level fixtures for the contract tests: one body run on each
//! database, a user, a business and a provincial round to work in.

use app::db::rounds::{self, NewRound};
use app::db::users::{self, NewUser};
use app::db::{geography, Store};
use app::domain::administration::AccountStatus;
use app::domain::business::{Business, LegalForm};
use app::domain::ids::{RoundId, TerritoryId, UserId};
use app::domain::round::{check_round_settings, RoundSettingsForm};
use app::domain::time::Timestamp;

use super::{backends, Backend, TestDb};

/// The instant the store tests pretend it is.
pub const NOW: Timestamp = Timestamp(1_795_000_000_000);

/// Runs `test` on a fresh store of `backend`. PostgreSQL is skipped,
/// loudly, only where it is not required and does not answer.
pub async fn on_backend<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    if !backends().await.contains(&backend) {
        return;
    }
    let db = TestDb::new(backend).await;
    let store = db.store().await;
    test(store.clone()).await;
    store.close().await;
    db.cleanup().await;
}

/// One store test case as two tests, `name::sqlite` and `name::postgres`,
/// each on a fresh store of its database, so a failure on one neither
/// hides nor leaks into the other.
#[macro_export]
macro_rules! store_test {
    ($name:ident, |$store:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                $crate::common::fixtures::on_backend($crate::common::Backend::Sqlite, |$store| async move $body).await;
            }

            #[tokio::test]
            async fn postgres() {
                $crate::common::fixtures::on_backend($crate::common::Backend::Postgres, |$store| async move $body).await;
            }
        }
    };
}

/// An active account with an e-mail address and no password.
pub async fn add_user(store: &Store, email: &str) -> UserId {
    let id = UserId::new();
    let mut conn = store.pool().acquire().await.unwrap();
    users::insert_user(
        &mut conn,
        &NewUser {
            id,
            name: email,
            email: Some(email),
            phone: None,
            password_hash: None,
            status: AccountStatus::Active,
            now: NOW,
        },
    )
    .await
    .unwrap();
    id
}

/// A household business's profile.
pub fn business(name: &str) -> Business {
    Business {
        name: name.into(),
        legal_form: LegalForm::Household,
        registration_number: "47A8001234".into(),
        tax_code: None,
        province: "Đồng Nai".into(),
        commune: "Phường Tân Vạn".into(),
        street: "12 Bùi Hữu Nghĩa".into(),
        representative: "Nguyễn Văn A".into(),
        position: "Chủ hộ".into(),
        phone: "0912345678".into(),
        email: None,
    }
}

/// A business owner's account and a provincial round of 2026 in a new
/// province.
pub async fn setup_round(store: &Store) -> (UserId, RoundId) {
    let owner = add_user(store, "chu@x.vn").await;
    let mut tx = store.write().await.unwrap();
    let levels = geography::list_levels(&mut tx).await.unwrap();
    let province = levels.iter().find(|l| l.rank == 2).unwrap().id;
    let territory = TerritoryId::new();
    geography::insert_territory(
        &mut tx,
        territory,
        province,
        None,
        &app::domain::geography::TerritoryInput {
            name_vi: "Đồng Nai".into(),
            name_en: "Dong Nai".into(),
        },
        NOW,
    )
    .await
    .unwrap();
    let settings = check_round_settings(&RoundSettingsForm {
        name: "Đồng Nai 2026".into(),
        year: "2026".into(),
        entries_open: "2026-03-01T08:00".into(),
        entries_close: "2026-06-30T17:00".into(),
        judging_close: "2026-08-31T17:00".into(),
        threshold: "70".into(),
        quorum_percent: "50".into(),
        majority_percent: "50".into(),
        certificate_pattern: "{seq}/{year}".into(),
        score_step: "0,5".into(),
        spread_flag: "20".into(),
        ..RoundSettingsForm::default()
    })
    .unwrap();
    let round = RoundId::new();
    rounds::insert_round(
        &mut tx,
        &NewRound {
            id: round,
            level: province,
            territory,
            parent: None,
            settings: &settings,
            created_by: owner,
            now: NOW,
        },
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    (owner, round)
}

/// A second round like `like` (same level, territory and settings, a year
/// later: one round per territory, level and year), created by `by`.
pub async fn another_round(store: &Store, like: RoundId, by: UserId) -> RoundId {
    let mut tx = store.write().await.unwrap();
    let model = rounds::get_round(&mut tx, like).await.unwrap().unwrap();
    let mut settings = model.settings.clone();
    settings.year += 1;
    settings.name = format!("{} ({})", settings.name, settings.year);
    let round = RoundId::new();
    rounds::insert_round(
        &mut tx,
        &NewRound {
            id: round,
            level: model.level,
            territory: model.territory,
            parent: None,
            settings: &settings,
            created_by: by,
            now: NOW,
        },
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    round
}
