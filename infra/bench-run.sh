#!/usr/bin/env bash
# Runs one benchmark scenario on a freshly started stack, the way the READMEs' figures were taken:
#   infra/bench-run.sh SCENARIO [ARGS...]
# Takes the bench lock (/tmp/lagebild-bench.lock, also taken by infra/fault.sh) so that two runs on one
# machine never share it, recreates the dev database "lagebild" (BENCH_KEEP_DB=1 keeps it), starts the
# functions and the web client from this checkout, runs infra/bench.sh and stops them again; the services
# (PostgreSQL, S3, Keycloak) keep running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[[ $# -ge 1 ]] || { echo "usage: $0 SCENARIO [ARGS...]" >&2; exit 2; }
exec 9>/tmp/lagebild-bench.lock
echo "waiting for the bench lock ..."; flock 9; echo "bench lock taken at $(date +%T)"

stop_functions() { for fn in web push media layers positions chat; do stop_pid "$fn" "$LOCAL_DIR/run/$fn.pid" || true; done; }
trap stop_functions EXIT
stop_functions
# 9>&-: whatever starts here outlives the run and must not hold the lock.
"$REPO/infra/services.sh" start 9>&-
[[ ${BENCH_KEEP_DB:-0} == 1 ]] || "$REPO/infra/postgres.sh" fresh-db "$PG_DB"
start_log=$LOCAL_DIR/logs/bench-start.log
"$REPO/infra/start.sh" >"$start_log" 2>&1 9>&- || { tail -n 40 "$start_log" >&2; exit 1; }
"$REPO/infra/bench.sh" "$@"
