#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt (and drops the ones that no longer exist, RS0017), so a change to the public surface is a reviewed diff. Usage: build/update-public-api.sh src/SimLoop
set -euo pipefail
project=${1:?usage: $0 <project folder>}
file="$project/PublicAPI.Unshipped.txt"
for _ in 1 2 3; do
  output=$(dotnet build "$project" --no-incremental 2>&1 || true)
  symbols=$(printf '%s' "$output" | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
  stale=$(printf '%s' "$output" | grep -oP "error RS0017: Symbol '\K.*(?=' is part of the declared API)" | sort -u || true)
  [ -z "$symbols$stale" ] && break
  { cat "$file"; printf '%s\n' "$symbols"; } | grep -v '^#nullable' | grep -vxF -f <(printf '%s\n' "$stale" | sed '/^$/d'; echo '#nullable enable') | sed '/^$/d' | sort -u > "$file.tmp"
  { echo '#nullable enable'; cat "$file.tmp"; } > "$file"; rm "$file.tmp"
done
dotnet build "$project" 2>&1 | grep -E "error|Warn|warn" | sort -u | head -40 || true
