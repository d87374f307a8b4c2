# Shared settings for the local dev services (source this file; do not execute it).
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# LAGEBILD_LOCAL_DIR, LAGEBILD_S3_PORT, LAGEBILD_KC_PORT and LAGEBILD_KC_MGMT_PORT let infra/fault.sh run
# a second, isolated s3proxy and Keycloak with these scripts; nothing else sets them.
export REPO LOCAL_DIR="${LAGEBILD_LOCAL_DIR:-$REPO/.local}"

# Two roles: PG_USER owns the databases and the schema (the migrations run as it); the functions and
# the tests connect as PG_APP_USER, which owns nothing (migration V11 grants it what it may do).
export PG_PORT=5432 PG_DB=lagebild PG_USER=lagebild PG_PASSWORD=lagebild
export PG_APP_USER=lagebild_app PG_APP_PASSWORD=lagebild_app
export S3_PORT=${LAGEBILD_S3_PORT:-9000} S3_BUCKET=lagebild S3_ACCESS_KEY=lagebild S3_SECRET_KEY=lagebild-secret
export S3PROXY_VERSION=4.1.0
export KC_PORT=${LAGEBILD_KC_PORT:-8180} KC_VERSION=26.7.3 KC_REALM=lagebild
export KC_URL=http://127.0.0.1:$KC_PORT KC_MGMT_PORT=${LAGEBILD_KC_MGMT_PORT:-9190}
export JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   # Keycloak needs Java 21+

# Maven: prefer the project's wrapper, fall back to the system mvn (always batch mode).
if [[ -x "$REPO/mvnw" ]]; then MVN="$REPO/mvnw"; else MVN=mvn; fi
export MVN
mvn_cmd() { "$MVN" -B -Dstyle.color=never "$@"; }

mkdir -p "$LOCAL_DIR"/{downloads,logs,run}

# function_jvm_options FUNCTION: heap and collector of a function's JVM (infra/start.sh, infra/fault.sh).
# The collector is always named, and each function's Knative service sets the same one (k8s's
# GarbageCollectorTest holds the two together): G1 where request and socket latency count; serial for
# media's CPU-bound uploads on a small heap (functions/media/README.md) and web's static files.
function_jvm_options() {
  case $1 in
    chat*) echo "-Xmx512m -XX:+UseG1GC" ;;
    media) echo "-Xmx256m -XX:+UseSerialGC" ;;
    web) echo "-Xmx64m -XX:+UseSerialGC" ;;
    *) echo "-Xmx256m -XX:+UseG1GC" ;;
  esac
}

# function_java FUNCTION: the java command that runs a function: with LAGEBILD_AOT=1 and an AOT cache built by
# infra/aot.sh, JDK 25 with that cache; else the default java.
function_java() {
  local cache=$REPO/functions/$1/target/quarkus-app/app.aot
  if [[ ${LAGEBILD_AOT:-0} == 1 && -s $cache ]]; then
    echo "$JAVA25_HOME/bin/java -XX:AOTCache=$cache"
  else
    echo java
  fi
}

# wait_for NAME TIMEOUT LOGFILE CMD...: retry CMD every second; on timeout (or when the process in
# $WAIT_PIDFILE, if set, has died) print the log tail and fail.
wait_for() {
  local name=$1 timeout=$2 log=$3; shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start >= timeout )) || { [[ -n ${WAIT_PIDFILE:-} ]] && ! pid_alive "$WAIT_PIDFILE"; }; then
      echo "ERROR: $name not ready (waited $((SECONDS - start))s of ${timeout}s); last lines of $log:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "$name ready after $((SECONDS - start))s"
}

# require_free_port NAME PORT: fail if something else already listens on 127.0.0.1:PORT.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then
    echo "ERROR: $1: port $2 on 127.0.0.1 is already in use by another process" >&2; return 1
  fi
}

# pid_alive PIDFILE: true if the pid file exists and its process runs.
pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid NAME PIDFILE: TERM the process group, wait up to 30 s, then KILL.
stop_pid() {
  local name=$1 pidfile=$2 pid i
  if ! pid_alive "$pidfile"; then echo "$name not running"; rm -f "$pidfile"; return 0; fi
  pid=$(cat "$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; fi
  rm -f "$pidfile"
  echo "$name stopped"
}
