#!/usr/bin/env bash
# Install (Maven Central tar.gz), start/stop Keycloak dev server on 127.0.0.1:$KC_PORT (8180) with realms from infra/keycloak/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

DIST=$LOCAL_DIR/keycloak-$KC_VERSION
TARBALL=$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.tar.gz
REALMS_DIR=$REPO/infra/keycloak
HASH_FILE=$LOCAL_DIR/run/keycloak-realms.sha256
LOG=$LOCAL_DIR/logs/keycloak.log
PIDFILE=$LOCAL_DIR/run/keycloak.pid

probe() { curl -fsS -m 5 -o /dev/null "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration"; }

install() {
  [[ -x $DIST/bin/kc.sh ]] && return 0
  # -Dtransitive=false: the dist's POM references repositories we cannot reach.
  [[ -f $TARBALL ]] || (cd "$LOCAL_DIR" && mvn_cmd -q dependency:get -Dtransitive=false \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz")
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp"
  tar -xzf "$TARBALL" -C "$DIST.tmp" --strip-components=1
  mv "$DIST.tmp" "$DIST"
}

realms_hash() { cat "$REALMS_DIR"/*.json | sha256sum | cut -d' ' -f1; }
realms_changed() { [[ ! -f $HASH_FILE || "$(cat "$HASH_FILE")" != "$(realms_hash)" ]]; }

# Realms are imported only if absent: on any change of the realm files, wipe the dev H2 database.
sync_realms() {
  if realms_changed; then
    echo "keycloak: realm files new or changed, resetting $DIST/data/h2"
    rm -rf "$DIST/data/h2" "$DIST/data/import"
  fi
  mkdir -p "$DIST/data/import"
  cp "$REALMS_DIR"/*.json "$DIST/data/import/"
  realms_hash > "$HASH_FILE"
}

start() {
  if pid_alive "$PIDFILE"; then
    if realms_changed; then stop; else wait_for keycloak 120 "$LOG" probe; return; fi
  fi
  require_free_port keycloak "$KC_PORT"
  install
  sync_realms
  [[ -x $JAVA25_HOME/bin/java ]] || { echo "ERROR: $JAVA25_HOME/bin/java missing (Keycloak needs Java 21+)" >&2; exit 1; }
  JAVA_HOME=$JAVA25_HOME JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$DIST/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --hostname="$KC_URL" \
      --health-enabled=true --http-management-health-enabled=false --http-management-port="$KC_MGMT_PORT" --import-realm >"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  WAIT_PIDFILE=$PIDFILE wait_for keycloak 120 "$LOG" probe || { stop_pid keycloak "$PIDFILE"; return 1; }
  echo "keycloak: $KC_URL (admin/admin), realm $KC_REALM"
}

stop() { stop_pid keycloak "$PIDFILE"; }

status() {
  if pid_alive "$PIDFILE" && probe; then echo "keycloak running (pid $(cat "$PIDFILE"))"; else echo "keycloak not running"; return 1; fi
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
