#!/usr/bin/env bash
# What the verified-token cache (lagebild.auth.token-cache) saves: the CPU of positions per stored fix and
# of chat per message with the cache off and on, alternating, each on a freshly started stack
# (infra/bench-run.sh). CPU is the function process's utime + stime between two lines of the benchmark's
# output (positions: its 10 s and 30 s windows; chat: the second of two phases at 250 msg/s, deliveries
# included: a chat started cold falls behind at 500 msg/s, and CPU per message needs it to keep up); a JFR
# recording of the same span is left beside the output for the share of signature checks, and the heap in
# use after a full collection at its end shows what the remembered tokens hold.
#   infra/bench-token-cache.sh [ROUNDS=1]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
rounds=${1:-1} out_dir=$REPO/infra/load/target/token-cache
mkdir -p "$out_dir"

ticks() { awk '{print $14 + $15}' "/proc/$(cat "$LOCAL_DIR/run/$1.pid")/stat"; }
# measure FN FILE START END N: CPU seconds of FN from the line START appearing in FILE until END appeared N times
measure() {
  local fn=$1 file=$2 start=$3 end=$4 n=$5 a b pid
  until grep -q "$start" "$file" 2>/dev/null; do sleep 0.2; done
  a=$(ticks "$fn") pid=$(cat "$LOCAL_DIR/run/$fn.pid")
  jcmd "$pid" JFR.start name=tokens settings=profile filename="${file%.log}.jfr" >/dev/null
  until (( $(grep -c "$end" "$file" 2>/dev/null) >= n )); do sleep 0.2; done
  b=$(ticks "$fn")
  jcmd "$pid" JFR.stop name=tokens >/dev/null
  echo "$(( b - a ))" > "${file%.log}.ticks"
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | tee "${file%.log}.heap-info" | awk '!found && /heap/ && match($0, /used [0-9]+K/) { print substr($0, RSTART + 5, RLENGTH - 6); found = 1 }' \
    > "${file%.log}.heap"
}
# signature_share FILE.jfr: per cent of the CPU samples inside a signature check
signature_share() {
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$1" | awk 'BEGIN { RS = "jdk.ExecutionSample" }
    NR > 1 { n++; if ($0 ~ /jose4j\.jws|RSASignature|Signature\.verify/) s++ } END { printf "%.1f", n ? 100 * s / n : 0 }'
}

for round in $(seq "$rounds"); do
  for cache in false true; do
    log=$out_dir/positions-$round-$cache.log; : >"$log"
    measure positions "$log" "t= 10 s" "t= 30 s" 1 &
    LAGEBILD_AUTH_TOKEN_CACHE_ENABLED=$cache "$REPO/infra/bench-run.sh" positions rate=2000 batch=5 users=2000 \
      duration=40 warmup=15 >"$log" 2>&1
    wait
    # requests in the measured span: the 20 s and 30 s windows' rates, 10 s each
    requests=$(sed -n 's/^  t= *[23]0 s *\([0-9]*\) requests.*/\1/p' "$log" | awk '{ n += $1 * 10 } END { print n }')
    awk -v r="$round" -v c="$cache" -v t="$(cat "${log%.log}.ticks")" -v req="$requests" -v s="$(signature_share "${log%.log}.jfr")" \
      -v h="$(cat "${log%.log}.heap")" 'BEGIN {
      printf "round %d cache=%-5s positions: %.3f ms CPU per request of 5 fixes (%.3f per fix), %s %% of samples in signature checks, heap after full GC %.1f MB\n",
        r, c, t * 10 / req, t * 10 / (req * 5), s, h / 1024 }'
    log=$out_dir/chat-$round-$cache.log; : >"$log"
    measure chat "$log" "^phase 2:" "^sent=" 2 &
    LAGEBILD_AUTH_TOKEN_CACHE_ENABLED=$cache "$REPO/infra/bench-run.sh" chat chats=50 members=20 rooms=50 rates=250,250 \
      seconds=30 >"$log" 2>&1
    wait
    awk -v r="$round" -v c="$cache" -v t="$(cat "${log%.log}.ticks")" -v s="$(signature_share "${log%.log}.jfr")" \
      -v h="$(cat "${log%.log}.heap")" 'BEGIN {
      printf "round %d cache=%-5s chat: %.3f ms CPU per message (7,500 sent, 20 deliveries each), %s %% of samples in signature checks, heap after full GC %.1f MB\n",
        r, c, t * 10 / 7500, s, h / 1024 }'
    grep -E "^send -> 201" "$log" | tail -1
  done
done
