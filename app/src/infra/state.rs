//! What every request handler and server function can reach.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::config::Config;
use super::files::FileStore;
use super::mail::Mailer;
use crate::db::Store;

/// The application's shared state: one pool, one configuration, one
/// mailer. Cloning is cheap.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Settings.
    pub config: Arc<Config>,
    /// Outgoing mail.
    pub mail: Arc<Mailer>,
    /// Uploaded files.
    pub files: FileStore,
    /// Leptos's own settings (site root, output name, address).
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
