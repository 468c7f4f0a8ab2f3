// Unit tests for the pure parts of wall.js (state, selectors, formatting) and guards on the page's
// security rules. Run: npm test (node --test), no browser needed.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const wall = require("../wall.js");

const dir = path.join(__dirname, "..");
const T = Date.parse("2026-11-23T14:32:00Z");
const iso = (ms) => new Date(ms).toISOString();

function mention(id, over) {
  return Object.assign({
    source: "x", id: String(id), createdAt: iso(T), receivedAt: iso(T), authorHandle: "a", authorName: "A",
    followers: 10, text: "tekst " + id, url: null, sentiment: 0, label: "Neutral", topics: [], conversationKey: "x:" + id,
  }, over);
}
function summary(key, asOf, volume) {
  return { key, total: volume, lastHour: { volume, positive: 0, neutral: volume, negative: 0, netSentiment: null },
    minuteVolume: [], minuteNegative: [], asOf: iso(asOf) };
}
function convo(key, last10, reach, lastSeen) {
  return { key, source: "x", lastTenMinutes: last10, reach, lastSeen: iso(lastSeen), asOf: iso(lastSeen) };
}
function snapshot(over) {
  return Object.assign({ mentions: [], sources: [], topics: [], conversations: [],
    totals: { accepted: 1, duplicates: 0, rejected: 0 }, asOf: iso(T) }, over);
}
const ids = (state) => state.mentions.map((m) => m.id);

test("snapshot replaces all state, dedupes and keeps the newest 60", () => {
  const state = wall.createState();
  wall.applyFrame(state, { sequence: 1, mentions: [mention("old")], sources: [summary("gone", T, 1)], sentAt: iso(T) }, T);
  const many = Array.from({ length: 70 }, (_, i) => mention(100 - i));
  many.splice(1, 0, mention(100)); // duplicate of the first
  wall.applySnapshot(state, snapshot({ mentions: many, sources: [summary("x", T, 5)] }), T);
  assert.equal(state.mentions.length, 60);
  assert.equal(ids(state)[0], "100");
  assert.equal(ids(state)[1], "99");
  assert.ok(!state.sources.has("gone"));
  assert.equal(state.sources.get("x").total, 5);
  assert.equal(state.mentionKeys.size, 60);
});

test("frame mentions (oldest first) end up newest on top, repeats are ignored", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ mentions: [mention(2), mention(1)] }), T);
  const frame = { sequence: 7, mentions: [mention(2), mention(3), mention(4)], omittedMentions: 0, sentAt: iso(T + 1000) };
  wall.applyFrame(state, frame, T + 1000);
  assert.deepEqual(ids(state), ["4", "3", "2", "1"]);
  wall.applyFrame(state, frame, T + 1100); // the same frame again
  assert.deepEqual(ids(state), ["4", "3", "2", "1"]);
  assert.equal(state.lastSequence, 7);
  // Same id from another source is another mention.
  wall.applyFrame(state, { mentions: [mention(4, { source: "facebook" })] }, T + 1200);
  assert.equal(state.mentions.length, 5);
});

test("the river keeps 60 and forgets the keys it dropped", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot(), T);
  wall.applyFrame(state, { mentions: Array.from({ length: 65 }, (_, i) => mention(i)) }, T);
  assert.equal(state.mentions.length, 60);
  assert.equal(ids(state)[0], "64");
  assert.equal(state.mentionKeys.size, 60);
  wall.applyFrame(state, { mentions: [mention(0)] }, T); // dropped before, so it is new again
  assert.equal(ids(state)[0], "0");
});

test("sources, topics and conversations upsert by key and never go back in time", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ sources: [summary("x", T, 10), summary("fb", T, 3)], topics: [summary("Wachttijden", T, 4)] }), T);
  wall.applyFrame(state, { sources: [summary("x", T + 1000, 11)], topics: [summary("Parkeren", T + 1000, 1)] }, T + 1000);
  wall.applyFrame(state, { sources: [summary("x", T + 500, 9)] }, T + 1100); // older: ignored
  assert.equal(state.sources.get("x").total, 11);
  assert.equal(state.sources.get("fb").total, 3);
  assert.deepEqual([...state.topics.keys()].sort(), ["Parkeren", "Wachttijden"]);
});

test("totals follow the newest message", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ totals: { accepted: 10, duplicates: 1, rejected: 0 } }), T);
  wall.applyFrame(state, { totals: { accepted: 12, duplicates: 1, rejected: 0 }, sentAt: iso(T + 1000) }, T + 1000);
  assert.equal(state.totals.accepted, 12);
  wall.applyFrame(state, { totals: { accepted: 11, duplicates: 1, rejected: 0 }, sentAt: iso(T + 500) }, T + 1100);
  assert.equal(state.totals.accepted, 12);
});

test("omitted mentions add up over one minute", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot(), T);
  wall.applyFrame(state, { omittedMentions: 1000 }, T);
  wall.applyFrame(state, { omittedMentions: 234 }, T + 30000);
  assert.equal(wall.omittedInWindow(state, T + 30000), 1234);
  assert.equal(wall.omittedInWindow(state, T + 61000), 234);
  wall.applySnapshot(state, snapshot(), T + 62000);
  assert.equal(wall.omittedInWindow(state, T + 62000), 0);
});

