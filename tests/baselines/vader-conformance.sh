#!/usr/bin/env bash
# Rewrites the reference columns of the VADER conformance file and runs the check (VaderConformanceTests).
#   npm column:   node vader-conformance.mjs (vader-sentiment 1.1.3 from tests/baselines/node_modules; required)
#   vader column: python3 vader-conformance-python.py DIR, only with --python DIR (a checkout of cjhutto/vaderSentiment;
#                 no registry here serves it), otherwise the committed column stays as it is.
# usage: tests/baselines/vader-conformance.sh [--python <checkout of cjhutto/vaderSentiment>]
# The source, text and difference columns are edited by hand; this script never changes them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
file="$repo/tests/Webcare.Realtime.Core.Tests/Data/vader-conformance.tsv"
python_dir=""
if [ "${1:-}" = "--python" ]; then
  python_dir="${2:?--python needs the path of a cjhutto/vaderSentiment checkout}"
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--python <checkout of cjhutto/vaderSentiment>]" >&2
  exit 2
fi
if [ ! -d "$here/node_modules/vader-sentiment" ]; then
  echo "npm vader-sentiment is missing: run 'npm ci' in tests/baselines first (package-lock.json pins 1.1.3)" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Data rows only (no comments, no header), as source<TAB>text.
grep -v '^#' "$file" | tail -n +2 | cut -f1,2 > "$work/texts.tsv"
grep -v '^#' "$file" | tail -n +2 | cut -f4,5 > "$work/kept.tsv"   # vader, difference
node "$here/vader-conformance.mjs" < "$work/texts.tsv" | cut -f3 > "$work/npm.txt"
if [ -n "$python_dir" ]; then
  python3 "$here/vader-conformance-python.py" "$python_dir" < "$work/texts.tsv" | cut -f3 > "$work/vader.txt"
else
  cut -f1 "$work/kept.tsv" > "$work/vader.txt"
fi
{
  grep '^#' "$file"
  printf 'source\ttext\tnpm\tvader\tdifference\n'
  paste "$work/texts.tsv" "$work/npm.txt" "$work/vader.txt" <(cut -f2 "$work/kept.tsv")
} > "$work/new.tsv"
if ! cmp -s "$work/new.tsv" "$file"; then
  echo "reference scores changed:" >&2
  diff "$file" "$work/new.tsv" >&2 || true
  cp "$work/new.tsv" "$file"
fi
cd "$repo"
dotnet test tests/Webcare.Realtime.Core.Tests --filter "FullyQualifiedName~VaderConformanceTests" --logger "console;verbosity=detailed" \
  | grep -E '^ *[0-9]+ texts; |Passed!|Failed!|line [0-9]+:|^ *(Passed|Failed) '
