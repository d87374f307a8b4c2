#!/usr/bin/env bash
# Runs one benchmark scenario against the running local stack (start it with infra/start.sh); prints its
# figures and the stack's CPU and memory, and writes infra/load/target/reports/SCENARIO-TIME.html:
#   infra/bench.sh SCENARIO [ARGS...]   e.g. infra/bench.sh positions
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[[ $# -ge 1 ]] || { echo "usage: $0 SCENARIO [ARGS...]" >&2; exit 2; }
mvn_cmd -q -f "$REPO/pom.xml" -pl infra/load -am install -DskipTests >/dev/null
# Resource figures come from the pid files in BENCH_RUN_DIR and the postmaster of BENCH_PG_PIDFILE.
mvn_cmd -q -f "$REPO/infra/load/pom.xml" exec:java -Dexec.args="$*" \
  -Dlagebild.run.dir="${BENCH_RUN_DIR:-$LOCAL_DIR/run}" \
  -Dlagebild.postgres.pidfile="${BENCH_PG_PIDFILE:-/var/lib/postgresql/15/main/postmaster.pid}" \
  -Dlagebild.reports.dir="$REPO/infra/load/target/reports"
