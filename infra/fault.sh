#!/usr/bin/env bash
# Fault runs on an isolated stack of their own, never on the shared services (other engineers' tests use
# 5432/9000/8180 and the functions on 8081-8084):
#   PostgreSQL cluster 15/fault on 127.0.0.1:5433 (database "lagebild", fresh and migrated for every run),
#   s3proxy on 9001, Keycloak on 8181 (its own install and data under .local/fault/, same realm import),
#   chat on 8091 and a second chat instance on 8095, positions on 8092, media on 8094.
#
#   infra/fault.sh SCENARIO...    chat-kill | postgres-restart | s3-stop | keycloak-stop | slow-consumer | all
#                                 (each as SCENARIO or SCENARIO:name=value,name=value for the Java scenario)
#   infra/fault.sh inject|heal FAULT   used by the Java scenarios (de.lagebild.load.fault) to break and mend
#
# It takes the bench lock (/tmp/lagebild-bench.lock) while it runs, so that figures are not disturbed by
# other benchmarks, and always stops the isolated stack again (trap).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

FAULT_DIR=$REPO/.local/fault
F_RUN=$FAULT_DIR/run F_LOGS=$FAULT_DIR/logs
F_PG_PORT=5433 F_PG_CLUSTER=fault F_S3_PORT=9001 F_KC_PORT=8181 F_KC_MGMT_PORT=9191
declare -A F_PORTS=([chat]=8091 [chat-b]=8095 [positions]=8092 [media]=8094)
declare -A F_MODULE=([chat]=chat [chat-b]=chat [positions]=positions [media]=media)
mkdir -p "$F_RUN" "$F_LOGS"

# The shared scripts, pointed at the isolated directory and ports.
isolated() {
  LAGEBILD_LOCAL_DIR=$FAULT_DIR LAGEBILD_S3_PORT=$F_S3_PORT LAGEBILD_KC_PORT=$F_KC_PORT \
    LAGEBILD_KC_MGMT_PORT=$F_KC_MGMT_PORT "$@"
}

psql_fault() { PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$F_PG_PORT" "$@"; }

pg_start() {
  if [[ ! -d /etc/postgresql/15/$F_PG_CLUSTER ]]; then
    pg_createcluster 15 "$F_PG_CLUSTER" --port "$F_PG_PORT" --start-conf=manual >/dev/null
    printf "listen_addresses = '127.0.0.1'\nport = %s\npassword_encryption = 'scram-sha-256'\n" "$F_PG_PORT" \
      > "/etc/postgresql/15/$F_PG_CLUSTER/conf.d/lagebild.conf"
  fi
  pg_lsclusters -h 15 "$F_PG_CLUSTER" | grep -q online || pg_ctlcluster 15 "$F_PG_CLUSTER" start
  wait_for "postgres :$F_PG_PORT" 30 "/var/log/postgresql/postgresql-15-$F_PG_CLUSTER.log" pg_isready -q -h 127.0.0.1 -p "$F_PG_PORT"
}

pg_fresh() {
  psql_fault -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$PG_USER') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') \gexec
ALTER ROLE $PG_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$PG_PASSWORD';
SELECT format('CREATE ROLE %I LOGIN', '$PG_APP_USER') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') \gexec
ALTER ROLE $PG_APP_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$PG_APP_PASSWORD';
DROP DATABASE IF EXISTS $PG_DB WITH (FORCE);
CREATE DATABASE $PG_DB OWNER $PG_USER;
SQL
  psql_fault -d "$PG_DB" -c 'CREATE EXTENSION postgis'
  mvn_cmd -q -f "$REPO/infra/migrations/pom.xml" process-resources -Pmigrate \
    -Dlagebild.db.jdbc-url="jdbc:postgresql://127.0.0.1:$F_PG_PORT/$PG_DB"
}

fn_start() {
  local fn=$1 port=${F_PORTS[$1]}
  require_free_port "$fn" "$port"
  require_free_port "$fn management" "$((port + 1000))"
  setsid java $(function_jvm_options "$fn") -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$((port + 1000))" \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:$F_PG_PORT/$PG_DB" \
    -Dquarkus.oidc.auth-server-url="http://127.0.0.1:$F_KC_PORT/realms/$KC_REALM" \
    -Dquarkus.s3.endpoint-override="http://127.0.0.1:$F_S3_PORT" \
    -jar "$REPO/functions/${F_MODULE[$fn]}/target/quarkus-app/quarkus-run.jar" >"$F_LOGS/$fn.log" 2>&1 </dev/null &
  echo $! > "$F_RUN/$fn.pid"
  disown  # its kill -9 is the fault, not news
}

