#!/usr/bin/env bash
# Runs every check and test: typecheck, lint, migration drift, unit and
# integration tests on better-sqlite3, the integration tests again on libSQL,
# the demo database, the production build, and end-to-end tests in Chromium.
# Ends with "N passed, N failed".
#
# Four lanes run side by side from the start (ADR 0007), each gate after the
# one before it in its lane, so both cores stay busy for the whole run:
#   checks:     typecheck, lint, migration drift
#   sqlite:     Vitest on better-sqlite3 (unit and integration)
#   libsql:     Vitest on libSQL (integration)
#   end-to-end: demo database and production build (side by side), then side by side:
#               `npm start` with no configuration (tests/integration/start.test.ts: it serves the
#               build, so it is a Vitest project of its own, run here after the build) and Playwright
# The end-to-end lane is the longest and mostly waits (on the browser, the
# server, the network between them), so it gets the second Playwright worker.
# The lanes share no port and no database file (Vitest: tests/.db/test-<process>-*.db;
# Playwright: e2e/.db/e2e-<E2E_PORT>.db). Each gate's output goes to its own log,
# printed in order at the end; every failed gate is counted.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.ci-out
rm -rf "$out" && mkdir -p "$out/logs"

names=()
# children_cpu: sets cpu_now to the user+system CPU seconds of this shell's finished child processes so far
# (bash's `times`, run in this shell: a $(…) would count its own subshell's).
children_cpu() {
  local file="$out/logs/.times-$BASHPID"
  times >"$file"
  cpu_now=$(awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$file")
}
# gate <number> <name> <command…>: runs one gate into its log; records PASS/FAIL, its wall time and its CPU
# time (on a machine others share, wall time says little; CPU time compares runs).
gate() {
  local n=$1 name=$2; shift 2
  local log="$out/logs/$n.log" started=$EPOCHREALTIME status cpu_before cpu_now
  children_cpu
  cpu_before=$cpu_now
  echo "::: $name (started)"
  "$@" >"$log" 2>&1
  status=$?
  local seconds cpu
  seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  children_cpu
  cpu=$(awk -v a="$cpu_before" -v b="$cpu_now" 'BEGIN { printf "%.1f", b - a }')
  if [ "$status" -eq 0 ]; then
    echo "PASS  $name ($seconds s, $cpu s CPU)" >"$out/logs/$n.status"
  else
    echo "FAIL  $name ($seconds s, $cpu s CPU)" >"$out/logs/$n.status"
    echo "$name" >>"$out/failed-gates.txt"
  fi
  echo "::: $name ($(cut -c1-4 "$out/logs/$n.status"), $seconds s)"
  return 0
}
name() { names[$1]=$2; }

name 1 "typecheck"
name 2 "lint"
name 3 "migration drift"
name 4 "unit + integration (better-sqlite3)"
name 5 "integration (libSQL)"
name 6 "demo database"
name 7 "production build"
name 8 "npm start with no configuration"
name 9 "end-to-end (Chromium)"

lanes=()
( gate 1 "${names[1]}" npm run --silent typecheck
  gate 2 "${names[2]}" npm run --silent lint
  gate 3 "${names[3]}" npm run --silent db:drift ) &
lanes+=($!)
gate 4 "${names[4]}" npx vitest run --project unit --project integration --maxWorkers=2 --reporter=default --reporter=json --outputFile="$out/vitest-better-sqlite3.json" &
lanes+=($!)
gate 5 "${names[5]}" env DATABASE_DRIVER=libsql npx vitest run --project integration --maxWorkers=2 --reporter=default --reporter=json --outputFile="$out/vitest-libsql.json" &
lanes+=($!)
(
  # The build needs no database: it runs while the demo database is made.
  gate 6 "${names[6]}" npx tsx tests/setup/demo-database.ts &
  gate 7 "${names[7]}" npm run --silent build
  wait
  gate 8 "${names[8]}" npx vitest run --project start --reporter=default --reporter=json --outputFile="$out/vitest-start.json" &
  gate 9 "${names[9]}" env E2E_WORKERS="${E2E_WORKERS:-2}" PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test
  wait
) &
lanes+=($!)
wait "${lanes[@]}"
# A gate that left no status (its chain was killed) failed.
for n in "${!names[@]}"; do
  [ -f "$out/logs/$n.status" ] || echo "${names[$n]}" >>"$out/failed-gates.txt"
done

for n in "${!names[@]}"; do
  echo
  echo "━━━ ${names[$n]} ━━━"
  cat "$out/logs/$n.log" 2>/dev/null
done
echo
for n in "${!names[@]}"; do
  cat "$out/logs/$n.status" 2>/dev/null || echo "FAIL  ${names[$n]} (did not run)"
done
node scripts/test-summary.mjs "$out"
