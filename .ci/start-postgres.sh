#!/usr/bin/env bash
# Makes PostgreSQL answer on 127.0.0.1:5432 for the storage tests (user postgres, password postgres).
# Idempotent: does nothing when a server already answers there. Run as root on Debian with the postgresql package.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_HOST=127.0.0.1
PG_PORT="${PG_PORT:-5432}"
PG_PASSWORD=postgres
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
SOCKET_DIR=/var/run/postgresql

say() { echo "start-postgres: $*"; }
fail() { echo "start-postgres: $*" >&2; exit 1; }

answers() { "$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT"; }
password_login_works() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U postgres \
    -d postgres -c 'SELECT 1' >/dev/null 2>&1
}
as_postgres() { runuser -u postgres -- "$@"; }
# The cluster of our version that owns the port, if any (pg_lsclusters -h: version cluster port status ...).
cluster_on_port() { pg_lsclusters -h | awk -v v="$PG_VERSION" -v p="$PG_PORT" '$1 == v && $3 == p { print $2; exit }'; }
cluster_status() { pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$1" '$1 == v && $2 == c { print $4; exit }'; }

[ -x "$PG_BIN/pg_isready" ] || fail "PostgreSQL ${PG_VERSION} not found in ${PG_BIN}: apt-get install postgresql"

started=no
if answers; then
  say "PostgreSQL already answers on ${PG_HOST}:${PG_PORT}; not starting anything"
else
  [ "$(id -u)" -eq 0 ] || fail "nothing answers on ${PG_HOST}:${PG_PORT} and starting a cluster needs root"
  install -d -o postgres -g postgres -m 2775 "$SOCKET_DIR"
  cluster="$(cluster_on_port)"
  if [ -z "$cluster" ]; then
    cluster=ci
    say "no ${PG_VERSION} cluster on port ${PG_PORT}; creating cluster '${cluster}' (data in /var/lib/postgresql/${PG_VERSION}/${cluster})"
    pg_createcluster --port "$PG_PORT" --start-conf manual "$PG_VERSION" "$cluster" >/dev/null
  fi
  action=start
  # A cluster that runs but does not answer on loopback TCP must be restarted with our listen address.
  [ "$(cluster_status "$cluster")" = online ] && action=restart
  say "${action}ing cluster ${PG_VERSION}/${cluster}, listening only on ${PG_HOST}:${PG_PORT}"
  pg_ctlcluster --skip-systemctl-redirect -o "-c listen_addresses=${PG_HOST}" "$PG_VERSION" "$cluster" "$action"
  started=yes
fi

for _ in $(seq 1 60); do
  answers && break
  sleep 0.5
done
answers || fail "PostgreSQL still does not answer on ${PG_HOST}:${PG_PORT} after 30 s; see /var/log/postgresql/"

if password_login_works; then
  say "user postgres logs in with password '${PG_PASSWORD}' on ${PG_HOST}:${PG_PORT}"
else
  [ "$(id -u)" -eq 0 ] || fail "user postgres cannot log in with password '${PG_PASSWORD}' and fixing that needs root"
  say "setting the password of user postgres to '${PG_PASSWORD}' (over the local socket, peer auth)"
  as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PG_PORT" -d postgres \
    -c "ALTER USER postgres PASSWORD '${PG_PASSWORD}'"
  password_login_works || fail "user postgres still cannot log in with password '${PG_PASSWORD}' on ${PG_HOST}:${PG_PORT}"
fi

url="postgres://postgres:${PG_PASSWORD}@${PG_HOST}:${PG_PORT}/postgres"
if [ "$PG_PORT" = 5432 ]; then
  say "ready (started here: ${started}); the tests' default TEST_DATABASE_URL ${url} reaches it"
else
  say "ready (started here: ${started}); run the tests with TEST_DATABASE_URL=${url}"
fi
