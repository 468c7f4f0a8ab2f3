#!/usr/bin/env bash
# Runs the project's sentiment engine and the npm baselines on the same test splits and prints one table:
# per file and metric, the project beside each baseline and the difference (project − baseline).
# usage: tests/baselines/compare-sentiment.sh [data-dir]   (default: ../shared/data/sentiment from the repo root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:-$repo/../shared/data/sentiment}"
if [ ! -d "$data/test" ]; then
  echo "sentiment data not found: $data/test is missing (see ../shared/data/README.md); pass the data dir as the first argument" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -d "$here/node_modules" ] || (cd "$here" && npm ci --silent)
echo "scoring with the project (dotnet, Release)..." >&2
(cd "$repo" && dotnet run -c Release --project tests/Webcare.Realtime.Benchmarks -- sentiment --data "$data" --out "$repo/artifacts/sentiment") > "$work/webcare.tsv"
echo "scoring with the npm baselines (takes a few minutes)..." >&2
node "$here/sentiment-baselines.mjs" "$data" > "$work/baselines.tsv"

awk -F'\t' '
  FNR == 1 { next }
  FILENAME ~ /webcare/ { f1[$1] = $4; acc[$1] = $5; r[$1] = $6; next }
  {
    if ($6 != "") { m = "pearson r"; p = r[$1]; b = $6; row() }
    else {
      m = "macro-F1"; p = f1[$1]; b = $4; row()
      m = "binary acc"; p = acc[$1]; b = $5; row()
    }
  }
  function row() { printf "%-24s %-11s %8s   %-19s %8s %+8.3f\n", $1, m, p, $2, b, p - b }
  BEGIN { printf "%-24s %-11s %8s   %-19s %8s %8s\n", "file", "metric", "webcare", "baseline", "baseline", "diff" }
' "$work/webcare.tsv" "$work/baselines.tsv"
