// Scores the sentiment test splits with the npm baselines and prints the project's metrics per
// baseline and file as TSV: file, system, rows, macroF1, binaryAccuracy, pearson.
// usage: node sentiment-baselines.mjs <data-dir>   (data-dir holds test/*.tsv; see ../shared/data/README.md)
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const require = createRequire(import.meta.url);
const dataDir = process.argv[2];
const testDir = dataDir && path.join(dataDir, 'test');
if (!testDir || !fs.existsSync(testDir)) {
  console.error(`sentiment data not found: ${testDir ?? '(no path given)'}; expected <data>/test/*.tsv`);
  process.exit(2);
}

// Some dependencies print banners on load; keep stdout for the table only.
const log = console.log;
console.log = () => {};
const natural = require('natural');
const { SentimentAnalyzer: NlpjsAnalyzer } = require('@nlpjs/sentiment');
const { LangNl } = require('@nlpjs/lang-nl');
const { Container } = require('@nlpjs/core');
const multilang = require('multilang-sentiment');
const vader = require('vader-sentiment');
console.log = log;

const nlpjsContainer = new Container();
nlpjsContainer.use(LangNl);
const nlpjs = new NlpjsAnalyzer({ container: nlpjsContainer });
const naturalNl = new natural.SentimentAnalyzer('Dutch', null, 'pattern');
const naturalEn = new natural.SentimentAnalyzer('English', null, 'afinn');
const tokenizerNl = new natural.AggressiveTokenizerNl();
const tokenizerEn = new natural.WordTokenizer();

// Each baseline gives a score; its sign is its label (vader: its documented ±0.05 band).
const dutch = {
  'natural-nl-pattern': async t => naturalNl.getSentiment(tokenizerNl.tokenize(t)) || 0,
  'nlpjs-nl': async t => (await nlpjs.process({ locale: 'nl', text: t })).sentiment.score,
  'multilang-nl': async t => multilang(t, 'nl').score,
};
const english = {
  'natural-en-afinn': async t => naturalEn.getSentiment(tokenizerEn.tokenize(t)) || 0,
  'vader-sentiment': async t => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
};
const labelOf = (system, s) => {
  const band = system === 'vader-sentiment' ? 0.05 : 0;
  return s > band ? 'positive' : s < -band ? 'negative' : 'neutral';
};

function readTsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.length > 0);
  return lines.slice(1).map(l => {
    const tab = l.indexOf('\t');
    return [l.slice(0, tab), l.slice(tab + 1)];
  });
}

function macroF1(gold, predicted) {
  const labels = [...new Set(gold)];
  let sum = 0;
  for (const label of labels) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.length;
}

function binaryAccuracy(gold, predicted) {
  let n = 0, right = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] !== 'positive' && gold[i] !== 'negative') continue;
    n++;
    if (predicted[i] === gold[i]) right++;
  }
  return n === 0 ? NaN : right / n;
}

function pearson(x, y) {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const fmt = v => (Number.isNaN(v) ? '' : v.toFixed(3));
log(['file', 'system', 'rows', 'macroF1', 'binaryAccuracy', 'pearson'].join('\t'));
for (const name of fs.readdirSync(testDir).filter(f => f.endsWith('.tsv')).sort()) {
  const rows = readTsv(path.join(testDir, name));
  const systems = name.startsWith('nl-') ? dutch : english;
  const scored = name.endsWith('.scores.tsv');
  for (const [system, score] of Object.entries(systems)) {
    const scores = [];
    for (const [, text] of rows) scores.push(await score(text));
    const file = name.replace(/\.tsv$/, '');
    if (scored) {
      log([file, system, rows.length, '', '', fmt(pearson(scores, rows.map(r => Number(r[0]))))].join('\t'));
    } else {
      const gold = rows.map(r => r[0]);
      const predicted = scores.map(s => labelOf(system, s));
      log([file, system, rows.length, fmt(macroF1(gold, predicted)), fmt(binaryAccuracy(gold, predicted)), ''].join('\t'));
    }
  }
}
