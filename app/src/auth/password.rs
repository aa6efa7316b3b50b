//! Password hashing with argon2id, off the async runtime.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::AppError;
use crate::infra::work_queue::queue;

/// A password hash in PHC string form. Deliberately not `Serialize` and
/// with a redacting `Debug`: it never leaves the server, not even in logs.
#[derive(Clone)]
pub struct HashedPassword(String);

impl HashedPassword {
    /// The PHC string, for the store.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for HashedPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HashedPassword([redacted])")
    }
}

/// OWASP's recommended argon2id settings: 19 MiB, 2 passes, 1 lane.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Password hashes computed (or checked) by this process: a figure for
/// benchmarks and for tests that prove a request cost no hash.
static HASHES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many argon2 hashes this process has computed or checked.
pub fn hashes_computed() -> u64 {
    HASHES.load(std::sync::atomic::Ordering::Relaxed)
}

/// Hashes a password on a blocking thread, in the process's work queue
/// (refused with [`AppError::Busy`] when too many wait).
pub async fn hash_password(password: String) -> Result<HashedPassword, AppError> {
    queue()
        .run(move || {
            HASHES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let salt = SaltString::generate(&mut OsRng);
            hasher()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| HashedPassword(h.to_string()))
        })
        .await
        .map_err(|_| AppError::Busy)?
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })
}

/// Checks a password against a stored hash on a blocking thread. With no
/// hash (unknown account), a dummy hash is checked anyway, so the answer
/// takes as long for an unknown account as for a wrong password.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    queue()
        .run(move || {
            HASHES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let known = stored.is_some();
            let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
            let Ok(parsed) = PasswordHash::new(&stored) else {
                tracing::error!("a stored password hash cannot be parsed");
                return false;
            };
            let ok = hasher().verify_password(password.as_bytes(), &parsed).is_ok();
            known && ok
        })
        .await
        .map_err(|_| AppError::Busy)
}

fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(b"not a real password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("gốm biên hòa".into()).await.unwrap();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(verify_password("gốm biên hòa".into(), Some(hash.as_str().into()))
            .await
            .unwrap());
        assert!(!verify_password("gom bien hoa".into(), Some(hash.as_str().into()))
            .await
            .unwrap());
        assert!(!verify_password("anything".into(), None).await.unwrap());
        assert_eq!(format!("{hash:?}"), "HashedPassword([redacted])");
    }
}
