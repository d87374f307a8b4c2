#!/bin/sh
# admin-call.sh URL...: takes a client-credentials token from TOKEN_URL (CLIENT_ID, CLIENT_SECRET)
# and POSTs to each URL with it, printing the answer (an import report, a problem+json). Every URL
# is tried; the job fails if any call failed.
set -eu
token=$(curl -fsS --max-time 30 -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$TOKEN_URL" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "no access token from $TOKEN_URL" >&2; exit 1; }
status=0
for url in "$@"; do
  echo "POST $url"
  curl -sS --fail-with-body --max-time "${CALL_TIMEOUT:-600}" -X POST -H "Authorization: Bearer $token" "$url" || status=1
  echo
done
exit "$status"
