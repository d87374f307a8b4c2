#!/usr/bin/env bash
# Print a fresh access token for USER (password "test") via the password grant: token.sh USER [CLIENT] [REALM].
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[[ $# -ge 1 ]] || { echo "usage: $0 USER [CLIENT=lagebild-app] [REALM=$KC_REALM]" >&2; exit 2; }
user=$1 client=${2:-lagebild-app} realm=${3:-$KC_REALM}

resp=$(curl -sS -d grant_type=password -d client_id="$client" -d username="$user" -d password=test \
  "$KC_URL/realms/$realm/protocol/openid-connect/token")
token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$resp")
[[ -n $token ]] || { echo "ERROR: no access token: $resp" >&2; exit 1; }
echo "$token"
