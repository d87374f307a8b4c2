#!/usr/bin/env bash
# Runs one benchmark scenario against the running local stack (start it with infra/start.sh); prints its
# figures and the stack's CPU and memory, and writes infra/load/target/reports/SCENARIO-TIME.html:
#   infra/bench.sh SCENARIO [ARGS...]   e.g. infra/bench.sh positions
# Scenarios (options and figures on the functions' pages and infra/load/README.md): chat, alarm, push,
# search, positions, layers, media, operation. push posts to a Web Push service inside the harness on
# loopback, which the push function refuses unless told otherwise (never in a cluster):
#   LAGEBILD_PUSH_WEB_PUSH_ENDPOINT_HOSTS=127.0.0.1 LAGEBILD_PUSH_WEB_PUSH_ALLOW_HTTP=true infra/start.sh
#   infra/bench.sh push devices=1000 alarms=20 rate=500
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[[ $# -ge 1 ]] || { echo "usage: $0 SCENARIO [ARGS...]  (chat, alarm, push, search, positions, layers, media, operation)" >&2; exit 2; }
mvn_cmd -q -f "$REPO/pom.xml" -pl infra/load -am install -DskipTests >/dev/null
# Resource figures come from the pid files in BENCH_RUN_DIR and the postmaster of BENCH_PG_PIDFILE.
mvn_cmd -q -f "$REPO/infra/load/pom.xml" exec:java -Dexec.args="$*" \
  -Dlagebild.run.dir="${BENCH_RUN_DIR:-$LOCAL_DIR/run}" \
  -Dlagebild.postgres.pidfile="${BENCH_PG_PIDFILE:-/var/lib/postgresql/15/main/postmaster.pid}" \
  -Dlagebild.reports.dir="$REPO/infra/load/target/reports" -Dlagebild.repo="$REPO"
