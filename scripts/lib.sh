# Shared by scripts/run, scripts/test and scripts/bench: installs what the
# build needs when it is missing, and skips what is already there.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.10"   # 0.3.11 needs rustc 1.96
BINARYEN_VERSION="132"          # Debian's wasm-opt 108 breaks hydration

# Debug builds by cargo-leptos use these; plain cargo gets the same so both
# share one target directory instead of rebuilding each other's work.
export LEPTOS_OUTPUT_NAME="tieubieu"
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components}"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\n\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "need root to run: $* (install it yourself, or run as root)"
  fi
}

apt_install() {
  say "Installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

ensure_rust_tools() {
  command -v cargo >/dev/null || fail "cargo not found: install Rust with rustup first (https://rustup.rs)"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 30 minutes on two cores, once per machine)"
    cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
  fi
  local wanted
  wanted="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wanted" ]; then
    say "Installing wasm-bindgen-cli $wanted (the version in Cargo.lock)"
    CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo install wasm-bindgen-cli --version "$wanted" --force
  fi
}

# wasm-opt for release builds, from npm (project-local).
ensure_binaryen() {
  local tools="$ROOT/.tools"
  if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
    command -v npm >/dev/null || fail "npm not found: install Node.js first"
    say "Installing binaryen@$BINARYEN_VERSION (wasm-opt) from npm into .tools/"
    mkdir -p "$tools"
    (cd "$tools" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >/dev/null)
  fi
  export PATH="$tools/node_modules/.bin:$PATH"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
  fi
}

ensure_end2end_packages() {
  command -v npm >/dev/null || fail "npm not found: install Node.js first"
  # The journeys' set-up edits the SQLite file with Python's sqlite3.
  command -v python3 >/dev/null || apt_install python3
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ]; then
    say "Installing the browser-test packages (Playwright drives Debian's Chromium; no browser download)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
  fi
}

pg_answers() {
  command -v psql >/dev/null && psql "$1" -tAc 'SELECT 1' >/dev/null 2>&1
}

# Makes sure a PostgreSQL server answers for the test suite and exports
# TIEUBIEU_TEST_PG_URL. Starts or installs a local one when none answers;
# fails loudly when that is impossible: the PostgreSQL suite never skips.
ensure_postgres() {
  local url="${TIEUBIEU_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
  if pg_answers "$url"; then export TIEUBIEU_TEST_PG_URL="$url"; return; fi

  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql postgresql-client
  fi
  if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    local version
    version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
    [ -n "$version" ] || fail "PostgreSQL is installed but has no cluster in /etc/postgresql"
    say "Starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
    sleep 2
  fi
  if pg_answers "$url"; then export TIEUBIEU_TEST_PG_URL="$url"; return; fi

  # A stock cluster wants a password over TCP: make a role for the tests.
  local own="postgres://tieubieu_test:tieubieu_test@127.0.0.1:5432/tieubieu_test"
  if ! pg_answers "$own"; then
    say "Creating the PostgreSQL role and database tieubieu_test"
    as_root su postgres -c "psql -v ON_ERROR_STOP=1 -c \"CREATE ROLE tieubieu_test LOGIN SUPERUSER PASSWORD 'tieubieu_test'\"" || true
    as_root su postgres -c "createdb -O tieubieu_test tieubieu_test" || true
  fi
  pg_answers "$own" || fail "PostgreSQL does not answer at $url nor at $own; set TIEUBIEU_TEST_PG_URL"
  export TIEUBIEU_TEST_PG_URL="$own"
}
