//! Settings, read once from the environment at start-up.

use std::path::PathBuf;

/// A setting that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The value of a variable is not acceptable.
    #[error("{name}: {problem}")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// What is wrong with it.
        problem: String,
    },
}

/// Everything the server needs to know about its installation.
#[derive(Clone)]
pub struct Config {
    /// Where the data lives (`TIEUBIEU_DATA_DIR`, default `./data`).
    pub data_dir: PathBuf,
    /// The database (`DATABASE_URL`, default a SQLite file in the data dir).
    pub database_url: String,
    /// Connections in the pool (`TIEUBIEU_DB_MAX_CONNECTIONS`).
    pub db_max_connections: u32,
    /// The address people use to reach the site (`TIEUBIEU_PUBLIC_URL`),
    /// without a trailing slash; used in links sent by e-mail and printed
    /// at start-up, and to decide whether cookies are `Secure`.
    pub public_url: String,
    /// SMTP server (`TIEUBIEU_SMTP_URL`); `None` keeps mail in the outbox.
    pub smtp_url: Option<String>,
    /// Sender of e-mail (`TIEUBIEU_MAIL_FROM`).
    pub mail_from: String,
    /// Whether to believe `X-Forwarded-For` (`TIEUBIEU_TRUST_PROXY=1`):
    /// only behind a reverse proxy that sets it.
    pub trust_proxy: bool,
    /// How long a session lasts (`TIEUBIEU_SESSION_DAYS`, default 30).
    pub session_days: i64,
    /// Largest request body accepted outside uploads
    /// (`TIEUBIEU_MAX_BODY_BYTES`, default 1 MiB).
    pub max_body_bytes: usize,
    /// Largest uploaded file (`TIEUBIEU_MAX_FILE_BYTES`, default 10 MiB).
    pub max_file_bytes: u64,
    /// Largest total of one entry's files (`TIEUBIEU_MAX_ENTRY_BYTES`,
    /// default 60 MiB).
    pub max_entry_bytes: u64,
    /// Load the demonstration into an empty database (`TIEUBIEU_DEMO=1`).
    pub demo: bool,
    /// How long anonymous visits of public pages are answered from memory
    /// (`TIEUBIEU_PAGE_CACHE_SECONDS`, default 10; 0 turns it off).
    pub page_cache_seconds: u64,
    /// Photos, scans and password hashes that may wait for a free core
    /// before a request is told the server is busy
    /// (`TIEUBIEU_WORK_QUEUE`, default 64).
    pub work_queue: usize,
    /// Seconds a client has to send a request's headers, and that a
    /// kept-alive connection may stay silent (`TIEUBIEU_HEADER_TIMEOUT_SECONDS`,
    /// default 60, as nginx's `client_header_timeout`).
    pub header_timeout_seconds: u64,
    /// Minutes a staff member's sign-in (administrator, secretary, juror,
    /// council member) survives without a request
    /// (`TIEUBIEU_STAFF_IDLE_MINUTES`, default 120).
    pub staff_idle_minutes: i64,
    /// Hours an entrant's sign-in survives without a request
    /// (`TIEUBIEU_ENTRANT_IDLE_HOURS`, default 168, a week).
    pub entrant_idle_hours: i64,
    /// Hours an administrator's sign-in lasts at most, however busy
    /// (`TIEUBIEU_ADMIN_SESSION_HOURS`, default 12).
    pub admin_session_hours: i64,
    /// Largest total of one business's files across its entries
    /// (`TIEUBIEU_MAX_BUSINESS_BYTES`, default 500 MiB).
    pub max_business_bytes: u64,
    /// Most entries one business may have in one round
    /// (`TIEUBIEU_MAX_ENTRIES_PER_BUSINESS`, default 20).
    pub max_entries_per_business: u32,
    /// Administrators must sign in with a code from an authenticator app
    /// (`TIEUBIEU_REQUIRE_ADMIN_TOTP=1`): until they set one up, their
    /// sign-in reaches their own account page only.
    pub require_admin_totp: bool,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url))
            .field("db_max_connections", &self.db_max_connections)
            .field("public_url", &self.public_url)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("trust_proxy", &self.trust_proxy)
            .field("session_days", &self.session_days)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_file_bytes", &self.max_file_bytes)
            .field("max_entry_bytes", &self.max_entry_bytes)
            .field("demo", &self.demo)
            .field("page_cache_seconds", &self.page_cache_seconds)
            .field("work_queue", &self.work_queue)
            .field("header_timeout_seconds", &self.header_timeout_seconds)
            .field("staff_idle_minutes", &self.staff_idle_minutes)
            .field("entrant_idle_hours", &self.entrant_idle_hours)
            .field("admin_session_hours", &self.admin_session_hours)
            .field("max_business_bytes", &self.max_business_bytes)
            .field("max_entries_per_business", &self.max_entries_per_business)
            .field("require_admin_totp", &self.require_admin_totp)
            .finish()
    }
}

