#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, so a change to the public surface is a reviewed diff. Usage: build/update-public-api.sh src/SimLoop
set -euo pipefail
project=${1:?usage: $0 <project folder>}
file="$project/PublicAPI.Unshipped.txt"
for _ in 1 2 3; do
  symbols=$(dotnet build "$project" --no-incremental 2>&1 | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
  [ -z "$symbols" ] && break
  { cat "$file"; printf '%s\n' "$symbols"; } | grep -v '^#nullable' | sort -u > "$file.tmp"
  { echo '#nullable enable'; cat "$file.tmp"; } > "$file"; rm "$file.tmp"
done
dotnet build "$project" 2>&1 | grep -E "error|Warn|warn" | sort -u | head -40 || true
