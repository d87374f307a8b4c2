#!/usr/bin/env bash
# Runs one benchmark scenario against the running local stack (start it with infra/start.sh):
#   infra/bench.sh SCENARIO [ARGS...]   e.g. infra/bench.sh positions
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[[ $# -ge 1 ]] || { echo "usage: $0 SCENARIO [ARGS...]" >&2; exit 2; }
mvn_cmd -q -f "$REPO/pom.xml" -pl infra/load -am install -DskipTests >/dev/null
mvn_cmd -q -f "$REPO/infra/load/pom.xml" exec:java -Dexec.args="$*"
