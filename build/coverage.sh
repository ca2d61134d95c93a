#!/usr/bin/env bash
# Line coverage of src/SimLoop by its tests (tests/SimLoop.Tests), measured by coverlet.collector during the test
# run. Prints "SimLoop line coverage: covered/coverable lines (percent)" and leaves the Cobertura file in
# artifacts/coverage/. Usage: build/coverage.sh [extra dotnet test arguments, e.g. --filter ...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/coverage
rm -rf "$out"
dotnet test tests/SimLoop.Tests/SimLoop.Tests.csproj --configuration Release \
  --collect "XPlat Code Coverage" --settings build/coverage.runsettings --results-directory "$out" "$@"
report=$(find "$out" -name coverage.cobertura.xml | head -n 1)
[ -n "$report" ] || { echo "coverage: no Cobertura report under $out" >&2; exit 1; }
root=$(grep -o '<coverage [^>]*>' "$report" | head -n 1)
covered=$(printf '%s' "$root" | grep -o ' lines-covered="[0-9]*"' | grep -o '[0-9]*')
valid=$(printf '%s' "$root" | grep -o ' lines-valid="[0-9]*"' | grep -o '[0-9]*')
percent=$(awk -v c="$covered" -v v="$valid" 'BEGIN { printf "%.1f", (v ? 100 * c / v : 0) }')
echo "SimLoop line coverage: $covered/$valid lines ($percent%)  [$report]"
