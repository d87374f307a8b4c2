#!/usr/bin/env bash
# Install (apt), start/stop PostgreSQL 15 + PostGIS on 127.0.0.1:5432 with database "lagebild", its
# owner role "lagebild" (migrations) and the functions' role "lagebild_app" (owns nothing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PG_VER=15 PG_CLUSTER=main
PG_LOG=/var/log/postgresql/postgresql-$PG_VER-$PG_CLUSTER.log
as_pg() { runuser -u postgres -- "$@"; }
psql_su() { PGOPTIONS="-c client_min_messages=warning" as_pg psql -X -v ON_ERROR_STOP=1 -q -p "$PG_PORT" "$@"; }

install() {
  dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 && return 0
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y postgresql postgresql-15-postgis-3
}

configure() {
  [[ -d /etc/postgresql/$PG_VER/$PG_CLUSTER ]] || pg_createcluster "$PG_VER" "$PG_CLUSTER"
  # Loopback only, fixed port, scram passwords (pg_hba of Debian already uses scram for host 127.0.0.1).
  local conf=/etc/postgresql/$PG_VER/$PG_CLUSTER/conf.d/lagebild.conf
  local want="listen_addresses = '127.0.0.1'
port = $PG_PORT
password_encryption = 'scram-sha-256'"
  [[ -f $conf && "$(cat "$conf")" == "$want" ]] || { echo "$want" > "$conf"; chown postgres: "$conf"; pg_ctlcluster "$PG_VER" "$PG_CLUSTER" stop >/dev/null 2>&1 || true; }
}

provision() {
  psql_su -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$PG_USER') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') \gexec
ALTER ROLE $PG_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$PG_PASSWORD';
SELECT format('CREATE ROLE %I LOGIN', '$PG_APP_USER') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') \gexec
ALTER ROLE $PG_APP_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$PG_APP_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$PG_DB', '$PG_USER') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB') \gexec
SQL
  psql_su -d "$PG_DB" -c 'CREATE EXTENSION IF NOT EXISTS postgis'
}

start() {
  install
  configure
  pg_lsclusters -h "$PG_VER" "$PG_CLUSTER" | grep -q online || pg_ctlcluster "$PG_VER" "$PG_CLUSTER" start
  wait_for postgres 30 "$PG_LOG" pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
  provision
  PGPASSWORD=$PG_PASSWORD psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -tAc 'select postgis_version()' >/dev/null
  echo "postgres: postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
}

# fresh-db NAME: drop and recreate database NAME (owned by the lagebild role, with PostGIS), e.g. for a test run.
fresh_db() {
  local name=${1:?usage: $0 fresh-db NAME}
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "ERROR: bad database name '$name'" >&2; return 2; }
  psql_su -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name OWNER $PG_USER"
  psql_su -d "$name" -c 'CREATE EXTENSION postgis'
  echo "postgres: fresh database $name"
}

stop() { pg_ctlcluster "$PG_VER" "$PG_CLUSTER" stop 2>/dev/null || true; echo "postgres stopped"; }

status() { pg_isready -h 127.0.0.1 -p "$PG_PORT"; }

case "${1:-}" in
  start|stop|status) "$1" ;;
  fresh-db) fresh_db "${2:-}" ;;
  *) echo "usage: $0 start|stop|status|fresh-db NAME" >&2; exit 2 ;;
esac
