//! The store's contract, one body run against SQLite and PostgreSQL.

#[macro_use]
mod common;

use app::db::audit::{self, AuditEntry};
use app::db::outbox::{self, MessageStatus, NewMessage};
use app::db::users::{self, LoginColumn, NewUser};
use app::db::{invitations, password_resets, sessions, setup, throttle, Store, StoreError};
use app::domain::administration::AccountStatus;
use app::domain::audit::AuditAction;
use app::domain::ids::{InvitationId, ResetId, RoundId, UserId};
use app::domain::role::{Role, RoleGrant};
use app::domain::throttle::ThrottleState;
use common::fixtures::NOW;

async fn add_user(store: &Store, name: &str, email: Option<&str>, phone: Option<&str>) -> Result<UserId, StoreError> {
    let id = UserId::new();
    let mut conn = store.pool().acquire().await.unwrap();
    users::insert_user(
        &mut conn,
        &NewUser {
            id,
            name,
            email,
            phone,
            password_hash: Some("$argon2id$dummy"),
            status: AccountStatus::Active,
            now: NOW,
        },
    )
    .await
    .map(|()| id)
}

store_test!(users_are_unique_by_email_and_by_phone, |store| {
    let lan = add_user(&store, "Nguyễn Thị Lan", Some("lan@x.vn"), Some("0912345678"))
        .await
        .unwrap();
    assert!(matches!(
        add_user(&store, "Other", Some("lan@x.vn"), None).await,
        Err(StoreError::Duplicate("email"))
    ));
    assert!(matches!(
        add_user(&store, "Other", None, Some("0912345678")).await,
        Err(StoreError::Duplicate("phone"))
    ));
    let mut conn = store.pool().acquire().await.unwrap();
    let by_phone = users::find_login(&mut conn, LoginColumn::Phone, "0912345678")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(by_phone.user.id, lan);
    assert_eq!(by_phone.user.name, "Nguyễn Thị Lan");
    assert_eq!(by_phone.password_hash.as_deref(), Some("$argon2id$dummy"));
    assert!(users::find_login(&mut conn, LoginColumn::Email, "nobody@x.vn")
        .await
        .unwrap()
        .is_none());
});

store_test!(ids_are_bound_and_read_as_themselves, |store| {
    use sqlx::Row;
    // A typed id binds as its text and reads back as itself, and a column
    // that holds anything else is a decoding error naming the id's type.
    let lan = add_user(&store, "Nguyễn Thị Lan", Some("lan@x.vn"), None)
        .await
        .unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let row = sqlx::query("SELECT id, name FROM users WHERE id = $1")
        .bind(lan)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(row.try_get::<UserId, _>("id").unwrap(), lan);
    let error = row.try_get::<RoundId, _>("name").unwrap_err().to_string();
    assert!(error.contains("not a valid RoundId"), "{error}");
});

store_test!(codes_are_bound_and_read_as_themselves, |store| {
    use sqlx::Row;
    // A closed set (here a role and an account's status) binds as its
    // stored code and reads back as itself; an unknown code, or a NULL
    // where the set allows none, is a decoding error, never a default.
    let lan = add_user(&store, "Nguyễn Thị Lan", Some("lan@x.vn"), None)
        .await
        .unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let row = sqlx::query("SELECT status, name, $2 AS role, NULL AS missing FROM users WHERE id = $1")
        .bind(lan)
        .bind(Role::Juror)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let status: AccountStatus = row.try_get("status").unwrap();
    assert_eq!(row.try_get::<String, _>("status").unwrap(), status.code());
    assert_eq!(row.try_get::<String, _>("role").unwrap(), "juror");
    assert_eq!(row.try_get::<Role, _>("role").unwrap(), Role::Juror);
    let error = row.try_get::<Role, _>("name").unwrap_err().to_string();
    assert!(error.contains("not a valid") && error.contains("Role"), "{error}");
    assert_eq!(row.try_get::<Option<Role>, _>("missing").unwrap(), None);
    assert!(row.try_get::<Role, _>("missing").is_err());
});