fn_wait() {
  WAIT_PIDFILE=$F_RUN/$1.pid wait_for "$1 (:${F_PORTS[$1]})" 90 "$F_LOGS/$1.log" \
    curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$((F_PORTS[$1] + 1000))/q/health/ready"
}

stack_start() {
  mkdir -p "$FAULT_DIR/downloads"
  cp -n "$REPO/.local/downloads/"*.jar "$FAULT_DIR/downloads/" 2>/dev/null || true
  pg_start
  pg_fresh
  isolated "$REPO/infra/s3.sh" start
  isolated "$REPO/infra/keycloak.sh" start
  for fn in chat chat-b positions media; do fn_start "$fn"; done
  for fn in chat chat-b positions media; do fn_wait "$fn"; done
}

stack_stop() {
  for fn in media positions chat-b chat; do stop_pid "$fn" "$F_RUN/$fn.pid" >/dev/null || true; done
  isolated "$REPO/infra/keycloak.sh" stop >/dev/null || true
  isolated "$REPO/infra/s3.sh" stop >/dev/null || true
  pg_ctlcluster 15 "$F_PG_CLUSTER" stop >/dev/null 2>&1 || true
  echo "isolated fault stack stopped"
}

# inject/heal: what the Java scenarios call at the moment they choose.
inject() {
  case "$1" in
    chat-kill) kill -9 "$(cat "$F_RUN/chat-b.pid")" ;;
    postgres-restart) pg_ctlcluster 15 "$F_PG_CLUSTER" stop -m fast ;;
    s3-stop) isolated "$REPO/infra/s3.sh" stop ;;
    keycloak-stop) isolated "$REPO/infra/keycloak.sh" stop ;;
    *) echo "unknown fault $1" >&2; return 2 ;;
  esac
}

heal() {
  case "$1" in
    chat-kill) rm -f "$F_RUN/chat-b.pid"; fn_start chat-b; fn_wait chat-b ;;
    postgres-restart) pg_ctlcluster 15 "$F_PG_CLUSTER" start ;;
    s3-stop) isolated "$REPO/infra/s3.sh" start ;;
    keycloak-stop) isolated "$REPO/infra/keycloak.sh" start ;;
    *) echo "unknown fault $1" >&2; return 2 ;;
  esac
}

run_scenarios() {
  local scenarios=("$@")
  [[ ${scenarios[0]} == all ]] && scenarios=(slow-consumer chat-kill postgres-restart s3-stop keycloak-stop)
  echo "building the functions ..."
  mvn_cmd -q -f "$REPO/pom.xml" package -DskipTests -pl functions/chat,functions/positions,functions/media -am
  exec 9>/tmp/lagebild-bench.lock
  echo "waiting for the bench lock ..."; flock 9; echo "got the bench lock at $(date +%T)"
  trap stack_stop EXIT
  # fd 9 holds the lock: nothing started from here may inherit it, or the lock outlives this script
  stack_stop >/dev/null 9>&-
  stack_start 9>&-
  local rc=0 scenario name args
  for scenario in "${scenarios[@]}"; do
    name=${scenario%%:*} args=()
    [[ $scenario == *:* ]] && IFS=, read -r -a args <<<"${scenario#*:}"
    echo; echo "=== fault run: $name ($(date +%T)) ==="
    # LAGEBILD_LOCAL_DIR: the bench users' token cache of this Keycloak stays apart from the shared one's
    LAGEBILD_LOCAL_DIR=$FAULT_DIR BENCH_RUN_DIR=$F_RUN BENCH_PG_PIDFILE=/var/lib/postgresql/15/$F_PG_CLUSTER/postmaster.pid \
      "$REPO/infra/bench.sh" fault "$name" \
        chat="http://127.0.0.1:${F_PORTS[chat]},http://127.0.0.1:${F_PORTS[chat-b]}" \
        positions="http://127.0.0.1:${F_PORTS[positions]}" media="http://127.0.0.1:${F_PORTS[media]}" \
        keycloak="http://127.0.0.1:$F_KC_PORT" db="jdbc:postgresql://127.0.0.1:$F_PG_PORT/$PG_DB" \
        fault-script="$REPO/infra/fault.sh" "${args[@]}" 9>&- || rc=1
  done
  return $rc
}

case "${1:-}" in
  inject|heal) "$1" "${2:?usage: $0 $1 FAULT}" ;;
  stop) stack_stop ;;
  chat-kill*|postgres-restart*|s3-stop*|keycloak-stop*|slow-consumer*|all) run_scenarios "$@" ;;
  *) echo "usage: $0 SCENARIO... (chat-kill|postgres-restart|s3-stop|keycloak-stop|slow-consumer|all) | inject|heal FAULT | stop" >&2; exit 2 ;;
esac
