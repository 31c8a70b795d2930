#!/usr/bin/env bash
# The README's test command: installs exactly what package-lock.json pins (under Node 24, fetched from
# the npm registry if needed), then runs every check a contributor or CI must pass.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
run() { echo; echo "==> $*"; "$@"; }
results=.cache/test-results
mkdir -p "$results"

run bash scripts/node24.sh npm ci
run npm run lint
run npm run lint:n8n
run npm run typecheck
run npm run build
run npm run lint:dist
run bash scripts/node24.sh npx jest --ci --json --outputFile="$results/unit.json"
# dist/ was just built and linted: the end-to-end suite installs exactly that into n8n.
run env TOKPORTAL_E2E_SKIP_BUILD=1 npm run test:e2e -- --ci --json --outputFile="$results/e2e.json"

# One closing line over both jest runs.
bash scripts/node24.sh node -e '
const runs = process.argv.slice(1).map((file) => require(require("path").resolve(file)));
const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
console.log(`\nTotal: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
' "$results/unit.json" "$results/e2e.json"
