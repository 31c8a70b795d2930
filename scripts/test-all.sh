#!/usr/bin/env bash
# The README's test command: installs exactly what package-lock.json pins (under Node 24, fetched from
# the npm registry if needed), then runs every check a contributor or CI must pass.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
run() { echo; echo "==> $*"; "$@"; }

run bash scripts/node24.sh npm ci
run npm run lint
run npm run typecheck
run npm run build
run npm run lint:dist
run bash scripts/node24.sh npx jest --ci
# dist/ was just built and linted: the end-to-end suite installs exactly that into n8n.
run env TOKPORTAL_E2E_SKIP_BUILD=1 npm run test:e2e
