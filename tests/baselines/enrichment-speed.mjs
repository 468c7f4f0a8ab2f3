// Times the npm sentiment baselines on the enrichment benchmark's texts (enrichment-texts.txt), one thread,
// by the clock and by this process's CPU time, so they stand beside `enrichment-cpu` and BenchmarkDotNet.
// usage: node enrichment-speed.mjs [seconds per baseline, default 5]
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const texts = fs.readFileSync(path.join(here, 'enrichment-texts.txt'), 'utf8').split('\n').filter(l => l.length > 0);
const seconds = Number(process.argv[2] ?? 5);

const log = console.log;
console.log = () => {};
const natural = require('natural');
const { SentimentAnalyzer: NlpjsAnalyzer } = require('@nlpjs/sentiment');
const { LangNl } = require('@nlpjs/lang-nl');
const { Container } = require('@nlpjs/core');
const vader = require('vader-sentiment');
console.log = log;

const container = new Container();
container.use(LangNl);
const nlpjs = new NlpjsAnalyzer({ container });
const naturalNl = new natural.SentimentAnalyzer('Dutch', null, 'pattern');
const tokenizerNl = new natural.AggressiveTokenizerNl();

const baselines = {
  'natural (nl, pattern): tokenize + sentiment': async t => naturalNl.getSentiment(tokenizerNl.tokenize(t)),
  '@nlpjs/sentiment (nl)': async t => (await nlpjs.process({ locale: 'nl', text: t })).sentiment.score,
  'vader-sentiment': async t => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
};

const mean = texts.reduce((s, t) => s + t.length, 0) / texts.length;
log(`// ${texts.length} texts, mean ${mean.toFixed(0)} chars, node ${process.version}`);
log('| baseline | CPU µs/text | texts per CPU-second | clock µs/text |');
log('|---|---:|---:|---:|');
for (const [name, score] of Object.entries(baselines)) {
  for (let i = 0; i < 2000; i++) await score(texts[i % texts.length]);
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  let calls = 0;
  while (Number(process.hrtime.bigint() - start) / 1e9 < seconds) {
    for (let i = 0; i < 200; i++) await score(texts[(calls + i) % texts.length]);
    calls += 200;
  }
  const clockUs = Number(process.hrtime.bigint() - start) / 1e3;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuUs = cpu.user + cpu.system;
  log(`| ${name} | ${(cpuUs / calls).toFixed(2)} | ${Math.round(calls / (cpuUs / 1e6)).toLocaleString('en-US')} | ${(clockUs / calls).toFixed(2)} |`);
}
