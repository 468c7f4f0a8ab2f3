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
function alert(id, over) {
  return Object.assign({
    id, kind: "VolumeSpike", scope: "topic", subject: id.split(":")[1] || id, severity: 5, state: "Raised",
    openedAt: iso(T - 10 * 60000), updatedAt: iso(T), resolvedAt: null, acknowledgedAt: null,
    observed: 42, expected: 3, peakObserved: 42, headline: "kop " + id, minuteVolume: Array(60).fill(1),
    firstMentions: [], isOpen: true,
  }, over);
}
function resolved(id, at, over) {
  return alert(id, Object.assign({ state: "Resolved", isOpen: false, updatedAt: iso(at), resolvedAt: iso(at) }, over));
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
  for (const k of ["mentions", "sources", "topics", "conversations", "totals", "alerts", "asOf"]) assert.ok(k in snap, k);
  assert.equal(fx.frames.length, 2);
  for (const fr of fx.frames) {
    for (const k of ["sequence", "mentions", "omittedMentions", "sources", "topics", "conversations", "totals", "alerts", "sentAt"]) assert.ok(k in fr, k);
  }
  for (const s of snap.sources.concat(snap.topics)) {
    assert.equal(s.minuteVolume.length, 60);
    assert.equal(s.minuteNegative.length, 60);
    assert.equal(s.fiveMinuteVolume24Hours.length, 288);
  }
  const alerts = snap.alerts.concat(...fx.frames.map((f) => f.alerts));
  const all = snap.mentions.concat(...fx.frames.map((f) => f.mentions), ...alerts.map((a) => a.firstMentions));
  assert.ok(all.some((m) => m.text === "<img src=x onerror=alert(1)><script>alert(2)</script>"));
  assert.ok(all.every((m) => ["Negative", "Neutral", "Positive"].includes(m.label)));
  assert.ok(all.every((m) => typeof m.privacySensitive === "boolean" && Array.isArray(m.pii)));
  assert.ok(all.some((m) => m.privacySensitive && m.pii.includes("Bsn")));

  const keys = ["id", "kind", "scope", "subject", "severity", "state", "openedAt", "updatedAt", "resolvedAt", "acknowledgedAt",
    "observed", "expected", "peakObserved", "headline", "minuteVolume", "firstMentions", "isOpen"];
  for (const a of alerts) {
    for (const k of keys) assert.ok(k in a, a.id + " lacks " + k);
    assert.ok(["volume-spike", "negative-spike"].includes(a.kind), "kinds are kebab-case on the wire: " + a.kind);
    assert.ok(["topic", "source"].includes(a.scope));
    assert.ok(["Raised", "Updated", "Acknowledged", "Resolved"].includes(a.state));
    assert.ok(a.severity >= 1 && a.severity <= 10);
    assert.equal(a.minuteVolume.length, 60);
    assert.ok(a.firstMentions.length <= 3);
    assert.equal(a.isOpen, a.state !== "Resolved");
  }
  assert.ok(snap.alerts.some((a) => a.kind === "negative-spike" && a.subject === "Datalek" && a.severity === 8 && a.isOpen));
  assert.ok(snap.alerts.some((a) => a.kind === "volume-spike" && a.state === "Acknowledged"));
  assert.ok(snap.alerts.some((a) => a.state === "Resolved"));
  assert.ok(alerts.some((a) => /<img|<script/i.test(a.headline)), "XSS in a headline");
  assert.ok(alerts.some((a) => a.firstMentions.some((m) => /<img|<script/i.test(m.text))), "XSS in a first mention");

  // Played like the page does: the older Datalek version in frame 2 does not win, and the wall is red.
  const state = wall.createState();
  const now = Date.parse(fx.frames[1].sentAt);
  wall.applySnapshot(state, snap, now);
  for (const fr of fx.frames) wall.applyFrame(state, fr, now);
  const datalek = state.alerts.get("topic:Datalek:NegativeSpike:1");
  assert.equal(datalek.severity, 8);
  assert.equal(datalek.observed, 44);
  const summary = wall.alertSummary(state, now);
  assert.equal(summary.alarm, true);
  assert.equal(summary.cards.length, 4);
  assert.equal(summary.more, 1);
  assert.equal(summary.cards[0].id, "topic:Datalek:NegativeSpike:1");
  assert.ok(!wall.visibleAlerts(state, now).some((a) => a.subject === "Parkeren"), "resolved over 10 min ago");
});

