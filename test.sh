#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what a fresh Debian machine lacks, builds, checks both
# providers' migrations cover the model, and runs every test project. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

# Chromium and its driver from Debian's packages, for the end-to-end tests (no browser download at run time).
if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Chromium from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation >/dev/null
fi

echo "==> restoring local tools (dotnet-ef) and packages"
dotnet tool restore
dotnet restore SellerPortal.sln

echo "==> building"
dotnet build SellerPortal.sln --no-restore -c Debug -warnaserror

echo "==> checking that migrations cover the model, for both providers"
for context in SqliteAppDbContext SqlServerAppDbContext; do
  dotnet ef migrations has-pending-model-changes --project App --context "$context" --no-build
done

# run_tests <project> <log>: runs one test project, shows failures and totals, returns its exit code.
run_tests() {
  local status=0
  dotnet test "$1" --no-build --logger "console;verbosity=normal" >"$2" 2>&1 || status=$?
  grep -E "^\s*(Failed |Error Message|Total tests|Test Run)" -A2 "$2" || true
  return "$status"
}

echo "==> unit, component and integration tests"
unit_status=0
run_tests App.Tests/App.Tests.csproj /tmp/sellerportal-tests.log || unit_status=$?

echo "==> end-to-end tests in Chromium"
e2e_status=0
run_tests App.E2E/App.E2E.csproj /tmp/sellerportal-e2e.log || e2e_status=$?

# One closing line for both runs, in the plain form CI reads: "N passed, N failed".
summarize() {
  awk '/^ +Passed: +[0-9]+/ {p+=$2} /^ +Failed: +[0-9]+/ {f+=$2} /^ +Skipped: +[0-9]+/ {s+=$2}
       END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$@"
}
summarize /tmp/sellerportal-tests.log /tmp/sellerportal-e2e.log

if [ "$unit_status" -ne 0 ] || [ "$e2e_status" -ne 0 ]; then
  echo "Tests failed (unit/integration exit $unit_status, e2e exit $e2e_status); see /tmp/sellerportal-*.log"
  exit 1
fi