test("top conversations: by lastTenMinutes, then reach; silent ones drop out", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ conversations: [
    convo("a", 5, 100, T), convo("b", 9, 10, T), convo("c", 5, 500, T), convo("d", 0, 9999, T),
    convo("e", 50, 1, T - 11 * 60000), convo("f", 1, 1, T), convo("g", 2, 1, T), convo("h", 3, 1, T),
  ] }), T);
  assert.deepEqual(wall.topConversations(state, T + 1000).map((c) => c.key), ["b", "c", "a", "h", "g"]);
});

test("automatic reconnect never gives up and backs off to about 10 s", () => {
  const policy = wall.createRetryPolicy(undefined, 0.2, () => 1);
  const delays = [0, 1, 2, 3, 4, 5, 50, 5000].map((n) => policy.nextRetryDelayInMilliseconds({ previousRetryCount: n }));
  assert.deepEqual(delays.slice(0, 5), [0, 1200, 2400, 6000, 12000]);
  assert.ok(delays.every((d) => typeof d === "number" && d <= 12000));
  const noJitter = wall.createRetryPolicy(undefined, 0);
  assert.equal(noJitter.nextRetryDelayInMilliseconds({ previousRetryCount: 100000 }), 10000);
});

test("only http(s) URLs become links", () => {
  assert.equal(wall.safeUrl("https://example.org/a?b=1"), "https://example.org/a?b=1");
  assert.equal(wall.safeUrl("http://example.org/"), "http://example.org/");
  for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
    "//example.org", "/relative", "vbscript:x", "", null, 42, "https://"]) {
    assert.equal(wall.safeUrl(bad), null, String(bad));
  }
});

test("Dutch formatting and labels, English on request", () => {
  const nl = wall.createI18n("nl");
  const f = wall.createFormat(nl);
  assert.equal(nl("more", { n: f.int(1234) }), "+1.234 meer");
  assert.equal(f.net(-0.4234), "\u22120,42");
  assert.equal(f.net(null), "–");
  assert.equal(f.age(12400), "12 s");
  assert.equal(f.age(3 * 60000 + 5000), "3 min");
  assert.equal(f.age(-5000), "0 s");
  const en = wall.createI18n("en");
  assert.equal(en("more", { n: wall.createFormat(en).int(1234) }), "+1,234 more");
  assert.equal(wall.createI18n("fr").lang, "nl");
  for (const key of Object.keys(wall.MESSAGES.nl)) assert.ok(key in wall.MESSAGES.en, "en lacks " + key);
});

test("sentiment classes have a shape-bearing class for every label", () => {
  assert.equal(wall.labelClass("Negative"), "neg");
  assert.equal(wall.labelClass("Positive"), "pos");
  assert.equal(wall.labelClass("Neutral"), "neu");
  assert.equal(wall.labelClass(undefined, -0.9), "neg");
  assert.equal(wall.netClass(null), "none");
});

test("the dev fixture follows the hub contract and carries the XSS payload", () => {
  const fx = JSON.parse(fs.readFileSync(path.join(dir, "dev/fixture.json"), "utf8"));
  const snap = fx.snapshot;
  for (const k of ["mentions", "sources", "topics", "conversations", "totals", "asOf"]) assert.ok(k in snap, k);
  assert.equal(fx.frames.length, 2);
  for (const fr of fx.frames) {
    for (const k of ["sequence", "mentions", "omittedMentions", "sources", "topics", "conversations", "totals", "sentAt"]) assert.ok(k in fr, k);
  }
  for (const s of snap.sources.concat(snap.topics)) {
    assert.equal(s.minuteVolume.length, 60);
    assert.equal(s.minuteNegative.length, 60);
    assert.equal(s.fiveMinuteVolume24Hours.length, 288);
  }
  const all = snap.mentions.concat(...fx.frames.map((f) => f.mentions));
  assert.ok(all.some((m) => m.text === "<img src=x onerror=alert(1)><script>alert(2)</script>"));
  assert.ok(all.every((m) => ["Negative", "Neutral", "Positive"].includes(m.label)));
});

test("page sources keep to the CSP and never parse HTML", () => {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, "inline script");
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "inline event handler");
  assert.doesNotMatch(html, /\sstyle\s*=/i, "style attribute");
  assert.doesNotMatch(html, /<style/i, "style element");
  assert.doesNotMatch(html, /(src|href)\s*=\s*"(https?:)?\/\//i, "third-party or absolute URL");
  const scripts = [...html.matchAll(/<script\s+src="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(scripts, ["lib/signalr.min.js", "wall.js"]);
  const js = fs.readFileSync(path.join(dir, "wall.js"), "utf8").replace(/^\s*(\/\/|\*|\/\*).*$/gm, "");
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*["']style/);
});

test("the key is read from the fragment, never from the query string", () => {
  assert.equal(wall.readParams("?key=leaks-into-logs", "").key, "");
  assert.equal(wall.readParams("?lang=en", "#key=abc123").key, "abc123");
  assert.equal(wall.readParams("", "#key=abc123").lang, "nl");
});
