#!/usr/bin/env bash
# Installs what the web client's build and browser tests need on a fresh Debian 12, from apt:
# node and npm (the Maven build runs `npm ci` and the bundler), and with `--browser` Debian's
# chromium (the end-to-end tests drive it through Playwright, which never downloads a browser).
set -euo pipefail

packages=()
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [[ ${1:-} == --browser ]] && [[ ! -x /usr/bin/chromium ]]; then packages+=(chromium); fi
(( ${#packages[@]} == 0 )) && exit 0

echo "installing ${packages[*]} from apt ..."
if [[ $(id -u) != 0 ]]; then echo "ERROR: run as root or install ${packages[*]} first" >&2; exit 1; fi
DEBIAN_FRONTEND=noninteractive apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
