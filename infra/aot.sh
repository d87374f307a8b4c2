#!/usr/bin/env bash
# Builds the API functions with an ahead-of-time cache for JDK 25 (Project Leyden): each function's
# @QuarkusIntegrationTest (its *FunctionIT) runs against its packaged jar on JDK 25 and, as the training run,
# records what it loads, links and compiles; the build writes functions/FN/target/quarkus-app/app.aot. The
# other ITs start packaged functions of their own, which record nothing: they are not run. Start a function
# with `$JAVA25_HOME/bin/java -XX:AOTCache=.../app.aot -jar .../quarkus-run.jar` (infra/start.sh does with
# LAGEBILD_AOT=1). The cache belongs to that jar and that JDK: rebuilding either needs a new one.
#   infra/aot.sh [FUNCTION...]   (default: chat positions layers media push; the local services must be up)
# `infra/aot.sh startup-floor` builds the minimal Quarkus application of infra/startup-floor the same way, the
# floor that infra/bench-startup.sh compares the functions with.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

functions=("$@")
(( ${#functions[@]} )) || functions=(chat positions layers media push)
db=${LAGEBILD_AOT_DB:-lagebild_aot}
modules=infra/migrations,functions/common
module_of() { if [[ -d $REPO/functions/$1 ]]; then echo "functions/$1"; else echo "infra/$1"; fi; }
for fn in "${functions[@]}"; do modules+=",$(module_of "$fn")"; done

"$REPO/infra/postgres.sh" fresh-db "$db"
JAVA_HOME=$JAVA25_HOME mvn_cmd -q -f "$REPO/pom.xml" verify -Pmigrate -pl "$modules" \
  -Dlagebild.db.jdbc-url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" -Dlagebild.test.db="$db" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='*FunctionIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dquarkus.package.jar.aot.enabled=true
for fn in "${functions[@]}"; do
  cache=$REPO/$(module_of "$fn")/target/quarkus-app/app.aot
  [[ -s $cache ]] || { echo "$fn: no AOT cache at $cache" >&2; exit 1; }
  echo "$fn: $(du -m "$cache" | cut -f1) MB AOT cache"
done
