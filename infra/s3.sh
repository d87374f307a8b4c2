#!/usr/bin/env bash
# Start/stop s3proxy (S3-compatible, filesystem backend) on 127.0.0.1:9000 with bucket "lagebild".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

JAR=$LOCAL_DIR/downloads/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
PROPS=$LOCAL_DIR/s3proxy.properties
DATA=$LOCAL_DIR/s3-data
LOG=$LOCAL_DIR/logs/s3proxy.log
PIDFILE=$LOCAL_DIR/run/s3proxy.pid

# Signed ListObjects on the bucket: proves server, credentials and bucket at once.
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
probe() {
  curl -fsS -m 5 -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" -H "x-amz-content-sha256: $EMPTY_SHA256" \
    -u "$S3_ACCESS_KEY:$S3_SECRET_KEY" "http://127.0.0.1:$S3_PORT/$S3_BUCKET"
}

# Anonymous listing of the bucket, which must be refused (403).
anonymous_listing_status() {
  curl -sS -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$S3_PORT/$S3_BUCKET?list-type=2"
}

fetch() {
  [[ -f $JAR ]] && return 0
  (cd "$LOCAL_DIR" && mvn_cmd -q dependency:copy -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
     -DoutputDirectory="$LOCAL_DIR/downloads" -Dmdep.useBaseVersion=true)
}

start() {
  if pid_alive "$PIDFILE"; then wait_for s3proxy 20 "$LOG" probe; return; fi
  require_free_port s3proxy "$S3_PORT"
  fetch
  # Filesystem provider: bucket == directory, and a directory that others may read is a public-read
  # bucket (anyone could list it without credentials). Only the owner may read it: the bucket is private.
  mkdir -p "$DATA/$S3_BUCKET"
  chmod 700 "$DATA" "$DATA/$S3_BUCKET"
  cat > "$PROPS" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
s3proxy.cors-allow-all=false
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA
jclouds.identity=$S3_ACCESS_KEY
jclouds.credential=$S3_SECRET_KEY
PROPS
  setsid java -Xms32m -Xmx256m -jar "$JAR" --properties "$PROPS" >"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  WAIT_PIDFILE=$PIDFILE wait_for s3proxy 30 "$LOG" probe || { stop_pid s3proxy "$PIDFILE"; return 1; }
  local anonymous
  anonymous=$(anonymous_listing_status)
  if [[ $anonymous != 403 ]]; then
    echo "s3proxy: anonymous listing of bucket $S3_BUCKET answered $anonymous, not 403" >&2
    stop_pid s3proxy "$PIDFILE"; return 1
  fi
  echo "s3: http://127.0.0.1:$S3_PORT bucket=$S3_BUCKET key=$S3_ACCESS_KEY"
}

stop() { stop_pid s3proxy "$PIDFILE"; }

status() {
  if pid_alive "$PIDFILE" && probe; then echo "s3proxy running (pid $(cat "$PIDFILE"))"; else echo "s3proxy not running"; return 1; fi
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
