# Scores English texts with the authors' own implementation, cjhutto/vaderSentiment (Python), for the VADER
# conformance check (vader-conformance.sh). The package is not on any registry this project uses: pass a checkout.
# usage: python3 vader-conformance-python.py <dir holding vaderSentiment/vaderSentiment.py> < rows.tsv
# Reads "source<TAB>text<TAB>..." rows on stdin, writes "source<TAB>text<TAB>compound" on stdout; '#' lines pass through.
import sys

if len(sys.argv) != 2:
    sys.exit("usage: python3 vader-conformance-python.py <checkout of cjhutto/vaderSentiment>")
sys.path.insert(0, sys.argv[1])
try:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
except ImportError as e:
    sys.exit(f"vaderSentiment not found under {sys.argv[1]}: {e}")

analyzer = SentimentIntensityAnalyzer()
stdin = open(0, encoding="utf-8", newline="\n")
out = open(1, "w", encoding="utf-8", newline="\n")
for n, line in enumerate(stdin, 1):
    line = line.rstrip("\n")
    if line.startswith("#"):
        out.write(line + "\n")
        continue
    cells = line.split("\t")
    if len(cells) < 2 or not cells[0] or not cells[1]:
        sys.exit(f"line {n}: expected \"source<TAB>text\", got: {line}")
    out.write(f"{cells[0]}\t{cells[1]}\t{analyzer.polarity_scores(cells[1])['compound']}\n")
