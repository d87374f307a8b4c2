#!/usr/bin/env bash
# Starts the whole backend locally: services, migrations on database "lagebild", the five functions
# (chat :8081, positions :8082, layers :8083, media :8084, push :8085; each one's health, metrics and OpenAPI on its
# management port, the API port + 1000) and the web client (:8080, management :9080) in the background.
# Stop it with infra/stop.sh. LAGEBILD_AOT=1 also trains an AOT cache per API function (infra/aot.sh, a few
# minutes more) and runs those functions on JDK 25 with it: they start in about half the time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

FUNCTIONS=(chat:8081 positions:8082 layers:8083 media:8084 push:8085 web:8080)

"$REPO/infra/web-deps.sh"
# push's VAPID key pair (P-256, base64url), made once: browsers' subscriptions are bound to it.
vapid_env=$LOCAL_DIR/push-vapid.env
if [[ ! -s $vapid_env ]]; then
  pem=$(openssl ecparam -name prime256v1 -genkey -noout)
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  { echo "LAGEBILD_PUSH_VAPID_PUBLIC_KEY=$(openssl ec -pubout -outform DER <<<"$pem" 2>/dev/null | tail -c 65 | b64url)"
    echo "LAGEBILD_PUSH_VAPID_PRIVATE_KEY=$(openssl ec -outform DER <<<"$pem" 2>/dev/null | tail -c +8 | head -c 32 | b64url)"
  } > "$vapid_env"
  chmod 600 "$vapid_env"
fi
set -a; source "$vapid_env"; set +a
# media's Ed25519 key pair that signs export manifests (base64 DER), made once: published exports are checked against it.
export_signing_env=$LOCAL_DIR/media-export-signing.env
if [[ ! -s $export_signing_env ]]; then
  pem=$(openssl genpkey -algorithm ed25519)
  { echo "LAGEBILD_MEDIA_EXPORT_SIGNING_PRIVATE_KEY=$(openssl pkey -outform DER <<<"$pem" | base64 -w0)"
    echo "LAGEBILD_MEDIA_EXPORT_SIGNING_PUBLIC_KEY=$(openssl pkey -pubout -outform DER <<<"$pem" | base64 -w0)"
  } > "$export_signing_env"
  chmod 600 "$export_signing_env"
fi
set -a; source "$export_signing_env"; set +a
"$REPO/infra/services.sh" start
echo "building and migrating database $PG_DB ..."
mvn_cmd -q -f "$REPO/pom.xml" package -Pmigrate -DskipTests
if [[ ${LAGEBILD_AOT:-0} == 1 ]]; then
  echo "training the AOT caches (infra/aot.sh) ..."
  "$REPO/infra/aot.sh"
fi

for entry in "${FUNCTIONS[@]}"; do
  fn=${entry%%:*} port=${entry##*:}
  pidfile=$LOCAL_DIR/run/$fn.pid log=$LOCAL_DIR/logs/$fn.log
  if pid_alive "$pidfile"; then stop_pid "$fn" "$pidfile"; fi
  require_free_port "$fn" "$port"
  require_free_port "$fn management" "$((port + 1000))"
  # The GC log shows the heap after each collection.
  # 9>&-: infra/bench-run.sh and infra/fault.sh hold their flock on fd 9; a function inheriting it would keep the lock after the run.
  setsid $(function_java "$fn") $(function_jvm_options "$fn") -Xlog:gc:file="$LOCAL_DIR/logs/$fn-gc.log":time -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 -jar "$REPO/functions/$fn/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 </dev/null 9>&- &
  echo $! > "$pidfile"
done
for entry in "${FUNCTIONS[@]}"; do
  fn=${entry%%:*} port=${entry##*:}
  WAIT_PIDFILE=$LOCAL_DIR/run/$fn.pid wait_for "$fn (http://127.0.0.1:$port)" 60 "$LOCAL_DIR/logs/$fn.log" \
    curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready"
done

cat <<TXT

Lagebild is running. Logs: $LOCAL_DIR/logs/. Stop: infra/stop.sh
  web       http://127.0.0.1:8080   (the browser client: sign in as lead1 or officer1, password "test")
  chat      http://127.0.0.1:8081   (stream: ws://127.0.0.1:8081/v1/stream)
  positions http://127.0.0.1:8082
  layers    http://127.0.0.1:8083
  media     http://127.0.0.1:8084 (export signing key: $export_signing_env)
  push      http://127.0.0.1:8085   (VAPID key pair: $vapid_env)
  health, metrics, OpenAPI: the management ports 9081..9085 (/q/health, /q/metrics, /q/openapi)
  keycloak  $KC_URL (admin/admin; users lead1, officer1..6, admin1, layeradmin1; password "test")

Try it:
  TOKEN=\$(infra/token.sh lead1)
  curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8081/v1/me
TXT