store_test!(search_ignores_diacritics_and_treats_wildcards_literally, |store| {
    add_user(&store, "Nguyễn Văn Đức", Some("duc@x.vn"), None)
        .await
        .unwrap();
    add_user(&store, "Trần Thị Bình", Some("binh@x.vn"), None)
        .await
        .unwrap();
    add_user(&store, "100% Gốm", Some("gom@x.vn"), None).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let (found, total) = users::list_users(&mut conn, Some("nguyen van duc"), 0, 50)
        .await
        .unwrap();
    assert_eq!((found.len(), total), (1, 1));
    assert_eq!(found[0].name, "Nguyễn Văn Đức");
    let (found, _) = users::list_users(&mut conn, Some("%"), 0, 50).await.unwrap();
    assert_eq!(found.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["100% Gốm"]);
    let (all, total) = users::list_users(&mut conn, None, 0, 2).await.unwrap();
    assert_eq!((all.len(), total), (2, 3));
});

store_test!(role_grants_hold_installation_and_round_scopes, |store| {
    let user = add_user(&store, "A", Some("a@x.vn"), None).await.unwrap();
    let mut tx = store.write().await.unwrap();
    let admin = RoleGrant::global(Role::Administrator);
    let round_juror = RoleGrant {
        role: Role::Juror,
        round: Some(RoundId(uuid::Uuid::from_u128(7))),
    };
    assert!(users::grant_role(&mut tx, user, &admin, None, NOW).await.unwrap());
    assert!(!users::grant_role(&mut tx, user, &admin, None, NOW).await.unwrap());
    assert!(users::grant_role(&mut tx, user, &round_juror, None, NOW).await.unwrap());
    assert!(
        users::grant_role(&mut tx, user, &RoleGrant::global(Role::Juror), None, NOW)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();

    let mut conn = store.pool().acquire().await.unwrap();
    let grants = users::grants_of(&mut conn, user).await.unwrap();
    assert_eq!(grants.len(), 3);
    assert!(grants.contains(&round_juror));
    assert!(users::administrator_exists(&mut conn).await.unwrap());
    assert_eq!(users::count_active_admins(&mut conn).await.unwrap(), 1);
    users::set_status(&mut conn, user, AccountStatus::Disabled, NOW)
        .await
        .unwrap();
    assert_eq!(users::count_active_admins(&mut conn).await.unwrap(), 0);

    assert!(users::revoke_role(&mut conn, user, &RoleGrant::global(Role::Juror))
        .await
        .unwrap());
    let grants = users::grants_of_many(&mut conn, &[user]).await.unwrap();
    assert_eq!(grants[&user].len(), 2, "the round-scoped juror grant stays");
});

store_test!(sessions_expire_and_end_with_their_account, |store| {
    let user = add_user(&store, "A", Some("a@x.vn"), None).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    sessions::insert_session(&mut conn, "h1", user, NOW, NOW.plus_secs(60))
        .await
        .unwrap();
    sessions::insert_session(&mut conn, "h2", user, NOW, NOW.plus_secs(60))
        .await
        .unwrap();
    assert_eq!(sessions::session_user(&mut conn, "h1", NOW).await.unwrap(), Some(user));
    assert_eq!(
        sessions::session_user(&mut conn, "h1", NOW.plus_secs(61))
            .await
            .unwrap(),
        None
    );
    assert_eq!(sessions::session_user(&mut conn, "unknown", NOW).await.unwrap(), None);

    assert_eq!(
        sessions::delete_user_sessions(&mut conn, user, Some("h1"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(sessions::session_user(&mut conn, "h2", NOW).await.unwrap(), None);

    users::set_status(&mut conn, user, AccountStatus::Disabled, NOW)
        .await
        .unwrap();
    assert_eq!(sessions::session_user(&mut conn, "h1", NOW).await.unwrap(), None);

    assert_eq!(
        sessions::purge_expired(&mut conn, NOW.plus_secs(3600)).await.unwrap(),
        1
    );
});

store_test!(throttle_counters_round_trip, |store| {
    let mut conn = store.pool().acquire().await.unwrap();
    assert_eq!(throttle::get_throttle(&mut conn, "k").await.unwrap(), None);
    let state = ThrottleState {
        failures: 5,
        last_failure: NOW,
        locked_until: NOW.plus_secs(60),
    };
    throttle::put_throttle(&mut conn, "k", &state).await.unwrap();
    let later = ThrottleState { failures: 6, ..state };
    throttle::put_throttle(&mut conn, "k", &later).await.unwrap();
    assert_eq!(throttle::get_throttle(&mut conn, "k").await.unwrap(), Some(later));
    throttle::clear_throttle(&mut conn, "k").await.unwrap();
    assert_eq!(throttle::get_throttle(&mut conn, "k").await.unwrap(), None);

    // Counters nobody remembers are purged; a lock still running stays.
    throttle::put_throttle(
        &mut conn,
        "old",
        &ThrottleState {
            failures: 1,
            last_failure: NOW,
            locked_until: NOW,
        },
    )
    .await
    .unwrap();
    throttle::put_throttle(&mut conn, "locked", &state).await.unwrap();
    assert_eq!(throttle::purge_stale(&mut conn, NOW.plus_secs(30)).await.unwrap(), 1);
    assert_eq!(throttle::get_throttle(&mut conn, "old").await.unwrap(), None);
    assert_eq!(throttle::get_throttle(&mut conn, "locked").await.unwrap(), Some(state));
});

store_test!(one_time_links_work_once, |store| {
    let mut conn = store.pool().acquire().await.unwrap();
    setup::insert_setup_token(&mut conn, "s1", NOW, NOW.plus_secs(60))
        .await
        .unwrap();
    setup::insert_setup_token(&mut conn, "s2", NOW, NOW.plus_secs(60))
        .await
        .unwrap();
    assert!(setup::setup_token_usable(&mut conn, "s1", NOW).await.unwrap());
    assert!(!setup::setup_token_usable(&mut conn, "s1", NOW.plus_secs(61))
        .await
        .unwrap());
    assert!(setup::consume_setup_tokens(&mut conn, "s1", NOW).await.unwrap());
    assert!(!setup::consume_setup_tokens(&mut conn, "s1", NOW).await.unwrap());
    assert!(
        !setup::setup_token_usable(&mut conn, "s2", NOW).await.unwrap(),
        "every setup link ends"
    );

    let user = add_user(&store, "Invitee", Some("i@x.vn"), None).await.unwrap();
    let id = InvitationId::new();
    invitations::insert_invitation(&mut conn, id, user, Role::Juror, "t1", user, NOW, NOW.plus_secs(60))
        .await
        .unwrap();
    let found = invitations::find_invitation(&mut conn, "t1").await.unwrap().unwrap();
    assert_eq!((found.id, found.role, found.used_at), (id, Role::Juror, None));
    assert_eq!(found.invited_by_name.as_deref(), Some("Invitee"));
    assert!(invitations::consume_invitation(&mut conn, id, NOW).await.unwrap());
    assert!(!invitations::consume_invitation(&mut conn, id, NOW).await.unwrap());
    assert_eq!(
        invitations::find_invitation(&mut conn, "t1")
            .await
            .unwrap()
            .unwrap()
            .used_at,
        Some(NOW)
    );
});

store_test!(the_audit_log_is_append_only, |store| {
    let mut conn = store.pool().acquire().await.unwrap();
    for action in [AuditAction::SignedUp, AuditAction::SignedIn, AuditAction::SignedOut] {
        audit::append(
            &mut conn,
            AuditEntry {
                at: Some(NOW),
                action: Some(action),
                target_name: Some("Cơ sở <b>Gốm</b>".into()),
                details: Some(serde_json::json!({ "before": "a", "after": "b" })),
                address: Some("203.0.113.7".into()),
                ..AuditEntry::default()
            },
        )
        .await
        .unwrap();
    }
    let rows = audit::list(&mut conn, None, None, 10).await.unwrap();
    assert_eq!(
        rows.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(),
        ["account.signed_out", "account.signed_in", "account.signed_up"]
    );
    assert_eq!(rows[0].target_name.as_deref(), Some("Cơ sở <b>Gốm</b>"));
    let older = audit::list(&mut conn, Some(rows[0].seq), None, 10).await.unwrap();
    assert_eq!(older.len(), 2);
    let only = audit::list(&mut conn, None, Some(AuditAction::SignedIn), 10)
        .await
        .unwrap();
    assert_eq!(only.len(), 1);

    assert!(sqlx::query("UPDATE audit_log SET action = 'x'")
        .execute(&mut *conn)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit_log").execute(&mut *conn).await.is_err());
    assert_eq!(audit::list(&mut conn, None, None, 10).await.unwrap().len(), 3);
});

store_test!(outbox_messages_are_claimed_once_and_retried, |store| {
    let message = NewMessage {
        to: "lan@x.vn".into(),
        subject: "Lời mời".into(),
        body: "Xin chào".into(),
        kind: "invitation",
    };
    let mut conn = store.pool().acquire().await.unwrap();
    let id = outbox::enqueue(&mut conn, &message, MessageStatus::Pending, NOW)
        .await
        .unwrap();
    outbox::enqueue(&mut conn, &message, MessageStatus::Held, NOW)
        .await
        .unwrap();

    let claimed = outbox::claim_due(&mut conn, NOW, 120, 10).await.unwrap();
    assert_eq!(
        claimed.iter().map(|m| m.id).collect::<Vec<_>>(),
        [id],
        "held messages are not sent"
    );
    assert!(
        outbox::claim_due(&mut conn, NOW, 120, 10).await.unwrap().is_empty(),
        "a claim is exclusive"
    );

    outbox::mark_attempt_failed(&mut conn, id, "connection refused", Some(NOW.plus_secs(30)))
        .await
        .unwrap();
    assert!(outbox::claim_due(&mut conn, NOW.plus_secs(10), 120, 10)
        .await
        .unwrap()
        .is_empty());
    let again = outbox::claim_due(&mut conn, NOW.plus_secs(31), 120, 10).await.unwrap();
    assert_eq!(again[0].attempts, 1);
    assert_eq!(again[0].last_error.as_deref(), Some("connection refused"));

    outbox::mark_sent(&mut conn, id, NOW.plus_secs(32), "Đặt lại mật khẩu: /reset-password/…")
        .await
        .unwrap();
    let (all, total) = outbox::list_messages(&mut conn, 0, 10).await.unwrap();
    assert_eq!(total, 2);
    let sent = all.iter().find(|m| m.id == id).unwrap();
    assert_eq!((sent.status, sent.attempts), (MessageStatus::Sent, 2));
    assert_eq!(
        sent.body, "Đặt lại mật khẩu: /reset-password/…",
        "what remains once sent"
    );
    // Old bodies are emptied; a message still to be sent keeps its own.
    assert_eq!(outbox::purge_bodies(&mut conn, NOW.plus_secs(1)).await.unwrap(), 2);
    let (all, _) = outbox::list_messages(&mut conn, 0, 10).await.unwrap();
    assert!(all.iter().find(|m| m.id == id).unwrap().body.is_empty());

    let other = outbox::enqueue(&mut conn, &message, MessageStatus::Pending, NOW)
        .await
        .unwrap();
    outbox::mark_attempt_failed(&mut conn, other, "rejected", None)
        .await
        .unwrap();
    let (all, _) = outbox::list_messages(&mut conn, 0, 10).await.unwrap();
    assert_eq!(
        all.iter().find(|m| m.id == other).unwrap().status,
        MessageStatus::Failed
    );
});

store_test!(write_transactions_roll_back_as_a_whole, |store| {
    {
        let mut tx = store.write().await.unwrap();
        let id = UserId::new();
        users::insert_user(
            &mut tx,
            &NewUser {
                id,
                name: "Half",
                email: Some("half@x.vn"),
                phone: None,
                password_hash: None,
                status: AccountStatus::Invited,
                now: NOW,
            },
        )
        .await
        .unwrap();
        // dropped without commit
    }
    let mut conn = store.pool().acquire().await.unwrap();
    assert_eq!(users::find_by_email(&mut conn, "half@x.vn").await.unwrap(), None);
});

store_test!(reset_links_work_once_and_a_new_one_ends_the_old, |store| {
    let user = add_user(&store, "Lan", Some("lan@x.vn"), None).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    let first = ResetId::new();
    password_resets::insert_reset(&mut conn, first, user, "r1", None, NOW, NOW.plus_secs(7200))
        .await
        .unwrap();
    let found = password_resets::find_reset(&mut conn, "r1").await.unwrap().unwrap();
    assert_eq!((found.id, found.user, found.used_at), (first, user, None));

    password_resets::expire_resets_of(&mut conn, user, NOW.plus_secs(1))
        .await
        .unwrap();
    let second = ResetId::new();
    password_resets::insert_reset(
        &mut conn,
        second,
        user,
        "r2",
        Some(user),
        NOW.plus_secs(1),
        NOW.plus_secs(7200),
    )
    .await
    .unwrap();
    assert!(
        !password_resets::consume_reset(&mut conn, first, NOW.plus_secs(2))
            .await
            .unwrap(),
        "the old link ended"
    );
    assert!(password_resets::consume_reset(&mut conn, second, NOW.plus_secs(2))
        .await
        .unwrap());
    assert!(
        !password_resets::consume_reset(&mut conn, second, NOW.plus_secs(3))
            .await
            .unwrap(),
        "once only"
    );
    assert!(password_resets::find_reset(&mut conn, "nope").await.unwrap().is_none());
});

store_test!(a_write_that_waits_too_long_for_a_lock_is_told_as_busy, |store| {
    let id = add_user(&store, "Lan", Some("lan@x.vn"), None).await.unwrap();
    // One writer holds the lock on the account's row.
    let mut holder = store.write().await.unwrap();
    users::set_password_hash(&mut holder, id, "$argon2id$one", NOW)
        .await
        .unwrap();
    // Another waits only briefly, then gives up.
    let mut waiting = store.pool().acquire().await.unwrap();
    let error = match store.backend() {
        app::db::Backend::Sqlite => {
            sqlx::query("PRAGMA busy_timeout = 50")
                .execute(&mut *waiting)
                .await
                .unwrap();
            sqlx::query("BEGIN IMMEDIATE").execute(&mut *waiting).await.unwrap_err()
        }
        app::db::Backend::Postgres => {
            sqlx::query("BEGIN").execute(&mut *waiting).await.unwrap();
            sqlx::query("SET LOCAL lock_timeout = '50ms'")
                .execute(&mut *waiting)
                .await
                .unwrap();
            sqlx::query("UPDATE users SET updated_at = updated_at WHERE id = $1")
                .bind(id.to_string())
                .execute(&mut *waiting)
                .await
                .unwrap_err()
        }
    };
    assert!(app::db::is_busy(&error), "{error:?}");
    assert_eq!(
        app::error::AppError::from(StoreError::Db(error)),
        app::error::AppError::Busy,
        "a busy database is a busy server, never an internal error"
    );
    assert!(!app::db::is_busy(&sqlx::Error::RowNotFound));
    holder.rollback().await.unwrap();
    if store.backend() == app::db::Backend::Postgres {
        sqlx::query("ROLLBACK").execute(&mut *waiting).await.unwrap();
    }
});
