#!/usr/bin/env bash
# Stops the functions and the web client started by infra/start.sh, then the local services.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

for fn in web push media layers positions chat; do stop_pid "$fn" "$LOCAL_DIR/run/$fn.pid"; done
"$REPO/infra/services.sh" stop
