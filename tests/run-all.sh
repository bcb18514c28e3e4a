#!/usr/bin/env bash
# Runs every test suite against a real PostgreSQL and ends with one line "N passed, N failed" totalled over all suites.
# Suites run in parallel; each test assembly isolates itself in its own schemas of the one shared database.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
artifacts="$PWD/.artifacts"
logs="$artifacts/test-logs"
rm -rf "$logs" && mkdir -p "$logs"
started=$(date +%s)

CONTESTS_DB="${CONTESTS_DB:-$(infra/postgres.sh)}" || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
CHROMIUM_PATH="${CHROMIUM_PATH:-$(infra/chromium.sh)}" || { echo "could not install Chromium"; echo "0 passed, 1 failed"; exit 1; }
export CONTESTS_DB CHROMIUM_PATH
export CONTESTS_ARTIFACTS="$artifacts"

infra/web.sh || { echo "web build failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet build Contests.sln -c Release -v quiet -nologo -clp:ErrorsOnly || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

suites=(Contests.Domain.Tests Contests.Api.Tests Contests.Browser.Tests Contests.ScaleOut.Tests)
pids=()
for suite in "${suites[@]}"; do
  dotnet test "tests/$suite" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$suite.trx" --results-directory "$artifacts/test-results" >"$logs/$suite.log" 2>&1 &
  pids+=($!)
done
(cd web && NO_COLOR=1 npx --no-install vitest run --reporter=default) >"$logs/web.log" 2>&1 &
pids+=($!)

passed=0; failed=0; skipped=0; status=0
names=("${suites[@]}" web)
for index in "${!pids[@]}"; do
  wait "${pids[$index]}"; code=$?
  name=${names[$index]}; log="$logs/$name.log"
  if [ "$name" = web ]; then
    line=$(grep -E '^\s+Tests\s' "$log" | tail -n 1)
    p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)
    f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || true)
    s=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+' || true)
  else
    line=$(grep -E '(Passed|Failed)!' "$log" | tail -n 1)
    p=$(grep -oE 'Passed: +[0-9]+' <<<"$line" | grep -oE '[0-9]+' || true)
    f=$(grep -oE 'Failed: +[0-9]+' <<<"$line" | grep -oE '[0-9]+' || true)
    s=$(grep -oE 'Skipped: +[0-9]+' <<<"$line" | grep -oE '[0-9]+' || true)
  fi
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # a suite that crashed without a summary counts as failed
  [ "$code" -ne 0 ] && status=1
  echo "== $name: $p passed, $f failed, $s skipped (exit $code)"
  if [ "$code" -ne 0 ]; then
    grep -E 'Failed |Error Message|error|Assert|FAIL|✗|×' "$log" | head -n 60
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo "Logs in $logs; total time $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
