#!/usr/bin/env bash
# Start-up of one function, two builds side by side: from process start to the first 200 on its readiness
# probe (/q/health/ready, management port), and the resident memory at that moment. A and B alternate,
# ROUNDS each; the medians and B/A are printed. The local services must be up (infra/services.sh start).
#   infra/bench-startup.sh FUNCTION JAR_A JAR_B [ROUNDS=5]
# e.g. infra/bench-startup.sh positions /path/to/old/quarkus-run.jar functions/positions/target/quarkus-app/quarkus-run.jar
# JAVA_A / JAVA_B name the java executable of each side (default: java), to compare JDKs; OPTS_A / OPTS_B add
# JVM options to one side, e.g. OPTS_B=-XX:AOTCache=.../app.aot.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
fn=$1 jar_a=$2 jar_b=$3 rounds=${4:-5}
port=18990 management=19990
out_dir=$REPO/infra/load/target/startup
mkdir -p "$out_dir"

# start_once JAVA OPTIONS JAR LOG: prints "MILLISECONDS RSS_KB" once the probe answers 200
start_once() {
  local java=$1 options=$2 jar=$3 log=$4 began pid ready rss
  began=$(date +%s%N)
  # shellcheck disable=SC2046,SC2086 # the options are words
  "$java" $(function_jvm_options "$fn") $options -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$port \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$management -jar "$jar" >"$log" 2>&1 </dev/null &
  pid=$!
  until curl -fso /dev/null "http://127.0.0.1:$management/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; echo "$fn exited before it was ready" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(date +%s%N)
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (ready - began) / 1000000 )) $rss"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$out_dir/$fn-a.txt"; : >"$out_dir/$fn-b.txt"
for round in $(seq "$rounds"); do
  a=$(start_once "${JAVA_A:-java}" "${OPTS_A:-}" "$jar_a" "$out_dir/$fn-a-$round.log"); echo "$a" >>"$out_dir/$fn-a.txt"
  b=$(start_once "${JAVA_B:-java}" "${OPTS_B:-}" "$jar_b" "$out_dir/$fn-b-$round.log"); echo "$b" >>"$out_dir/$fn-b.txt"
  echo "round $round: A ${a% *} ms ${a#* } kB, B ${b% *} ms ${b#* } kB"
done
ms_a=$(cut -d' ' -f1 "$out_dir/$fn-a.txt" | median) ms_b=$(cut -d' ' -f1 "$out_dir/$fn-b.txt" | median)
rss_a=$(cut -d' ' -f2 "$out_dir/$fn-a.txt" | median) rss_b=$(cut -d' ' -f2 "$out_dir/$fn-b.txt" | median)
awk -v f="$fn" -v n="$rounds" -v ma="$ms_a" -v mb="$ms_b" -v ra="$rss_a" -v rb="$rss_b" 'BEGIN {
  printf "%s, medians of %d: A ready in %d ms, RSS %.0f MB; B ready in %d ms, RSS %.0f MB; B/A time %.2f, RSS %.2f\n",
    f, n, ma, ra / 1024, mb, rb / 1024, mb / ma, rb / ra }'
