#!/usr/bin/env bash
# Runs all tests: starts the local services, migrates a fresh test database, builds and tests every module,
# then runs Quarkus' native build steps for every function (reflection registration, build-time
# initialisation; `-Dquarkus.native.sources-only` stops before native-image, which cannot run here).
# Extra arguments go to Maven (for example `-pl functions/chat -am`); with them the native step is skipped
# unless LAGEBILD_NATIVE_CHECK=1 (LAGEBILD_NATIVE_CHECK=0 always skips it). LAGEBILD_TEST_DB names the test database.
# Last, with the native step, positions is built with its JDK 25 AOT cache (infra/aot.sh) and started with it,
# the cache required (-XX:AOTMode=on), beside the plain jar on JDK 17 (infra/bench-startup.sh, one round).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

test_db=${LAGEBILD_TEST_DB:-lagebild_test}
native_check=${LAGEBILD_NATIVE_CHECK:-$(( $# == 0 ))}
"$REPO/infra/web-deps.sh" --browser
"$REPO/infra/services.sh" start
"$REPO/infra/postgres.sh" fresh-db "$test_db"
mvn_cmd -f "$REPO/pom.xml" verify -Pmigrate \
  -Dlagebild.db.jdbc-url="jdbc:postgresql://127.0.0.1:$PG_PORT/$test_db" \
  -Dlagebild.test.db="$test_db" "$@"

if [[ $native_check == 1 ]]; then
  # -DskipITs: the native profile turns the ITs on, and they would look for an executable that
  # sources-only never links.
  start=$SECONDS
  mvn_cmd -f "$REPO/pom.xml" package -Dnative -Dquarkus.native.sources-only=true -DskipTests -DskipITs \
    -pl functions/chat,functions/positions,functions/layers,functions/media,functions/push -am
  echo "native build steps of the five functions passed in $((SECONDS - start))s"

  start=$SECONDS
  "$REPO/infra/aot.sh" positions
  jar=$REPO/functions/positions/target/quarkus-app/quarkus-run.jar
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/lagebild_aot LAGEBILD_BUS_URL=postgresql://127.0.0.1:$PG_PORT/lagebild_aot \
    JAVA_B=$JAVA25_HOME/bin/java OPTS_B="-XX:AOTMode=on -XX:AOTCache=${jar%/*}/app.aot" \
    "$REPO/infra/bench-startup.sh" positions "$jar" "$jar" 1
  echo "positions' AOT cache trained and used in $((SECONDS - start))s"
fi