test("page sources keep to the CSP and never parse HTML", () => {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, "inline script");
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "inline event handler");
  assert.doesNotMatch(html, /\sstyle\s*=/i, "style attribute");
  assert.doesNotMatch(html, /<style/i, "style element");
  assert.doesNotMatch(html, /(src|href)\s*=\s*"(https?:)?\/\//i, "third-party or absolute URL");
  const scripts = [...html.matchAll(/<script\s+src="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(scripts, ["lib/signalr.min.js", "source-names.js", "categories.js", "webcare-tile.js", "alert-kinds.js", "alert-explain.js", "wall.js"]);
  for (const file of ["wall.js", "source-names.js", "categories.js", "webcare-tile.js", "alert-kinds.js", "alert-explain.js"]) {
    const js = fs.readFileSync(path.join(dir, file), "utf8").replace(/^\s*(\/\/|\*|\/\*).*$/gm, "");
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*["']style/, file);
  }
});

test("the key is read from the fragment, never from the query string", () => {
  assert.equal(wall.readParams("?key=leaks-into-logs", "").key, "");
  assert.equal(wall.readParams("?lang=en", "#key=abc123").key, "abc123");
  assert.equal(wall.readParams("", "#key=abc123").lang, "nl");
});

// Alerts ----------------------------------------------------------------------------------------

const alertIds = (list) => list.map((a) => a.id);

test("alerts: the snapshot replaces them, frames upsert by id", () => {
  const state = wall.createState();
  wall.applyFrame(state, { alerts: [alert("topic:Oud:VolumeSpike:1")] }, T);
  wall.applySnapshot(state, snapshot({ alerts: [alert("topic:A:VolumeSpike:1"), alert("topic:B:NegativeSpike:1")] }), T);
  assert.deepEqual([...state.alerts.keys()].sort(), ["topic:A:VolumeSpike:1", "topic:B:NegativeSpike:1"]);

  wall.applyFrame(state, { alerts: [alert("topic:A:VolumeSpike:1", { state: "Updated", severity: 7, observed: 60, updatedAt: iso(T + 60000) }),
    alert("topic:C:VolumeSpike:1", { updatedAt: iso(T + 60000) })] }, T + 60000);
  assert.equal(state.alerts.size, 3, "one card per id, no duplicates");
  assert.equal(state.alerts.get("topic:A:VolumeSpike:1").severity, 7);
  assert.equal(state.alerts.get("topic:A:VolumeSpike:1").observed, 60);

  // A frame without `alerts` (or an older server) leaves them alone; junk is ignored.
  wall.applyFrame(state, { mentions: [] }, T + 61000);
  wall.applyFrame(state, { alerts: [null, 42, { id: "" }, { kind: "VolumeSpike" }] }, T + 62000);
  assert.equal(state.alerts.size, 3);
  // A snapshot without alerts clears them (the snapshot is the whole truth).
  wall.applySnapshot(state, snapshot(), T + 63000);
  assert.equal(state.alerts.size, 0);
});

test("alerts: a repeated older version never overwrites a newer one (updatedAt)", () => {
  const state = wall.createState();
  const id = "topic:Datalek:NegativeSpike:1";
  wall.applySnapshot(state, snapshot({ alerts: [alert(id, { state: "Updated", severity: 8, updatedAt: iso(T + 120000) })] }), T);
  wall.applyFrame(state, { alerts: [alert(id, { state: "Raised", severity: 6, updatedAt: iso(T) })] }, T + 1000);
  assert.equal(state.alerts.get(id).severity, 8);
  assert.equal(state.alerts.get(id).state, "Updated");
  // Same updatedAt: a later state wins (Acknowledged after Updated), an earlier one does not.
  wall.applyFrame(state, { alerts: [alert(id, { state: "Acknowledged", severity: 8, updatedAt: iso(T + 120000) })] }, T + 2000);
  assert.equal(state.alerts.get(id).state, "Acknowledged");
  wall.applyFrame(state, { alerts: [alert(id, { state: "Updated", severity: 9, updatedAt: iso(T + 120000) })] }, T + 3000);
  assert.equal(state.alerts.get(id).state, "Acknowledged");
  // Resolved, then an old open version arrives late: stays resolved.
  wall.applyFrame(state, { alerts: [resolved(id, T + 180000, { severity: 8 })] }, T + 4000);
  wall.applyFrame(state, { alerts: [alert(id, { state: "Updated", severity: 9, updatedAt: iso(T + 150000) })] }, T + 5000);
  assert.equal(state.alerts.get(id).state, "Resolved");
  assert.equal(state.alerts.get(id).isOpen, false);
});

test("alerts: a resolved alert stays (dimmed) for 10 minutes after resolvedAt, then goes for good", () => {
  const state = wall.createState();
  const id = "source:x:VolumeSpike:2";
  const at = T - 9 * 60000;
  wall.applySnapshot(state, snapshot({ alerts: [resolved(id, at), resolved("topic:Oud:VolumeSpike:1", T - 11 * 60000), alert("topic:Open:VolumeSpike:1")] }), T);
  assert.deepEqual(alertIds(wall.visibleAlerts(state, T)), ["topic:Open:VolumeSpike:1", id]);
  assert.deepEqual(alertIds(wall.visibleAlerts(state, at + 10 * 60000 - 1)), ["topic:Open:VolumeSpike:1", id]);
  assert.deepEqual(alertIds(wall.visibleAlerts(state, at + 10 * 60000)), ["topic:Open:VolumeSpike:1"]);

  // The tick prunes them; a late frame repeating that (or an older) version does not bring it back…
  assert.equal(wall.pruneAlerts(state, at + 10 * 60000), 2);
  assert.ok(!state.alerts.has(id));
  wall.applyFrame(state, { alerts: [resolved(id, at), alert(id, { updatedAt: iso(at - 60000) })] }, T + 1000);
  assert.ok(!state.alerts.has(id));
  // …but a genuinely newer version of it does.
  wall.applyFrame(state, { alerts: [alert(id, { state: "Updated", updatedAt: iso(at + 11 * 60000) })] }, T + 2000);
  assert.equal(state.alerts.get(id).state, "Updated");
  // Open alerts never expire.
  assert.ok(wall.visibleAlerts(state, T + 24 * 3600000).some((a) => a.id === "topic:Open:VolumeSpike:1"));
});

test("alerts: open first by severity, then newest opened; resolved last, newest resolved first; 4 cards + N more", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ alerts: [
    resolved("r-old", T - 5 * 60000, { severity: 9 }),
    alert("low", { severity: 2 }),
    alert("high-older", { severity: 8, openedAt: iso(T - 30 * 60000) }),
    resolved("r-new", T - 60000, { severity: 3 }),
    alert("high-newer", { severity: 8, openedAt: iso(T - 5 * 60000) }),
    alert("ack", { severity: 6, state: "Acknowledged", acknowledgedAt: iso(T) }),
  ] }), T);
  assert.deepEqual(alertIds(wall.visibleAlerts(state, T)), ["high-newer", "high-older", "ack", "low", "r-new", "r-old"]);
  const summary = wall.alertSummary(state, T);
  assert.deepEqual(alertIds(summary.cards), ["high-newer", "high-older", "ack", "low"]);
  assert.equal(summary.more, 2);
  assert.equal(summary.open, 4);
  assert.equal(summary.resolved, 2);
  assert.equal(summary.maxSeverity, 8);
});