/// Hides the password in `scheme://user:password@host/…`.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("redacted"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

impl Config {
    /// Reads the settings from the process environment. `site_addr` is
    /// Leptos's `LEPTOS_SITE_ADDR`, the default public address.
    pub fn from_env(site_addr: std::net::SocketAddr) -> Result<Config, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok(), site_addr)
    }

    /// Reads the settings through `lookup` (tests pass a map).
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        site_addr: std::net::SocketAddr,
    ) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let data_dir = PathBuf::from(get("TIEUBIEU_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = match get("DATABASE_URL") {
            Some(url) => {
                if crate::db::Backend::from_url(&url).is_none() {
                    return Err(ConfigError::Invalid {
                        name: "DATABASE_URL",
                        problem: "must start with sqlite: or postgres://".into(),
                    });
                }
                url
            }
            None => format!("sqlite://{}?mode=rwc", data_dir.join("tieubieu.db").display()),
        };
        let public_url = match get("TIEUBIEU_PUBLIC_URL") {
            Some(url) => {
                let parsed = url::Url::parse(&url).map_err(|e| ConfigError::Invalid {
                    name: "TIEUBIEU_PUBLIC_URL",
                    problem: e.to_string(),
                })?;
                if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
                    return Err(ConfigError::Invalid {
                        name: "TIEUBIEU_PUBLIC_URL",
                        problem: "must be an http:// or https:// address".into(),
                    });
                }
                url.trim_end_matches('/').to_owned()
            }
            None => format!("http://{site_addr}"),
        };
        let smtp_url = get("TIEUBIEU_SMTP_URL");
        if let Some(smtp) = &smtp_url {
            if !(smtp.starts_with("smtp://") || smtp.starts_with("smtps://")) {
                return Err(ConfigError::Invalid {
                    name: "TIEUBIEU_SMTP_URL",
                    problem: "must start with smtp:// or smtps://".into(),
                });
            }
        }
        let mail_from = get("TIEUBIEU_MAIL_FROM").unwrap_or_else(|| "Tiêu biểu <no-reply@localhost>".into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError::Invalid {
                name: "TIEUBIEU_MAIL_FROM",
                problem: "must be an address such as \"Tiêu biểu <no-reply@example.vn>\"".into(),
            });
        }
        Ok(Config {
            data_dir,
            database_url,
            db_max_connections: parse_number(&get, "TIEUBIEU_DB_MAX_CONNECTIONS", 10, 1, 1000)?,
            public_url,
            smtp_url,
            mail_from,
            trust_proxy: parse_flag(&get, "TIEUBIEU_TRUST_PROXY")?,
            session_days: parse_number(&get, "TIEUBIEU_SESSION_DAYS", 30, 1, 365)?,
            max_body_bytes: parse_number(&get, "TIEUBIEU_MAX_BODY_BYTES", 1 << 20, 1024, 1 << 30)?,
            max_file_bytes: parse_number(&get, "TIEUBIEU_MAX_FILE_BYTES", 10 << 20, 1024, 1 << 30)?,
            max_entry_bytes: parse_number(&get, "TIEUBIEU_MAX_ENTRY_BYTES", 60 << 20, 1024, 1 << 32)?,
            demo: parse_flag(&get, "TIEUBIEU_DEMO")?,
            page_cache_seconds: parse_number(&get, "TIEUBIEU_PAGE_CACHE_SECONDS", 10, 0, 3600)?,
            work_queue: parse_number(
                &get,
                "TIEUBIEU_WORK_QUEUE",
                super::work_queue::DEFAULT_MAX_WAITING,
                0,
                10_000,
            )?,
            header_timeout_seconds: parse_number(&get, "TIEUBIEU_HEADER_TIMEOUT_SECONDS", 60, 1, 600)?,
            staff_idle_minutes: parse_number(&get, "TIEUBIEU_STAFF_IDLE_MINUTES", 120, 5, 7 * 24 * 60)?,
            entrant_idle_hours: parse_number(&get, "TIEUBIEU_ENTRANT_IDLE_HOURS", 168, 1, 24 * 365)?,
            admin_session_hours: parse_number(&get, "TIEUBIEU_ADMIN_SESSION_HOURS", 12, 1, 24 * 30)?,
            max_business_bytes: parse_number(&get, "TIEUBIEU_MAX_BUSINESS_BYTES", 500 << 20, 1024, 1 << 40)?,
            max_entries_per_business: parse_number(&get, "TIEUBIEU_MAX_ENTRIES_PER_BUSINESS", 20, 1, 1000)?,
            require_admin_totp: parse_flag(&get, "TIEUBIEU_REQUIRE_ADMIN_TOTP")?,
        })
    }

    /// How long sign-ins last when idle, and an administrator's at most.
    pub fn session_limits(&self) -> crate::domain::session::SessionLimits {
        crate::domain::session::SessionLimits {
            staff_idle_secs: self.staff_idle_minutes * 60,
            entrant_idle_secs: self.entrant_idle_hours * 3600,
            admin_lifetime_secs: self.admin_session_hours * 3600,
        }
    }

    /// Whether people reach the site over HTTPS (cookies are then `Secure`).
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The site's own origin, `scheme://host[:port]`.
    pub fn public_origin(&self) -> String {
        url::Url::parse(&self.public_url)
            .map(|u| u.origin().ascii_serialization())
            .unwrap_or_default()
    }

    /// Where uploaded files are kept.
    pub fn files_dir(&self) -> PathBuf {
        self.data_dir.join("files")
    }

    /// An absolute link to a path of the site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }
}

