#!/usr/bin/env bash
# Runs all tests: starts the local services, migrates a fresh test database, builds and tests every module.
# Extra arguments go to Maven (for example `-pl functions/chat -am`). LAGEBILD_TEST_DB names the test database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

test_db=${LAGEBILD_TEST_DB:-lagebild_test}
"$REPO/infra/services.sh" start
"$REPO/infra/postgres.sh" fresh-db "$test_db"
mvn_cmd -f "$REPO/pom.xml" verify -Pmigrate \
  -Dlagebild.db.jdbc-url="jdbc:postgresql://127.0.0.1:$PG_PORT/$test_db" \
  -Dlagebild.test.db="$test_db" "$@"
