#!/usr/bin/env bash
# Start/stop/status all local services: postgres, s3 (s3proxy), keycloak (stop runs in reverse order).
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "${1:-}" in
  start)  for s in postgres s3 keycloak; do "$dir/$s.sh" start; done ;;
  stop)   for s in keycloak s3 postgres; do "$dir/$s.sh" stop; done ;;
  status) rc=0; for s in postgres s3 keycloak; do "$dir/$s.sh" status || rc=1; done; exit $rc ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
