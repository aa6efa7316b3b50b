//! The `tieubieu` server: reads the configuration, opens the database
//! (running migrations), prints the first-start setup link if needed,
//! starts the mail worker and serves the application.

use std::sync::Arc;

use anyhow::Context;
use app::db::Store;
use app::infra::config::Config;
use app::infra::mail::{spawn_worker, Mailer};
use app::infra::state::AppState;
use app::server::{bootstrap, demo, maintenance, router};
use leptos::config::get_configuration;
use tracing_subscriber::EnvFilter;

/// mimalloc gives freed pages back to the system shortly after they are
/// freed; with glibc's allocator, the arenas of the threads that decoded
/// photos kept several hundred megabytes after an upload storm.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .init();

    let mut leptos_options = get_configuration(None)
        .context("reading the LEPTOS_* settings")?
        .leptos_options;
    if leptos_options.output_name.is_empty() {
        leptos_options.output_name = "tieubieu".into();
    }
    let addr = leptos_options.site_addr;
    let config = Config::from_env(addr).context("reading the TIEUBIEU_* settings")?;
    tracing::info!(?config, "starting Tiêu biểu");

    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating the data directory {}", config.data_dir.display()))?;
    let store = Store::connect(&config.database_url, config.db_max_connections)
        .await
        .context("opening the database (DATABASE_URL)")?;
    app::infra::work_queue::configure(config.work_queue);
    let mail = Arc::new(Mailer::new(&config)?);
    let files = app::infra::files::FileStore::new(config.files_dir());
    let state = AppState {
        store: store.clone(),
        files,
        config: Arc::new(config),
        mail: mail.clone(),
        leptos_options,
    };
    let config = state.config.clone();

    if config.demo {
        tracing::info!("TIEUBIEU_DEMO=1: loading the demonstration if the database is empty");
        match demo::load_if_empty(&state).await {
            Ok(Some(loaded)) => println!(
                "\n  Demonstration loaded: {} entries, {} recognised, {} sent to the national round.\n  \
                 Sign in as quantri@demo.tieubieu.vn (administrator), thuky@demo.tieubieu.vn (secretary),\n  \
                 giamkhao1@demo.tieubieu.vn (juror), hoidong1@demo.tieubieu.vn (council), coso01@demo.tieubieu.vn\n  \
                 (business) or thuky.quocgia@demo.tieubieu.vn (national secretary); password: {}\n",
                loaded.entries,
                loaded.recognised,
                loaded.nominated,
                demo::PASSWORD
            ),
            Ok(None) => tracing::warn!("TIEUBIEU_DEMO=1 ignored: the database already has accounts"),
            Err(error) => anyhow::bail!("loading the demonstration failed: {error:?}"),
        }
    }

    if let Some(path) = bootstrap::setup_link_if_needed(&store).await? {
        // Printed, not logged: this is the one place the link may appear.
        println!(
            "\n  No administrator yet. Open this one-time link to create the first one\n  \
             (valid {} hours; a new link is printed at each start until it is used):\n\n    {}\n",
            bootstrap::SETUP_LINK_HOURS,
            config.link(&path)
        );
    }

    spawn_worker(store.clone(), mail.clone());
    maintenance::spawn_cleanup(store.clone(), state.files.clone());

    let app = router::build_router(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("listening on {addr} (LEPTOS_SITE_ADDR)"))?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    app::server::listen::serve(
        listener,
        app,
        std::time::Duration::from_secs(config.header_timeout_seconds),
        shutdown_signal(),
    )
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
