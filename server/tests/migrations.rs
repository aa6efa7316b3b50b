//! The SQLite and PostgreSQL migrations are near copies by design (only
//! the DDL differs); this checks that, applied, they define the same
//! tables, columns, indexes and triggers, so the one SQL dialect the
//! store speaks finds the same schema on both.

mod common;

use std::collections::BTreeSet;

use common::{backends, Backend, TestDb};
use sqlx::Row;

/// What a migrated database defines, as comparable names.
#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    /// `table.column`.
    columns: BTreeSet<String>,
    /// `table: index`, explicit indexes only (not those behind a primary
    /// key or a UNIQUE constraint, which each backend names its own way).
    indexes: BTreeSet<String>,
    /// `table: BEFORE UPDATE` and the like: what the triggers guard (one
    /// PostgreSQL trigger may guard two events SQLite guards with two).
    triggers: BTreeSet<String>,
}

async fn pairs(db: &TestDb, sql: &str) -> BTreeSet<String> {
    let store = db.store().await;
    let rows = sqlx::query(sql).fetch_all(store.pool()).await.expect(sql);
    store.close().await;
    rows.iter()
        .map(|row| {
            let a: String = row.get(0);
            let b: String = row.get(1);
            format!("{a}: {b}")
        })
        .collect()
}

async fn schema_of(db: &TestDb) -> Schema {
    match db.backend {
        Backend::Sqlite => Schema {
            columns: pairs(
                db,
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx_%'",
            )
            .await,
            indexes: pairs(
                db,
                "SELECT tbl_name, name FROM sqlite_master \
                 WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'",
            )
            .await,
            triggers: pairs(
                db,
                "SELECT tbl_name, upper(substr(sql, instr(upper(sql), ' BEFORE ') + 1, \
                 instr(upper(sql), ' ON ') - instr(upper(sql), ' BEFORE ') - 1)) \
                 FROM sqlite_master WHERE type = 'trigger'",
            )
            .await,
        },
        Backend::Postgres => Schema {
            columns: pairs(
                db,
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx_%'",
            )
            .await,
            indexes: pairs(
                db,
                "SELECT tablename::text, indexname::text FROM pg_indexes i \
                 WHERE schemaname = current_schema() \
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            )
            .await,
            triggers: pairs(
                db,
                "SELECT event_object_table::text, action_timing::text || ' ' || event_manipulation::text \
                 FROM information_schema.triggers \
                 WHERE trigger_schema = current_schema()",
            )
            .await,
        },
    }
}

fn differences(what: &str, sqlite: &BTreeSet<String>, postgres: &BTreeSet<String>) -> Vec<String> {
    let only = |a: &BTreeSet<String>, b: &BTreeSet<String>, name: &str| {
        a.difference(b)
            .map(|x| format!("{what} only on {name}: {x}"))
            .collect::<Vec<_>>()
    };
    let mut out = only(sqlite, postgres, "SQLite");
    out.extend(only(postgres, sqlite, "PostgreSQL"));
    out
}

#[tokio::test]
async fn sqlite_and_postgres_migrations_define_the_same_schema() {
    let found = backends().await;
    if !found.contains(&Backend::Postgres) {
        // backends() has already failed the test where PostgreSQL is
        // required, and announced the skip where it is not.
        return;
    }
    let sqlite_db = TestDb::new(Backend::Sqlite).await;
    let postgres_db = TestDb::new(Backend::Postgres).await;
    let sqlite = schema_of(&sqlite_db).await;
    let postgres = schema_of(&postgres_db).await;
    postgres_db.cleanup().await;
    sqlite_db.cleanup().await;

    assert!(sqlite.columns.len() > 100, "the schema was read: {sqlite:?}");
    assert!(!sqlite.indexes.is_empty() && !sqlite.triggers.is_empty());
    let mut problems = differences("column", &sqlite.columns, &postgres.columns);
    problems.extend(differences("index", &sqlite.indexes, &postgres.indexes));
    problems.extend(differences("trigger", &sqlite.triggers, &postgres.triggers));
    assert!(problems.is_empty(), "the migrations differ:\n{}", problems.join("\n"));
}
