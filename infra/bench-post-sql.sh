#!/usr/bin/env bash
# What the database spends on posting a message, and how much of it is the search vector: pgbench posts
# text messages with the chat function's statement (infra/load/sql/post-message.sql) into 50 chats,
# on a scratch database "bench_post" migrated from this checkout, in five variants, alternating:
#   current     the migrations as they are
#   v25         the search functions as SQL functions, as before V26 (infra/load/sql/search-functions-v19.sql)
#   v19         the search trigger and functions as V19 made them (also infra/load/sql/trigger-v19.sql)
#   off         no search vector (infra/load/sql/trigger-off.sql)
#   answerless  the migrations as they are, post-message.sql without its stored answer (no
#               client_writes row): the statement as it was before every write kept its first answer
# and prints each round's transactions/s and their ratios (the machine is shared: compare ratios).
#   infra/bench-post-sql.sh [ROUNDS=2] [SECONDS=20] [CLIENTS=6]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
rounds=${1:-2} seconds=${2:-20} clients=${3:-6}
sql=$REPO/infra/load/sql db=bench_post template=bench_post_template
psql_su() { PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }
pgbench=/usr/lib/postgresql/15/bin/pgbench

"$REPO/infra/postgres.sh" fresh-db "$template" >/dev/null
mvn_cmd -q -f "$REPO/infra/migrations/pom.xml" process-resources -Pmigrate \
  -Dlagebild.db.jdbc-url="jdbc:postgresql://127.0.0.1:$PG_PORT/$template" >/dev/null
psql_su -d "$template" -f "$sql/post-setup.sql" >/dev/null
answerless=$(mktemp /tmp/post-message-answerless.XXXXXX)
trap 'rm -f "$answerless"' EXIT
{ sed '/^insert into client_writes/,$d' "$sql/post-message.sql"; echo 'select room_id, seq from answer;'; } > "$answerless"
chmod 644 "$answerless"

run() { # VARIANT [SCRIPT]: transactions/s
  psql_su -d postgres -c "drop database if exists $db with (force)" -c "create database $db template $template owner $PG_USER"
  case $1 in
    v25) psql_su -d "$db" -f "$sql/search-functions-v19.sql" ;;
    v19) psql_su -d "$db" -f "$sql/search-functions-v19.sql" -f "$sql/trigger-v19.sql" ;;
    off) psql_su -d "$db" -f "$sql/trigger-off.sql" ;;
  esac
  runuser -u postgres -- "$pgbench" -n -M prepared -p "$PG_PORT" -c "$clients" -j 2 -T "$seconds" -f "${2:-$sql/post-message.sql}" "$db" 2>&1 \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
for round in $(seq "$rounds"); do
  declare -A tps=()
  for variant in current v25 v19 off; do tps[$variant]=$(run "$variant"); done
  tps[answerless]=$(run answerless "$answerless")
  awk -v r="$round" -v c="${tps[current]}" -v w="${tps[v25]}" -v v="${tps[v19]}" -v o="${tps[off]}" -v a="${tps[answerless]}" 'BEGIN {
    printf "round %d: current %.0f/s, v25 %.0f/s, v19 %.0f/s, off %.0f/s, answerless %.0f/s; current/off %.2f, current/v25 %.2f, current/v19 %.2f, current/answerless %.2f\n",
      r, c, w, v, o, a, c / o, c / w, c / v, c / a }'
done
psql_su -d postgres -c "drop database if exists $db with (force)" -c "drop database if exists $template with (force)"
