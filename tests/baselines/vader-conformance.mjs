// Scores English texts with the reference implementation (npm vader-sentiment 1.1.3, a port of
// cjhutto/vaderSentiment) for the VADER conformance check (vader-conformance.sh, VaderConformanceTests).
// Reads TSV rows "source<TAB>text[<TAB>anything]" on stdin, writes "source<TAB>text<TAB>compound" on stdout.
// Comment lines (#) pass through unchanged.
import { createRequire } from 'module';
import fs from 'fs';

const require = createRequire(import.meta.url);
let vader;
try {
  vader = require('vader-sentiment');
} catch {
  console.error('vader-sentiment is not installed: run "npm ci" in tests/baselines first');
  process.exit(2);
}

const out = [];
const lines = fs.readFileSync(0, 'utf8').split('\n');
if (lines.at(-1) === '') lines.pop();
lines.forEach((line, i) => {
  if (line.startsWith('#')) { out.push(line); return; }
  const [source, text] = line.split('\t');
  if (!source || text === undefined || text === '') {
    console.error(`line ${i + 1}: expected "source<TAB>text", got: ${line}`);
    process.exit(2);
  }
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  out.push(`${source}\t${text}\t${compound}`);
});
process.stdout.write(out.join('\n') + '\n');
