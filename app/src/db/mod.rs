//! The store: every query the application runs, on SQLite or PostgreSQL.
//!
//! One code path serves both databases: sqlx's `Any` driver with one
//! portable SQL dialect (`$1` placeholders, ids as text, times as BIGINT
//! milliseconds, no booleans). Only the DDL differs, so each backend has its
//! own migration folder. Functions that must run inside a caller's
//! transaction take `&mut AnyConnection`; the others take the [`Store`].

pub mod audit;
pub mod businesses;
pub mod catalogue;
pub mod codec;
pub mod council;
pub mod entries;
pub mod geography;
pub mod invitations;
pub mod jury;
pub mod nominations;
pub mod outbox;
pub mod password_resets;
pub mod round_members;
pub mod rounds;
pub mod second_factor;
pub mod sessions;
pub mod setup;
pub mod sheets;
pub mod statistics;
pub mod throttle;
pub mod users;

use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Transaction};

use crate::error::AppError;

/// A connection, or a transaction dereferenced to one.
pub type Conn = sqlx::AnyConnection;
/// A transaction on the store.
pub type Tx = Transaction<'static, Any>;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database the store talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file (the default).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// The backend a URL names, if it is one we support.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// A failure of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the value of this field.
    #[error("{0} is already taken")]
    Duplicate(&'static str),
    /// Anything else the database reported.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Duplicate(field) => AppError::field(crate::domain::validation::FieldError::new(
                field,
                crate::domain::validation::Problem::Taken,
            )),
            // A database too busy to answer in time (SQLite's lock held past
            // the busy timeout, PostgreSQL's lock or serialisation refusals,
            // no free connection) is told as a busy server to retry, never as
            // an internal error.
            StoreError::Db(e) if is_busy(&e) => {
                tracing::warn!(error = %e, "database busy: the request is answered 503");
                AppError::Busy
            }
            StoreError::Db(e) => {
                tracing::error!(error = %e, "database error");
                AppError::Internal
            }
        }
    }
}

/// Whether an error says the database was busy rather than wrong.
pub fn is_busy(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(db) => {
            let code = db.code();
            let code = code.as_deref().unwrap_or_default();
            // SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their
            // extended codes; PostgreSQL: serialization_failure,
            // deadlock_detected, lock_not_available.
            // SQLite's codes have at most four digits (PostgreSQL's
            // SQLSTATEs five, some all digits: never read those as SQLite's).
            matches!(code, "40001" | "40P01" | "55P03")
                || (code.len() <= 4 && code.parse::<i32>().is_ok_and(|c| c & 0xff == 5 || c & 0xff == 6))
                || db.message().contains("database is locked")
        }
        _ => false,
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        StoreError::Db(error).into()
    }
}

/// Maps a unique-constraint violation on one of `fields` to
/// [`StoreError::Duplicate`]. Both databases name the column in the message
/// (`UNIQUE constraint failed: users.email`, `"users_email_key"`).
pub(crate) fn map_unique(error: sqlx::Error, fields: &[&'static str]) -> StoreError {
    if let sqlx::Error::Database(db) = &error {
        if db.is_unique_violation() {
            let message = db.message().to_owned() + db.constraint().unwrap_or_default();
            if let Some(field) = fields.iter().find(|f| message.contains(**f)) {
                return StoreError::Duplicate(field);
            }
        }
    }
    StoreError::Db(error)
}

/// The connection pool and what it talks to. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Connects to `url`, creating the SQLite file if needed, and runs the
    /// migrations. SQLite runs in WAL mode with foreign keys on and a busy
    /// timeout, so concurrent writers wait instead of failing.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)
            .ok_or_else(|| sqlx::Error::Configuration("DATABASE_URL must start with sqlite: or postgres:".into()))?;
        // Every statement is logged at TRACE under `sqlx::query` (off in any
        // normal log filter: sqlx asks the subscriber before it formats
        // anything), so a test or a benchmark can count the statements of a
        // request; slow ones are logged as warnings, as sqlx does by default.
        let options = AnyConnectOptions::from_str(url)?.log_statements(log::LevelFilter::Trace);
        // A connection idle for half a minute is closed (sqlx's default is
        // ten): each holds SQLite's page cache and its prepared
        // statements, memory a server at rest need not keep.
        let mut pool_options = AnyPoolOptions::new()
            .max_connections(max_connections)
            .idle_timeout(std::time::Duration::from_secs(30))
            .acquire_timeout(std::time::Duration::from_secs(10));
        if backend == Backend::Sqlite {
            create_sqlite_parent_dir(url);
            pool_options = pool_options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                         PRAGMA synchronous = NORMAL;",
                    )
                    .await?;
                    Ok(())
                })
            });
        }
        let pool = pool_options.connect_with(options).await?;
        if backend == Backend::Sqlite {
            // WAL is a property of the file: set once, kept by every connection.
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        let store = Store { pool, backend };
        store.migrate().await?;
        Ok(store)
    }

    /// Applies pending migrations for this backend.
    pub async fn migrate(&self) -> Result<(), sqlx::Error> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await.map_err(|e| match e {
            sqlx::migrate::MigrateError::Execute(e) => e,
            other => sqlx::Error::Migrate(Box::new(other)),
        })
    }

    /// The pool, for queries that need no transaction.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The database this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that will write. On SQLite it takes the write
    /// lock at once (`BEGIN IMMEDIATE`), so two writers queue on the busy
    /// timeout instead of one failing when it upgrades a read lock.
    pub async fn write(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Closes every connection (tests and shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn create_sqlite_parent_dir(url: &str) {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return;
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                tracing::warn!(error = %e, "could not create the database directory");
            }
        }
    }
}

/// A placeholder list `$first, $first+1, …` for `IN (…)` with `count` values.
pub(crate) fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern, so search
/// text is matched literally.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}
