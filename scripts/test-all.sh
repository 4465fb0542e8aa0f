#!/usr/bin/env bash
# Runs every check and test: typecheck, lint, migration drift, unit and
# integration tests on better-sqlite3 and again on libSQL, the production
# build, and end-to-end tests in Chromium. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out=.ci-out
rm -rf "$out" && mkdir -p "$out"

gate_failed=0
gates=()
gate() {
  local name=$1; shift
  echo "::: $name"
  if "$@"; then gates+=("PASS  $name"); else gates+=("FAIL  $name"); gate_failed=$((gate_failed + 1)); echo "$name" >> "$out/failed-gates.txt"; fi
}

gate "typecheck" npm run --silent typecheck
gate "lint" npm run --silent lint
gate "migration drift" npm run --silent db:drift
gate "unit + integration (better-sqlite3)" npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest-better-sqlite3.json"
gate "unit + integration (libSQL)" env DATABASE_DRIVER=libsql npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest-libsql.json"
gate "production build" npm run --silent build
gate "end-to-end (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test

echo
printf '%s\n' "${gates[@]}"
node scripts/test-summary.mjs "$out"