test("alerts: the wall turns red at severity 7 on an open alert (acknowledged counts, resolved does not)", () => {
  const red = (alerts) => {
    const state = wall.createState();
    wall.applySnapshot(state, snapshot({ alerts }), T);
    return wall.alertSummary(state, T).alarm;
  };
  assert.equal(wall.CONFIG.alarmSeverity, 7);
  assert.equal(red([]), false);
  assert.equal(red([alert("a", { severity: 6 })]), false);
  assert.equal(red([alert("a", { severity: 7 })]), true);
  assert.equal(red([alert("a", { severity: 10, state: "Acknowledged" })]), true);
  assert.equal(red([resolved("a", T - 60000, { severity: 10 }), alert("b", { severity: 3 })]), false);
  assert.equal(wall.severityClass(7), "high");
  assert.equal(wall.severityClass(6), "mid");
  assert.equal(wall.severityClass(3), "low");
  // Severity is clamped to 1..10 and isOpen follows the state, whatever the JSON says.
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ alerts: [alert("x", { severity: 99, state: "Resolved", isOpen: true, resolvedAt: iso(T) })] }), T);
  assert.equal(state.alerts.get("x").severity, 10);
  assert.equal(state.alerts.get("x").isOpen, false);
  assert.equal(wall.alertSummary(state, T).alarm, false);
});

test("alerts: the chart marks the minute the incident opened", () => {
  assert.equal(wall.incidentStartIndex(alert("a", { openedAt: iso(T - 12 * 60000), updatedAt: iso(T) })), 47);
  assert.equal(wall.incidentStartIndex(alert("a", { openedAt: iso(T), updatedAt: iso(T) })), 59);
  assert.equal(wall.incidentStartIndex(alert("a", { openedAt: iso(T - 2 * 3600000), updatedAt: iso(T) })), null);
  assert.equal(wall.incidentStartIndex(alert("a", { minuteVolume: [] })), null);
});

