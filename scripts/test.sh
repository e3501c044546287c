#!/usr/bin/env bash
# The whole test suite at once: the type-check (tsc, since swc in jest checks no types), ESLint and jest run
# side by side. Each of the first two keeps about one core busy and jest's workers often wait on the real
# redis-server processes, so on the two-core machines here running them together takes little more than jest
# alone. Fails when any of them fails; arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."
nice -n 10 npx tsc -p tsconfig.dev.json > "${TMPDIR:-/tmp}/choreo-redis-tsc.$$.log" 2>&1 &
typecheck=$!
nice -n 10 npx projen eslint > "${TMPDIR:-/tmp}/choreo-redis-eslint.$$.log" 2>&1 &
lint=$!
status=0
npx jest --ci "$@" || { echo "test: jest failed" >&2; status=1; }
wait "$typecheck" || { cat "${TMPDIR:-/tmp}/choreo-redis-tsc.$$.log" >&2; echo "test: the type-check (tsc -p tsconfig.dev.json) failed" >&2; status=1; }
wait "$lint" || { cat "${TMPDIR:-/tmp}/choreo-redis-eslint.$$.log" >&2; echo "test: ESLint failed" >&2; status=1; }
rm -f "${TMPDIR:-/tmp}/choreo-redis-tsc.$$.log" "${TMPDIR:-/tmp}/choreo-redis-eslint.$$.log"
[ "$status" -eq 0 ] && echo "test: type-check, ESLint and jest passed"
exit "$status"