fn parse_number<T>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
    min: T,
    max: T,
) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    match get(name) {
        None => Ok(default),
        Some(text) => match text.parse::<T>() {
            Ok(v) if v >= min && v <= max => Ok(v),
            _ => Err(ConfigError::Invalid {
                name,
                problem: format!("must be a whole number from {min} to {max}"),
            }),
        },
    }
}

fn parse_flag(get: &impl Fn(&str) -> Option<String>, name: &'static str) -> Result<bool, ConfigError> {
    match get(name).as_deref() {
        None | Some("0") | Some("false") | Some("no") => Ok(false),
        Some("1") | Some("true") | Some("yes") => Ok(true),
        Some(_) => Err(ConfigError::Invalid {
            name,
            problem: "must be 1 or 0".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned(), "127.0.0.1:3000".parse().unwrap())
    }

    #[test]
    fn defaults_need_nothing() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, "sqlite://./data/tieubieu.db?mode=rwc");
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert!(!c.https());
        assert!(c.smtp_url.is_none());
    }

    #[test]
    fn data_dir_moves_the_default_database() {
        let c = config(&[("TIEUBIEU_DATA_DIR", "/srv/tb")]).unwrap();
        assert_eq!(c.database_url, "sqlite:///srv/tb/tieubieu.db?mode=rwc");
    }

    #[test]
    fn bad_values_fail_fast_with_the_variable_named() {
        for (name, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("TIEUBIEU_PUBLIC_URL", "ftp://x"),
            ("TIEUBIEU_SMTP_URL", "mail.example.vn"),
            ("TIEUBIEU_SESSION_DAYS", "0"),
            ("TIEUBIEU_TRUST_PROXY", "maybe"),
        ] {
            let error = config(&[(name, value)]).unwrap_err().to_string();
            assert!(error.starts_with(name), "{error}");
        }
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let c = config(&[
            ("DATABASE_URL", "postgres://tb:hunter2@db/tb"),
            ("TIEUBIEU_SMTP_URL", "smtp://mail:s3cret@mail.example.vn:587"),
        ])
        .unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("hunter2") && !shown.contains("s3cret"), "{shown}");
    }

    #[test]
    fn public_url_gives_origin_and_links() {
        let c = config(&[("TIEUBIEU_PUBLIC_URL", "https://tieubieu.dongnai.gov.vn/")]).unwrap();
        assert!(c.https());
        assert_eq!(c.public_origin(), "https://tieubieu.dongnai.gov.vn");
        assert_eq!(c.link("/setup/x"), "https://tieubieu.dongnai.gov.vn/setup/x");
    }
}