test("alert and privacy labels in Dutch and English", () => {
  const nl = wall.createI18n("nl");
  const en = wall.createI18n("en");
  assert.deepEqual(["Raised", "Updated", "Acknowledged", "Resolved"].map((s) => nl("state." + s)),
    ["Nieuw", "Bijgewerkt", "Bevestigd", "Opgelost"]);
  assert.equal(nl("noAlerts"), "Geen actieve meldingen");
  assert.equal(nl("moreAlerts", { n: 3 }), "+3 meer meldingen");
  assert.equal(wall.createFormat(nl).rate(2.64), "2,6");
  assert.equal(nl("privateBadge"), "privé");
  assert.equal(nl("privateTitle"), "Persoonsgegevens of medische details: verder in een privébericht");
  assert.equal(en("privateBadge"), "private");
});

test("mentions carry privacySensitive and pii (defaults when an older server leaves them out)", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ mentions: [mention(1, { privacySensitive: true, pii: ["Bsn", "Phone", 3] }), mention(2)] }), T);
  assert.equal(state.mentions[0].privacySensitive, true);
  assert.deepEqual(state.mentions[0].pii, ["Bsn", "Phone"]);
  assert.equal(state.mentions[1].privacySensitive, false);
  assert.deepEqual(state.mentions[1].pii, []);
});

test("alert kinds: an older server's PascalCase kind is read as its kebab-case wire name; others pass as sent", () => {
  const state = wall.createState();
  wall.applySnapshot(state, snapshot({ alerts: [alert("a", { kind: "SlaBreach" }), alert("b", { kind: "sla-breach" }), alert("c", { kind: "future-kind" }), alert("d", { kind: 7 })] }), T);
  assert.deepEqual(["a", "b", "c", "d"].map((id) => state.alerts.get(id).kind), ["sla-breach", "sla-breach", "future-kind", ""]);
});

test("wall profile: topics and sources from the URL filter the river, tiles, conversations and alerts", () => {
  const params = wall.readParams("?topics=Wachttijd,parkeren&sources=X", "");
  assert.deepEqual(params.topics, ["Wachttijd", "parkeren"]);
  assert.deepEqual(params.sources, ["X"]);
  const s = wall.createState();
  s.filter = wall.createFilter(params.topics, params.sources, "");
  wall.applySnapshot(s, {
    mentions: [mention(1, { topics: ["wachttijd"] }), mention(2, { topics: ["eten"] }), mention(3, { source: "facebook", topics: ["parkeren"] })],
    sources: [summary("x", T, 3), summary("facebook", T, 1)],
    topics: [summary("wachttijd", T, 1), summary("eten", T, 1)],
    conversations: [convo("x:1", 3, 10, T), Object.assign(convo("facebook:3", 5, 10, T), { source: "facebook" })],
    alerts: [alert("topic:wachttijd:VolumeSpike:1"), alert("topic:eten:VolumeSpike:1"),
      alert("source:facebook:VolumeSpike:1", { scope: "source", subject: "facebook" })],
  }, T);
  assert.deepEqual(s.mentions.map((m) => m.id), ["1"]);
  assert.deepEqual(wall.sourceTiles(s).map((x) => x.key), ["x"]);
  assert.deepEqual(wall.topicTiles(s).map((x) => x.key), ["wachttijd"]);
  assert.deepEqual(wall.topConversations(s, T).map((c) => c.key), ["x:1"]);
  assert.deepEqual(wall.visibleAlerts(s, T).map((a) => a.id), ["topic:wachttijd:VolumeSpike:1"]);
  wall.applyFrame(s, { mentions: [mention(4, { topics: ["Wachttijd"] }), mention(5, { topics: [] })], sentAt: iso(T) }, T);
  assert.deepEqual(s.mentions.map((m) => m.id), ["4", "1"]);

  // A profile arriving later narrows what is already shown.
  wall.setFilter(s, wall.createFilter(["nothing"], null, "leeg"));
  assert.equal(s.mentions.length, 0);
  assert.equal(wall.readParams("?profile=seh", "").profile, "seh");
  assert.equal(wall.createFilter([], [" "]).sources, null, "an empty list means all");
});

test("a refused key is told apart from a network failure", () => {
  assert.equal(wall.authProblem({ statusCode: 401 }, false), "missing");
  assert.equal(wall.authProblem({ statusCode: 401 }, true), "invalid");
  assert.equal(wall.authProblem({ statusCode: 403 }, true), "forbidden");
  assert.equal(wall.authProblem(new Error("Failed to fetch"), true), null);
  // As SignalR reports them: a failed negotiate, and a ticket refused inside it.
  assert.equal(wall.authProblem(new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'"), false), "missing");
  assert.equal(wall.authProblem(new Error("Failed to complete negotiation with the server: Error: ticket refused: 403"), true), "forbidden");
  const nl = wall.createI18n("nl");
  assert.match(nl("auth.missing"), /#key=/);
  assert.match(wall.createI18n("en")("auth.invalid"), /refused/);
});
