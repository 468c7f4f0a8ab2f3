// Unit tests for the "Wacht op antwoord" tile (webcare-tile.js): board handling, clocks, rows.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const tile = require("../webcare-tile.js");

const T = Date.parse("2026-11-23T10:00:00Z");
const iso = (ms) => new Date(ms).toISOString();
const min = 60000;

function item(key, over) {
  return Object.assign({
    key, source: "twitter", state: "New", authorHandle: "@jdevries", text: "Al 3 uur wachten",
    reasons: ["Negative", "Question"], priority: 42, priorityReasons: ["Negatief", "Wacht 10 min"],
    clock: "OnTime", waitingSince: iso(T - 10 * min), dueSoonAt: iso(T + 86 * min), dueAt: iso(T + 110 * min),
    policy: "2 u", assignedTo: null, privacyAdvice: null,
  }, over);
}
function board(asOf, items, over) {
  return Object.assign({
    queue: items, waiting: items.length, asOf: iso(asOf),
    metrics: { overall: { responded: 4, medianMinutes: 12.5, p90Minutes: 80, withinSlaShare: 0.75, waiting: items.length } },
    crisis: { setting: "Auto", active: false, reason: null },
  }, over);
}

test("the clock turns orange in the last fifth and red when breached, counting down between boards", () => {
  const it = item("twitter:1");
  assert.equal(tile.clockClass(it, T), "on-time");
  assert.equal(tile.clockClass(it, T + 86 * min), "due-soon");
  assert.equal(tile.clockClass(it, T + 110 * min - 1), "due-soon");
  assert.equal(tile.clockClass(it, T + 110 * min), "breached");
  assert.equal(tile.clockLabel(it, T), "nog 1 u 50 min");
  assert.equal(tile.clockLabel(it, T + 125 * min), "15 min te laat");
});

test("the newest board wins; a late frame does not bring an older queue back; frames without a board change nothing", () => {
  const state = tile.createState();
  assert.equal(tile.applyBoard(state, board(T, [item("twitter:1"), item("twitter:2")])), true);
  assert.equal(tile.applyBoard(state, board(T - 1000, [])), false);
  assert.equal(tile.applyBoard(state, undefined), false);
  assert.equal(tile.applyBoard(state, { nonsense: true }), false);
  assert.equal(state.board.queue.length, 2);
  assert.equal(tile.applyBoard(state, board(T + 1000, [])), true);
  assert.equal(tile.rows(state, T).length, 0);
});

test("rows carry the clock, the first priority reason, the reasons in Dutch and the privacy advice", () => {
  const state = tile.createState();
  tile.applyBoard(state, board(T, [
    item("twitter:1", { privacyAdvice: "ga verder in een privékanaal", reasons: ["PrivacySensitive"], assignedTo: "sanne" }),
    item("twitter:2", { dueAt: iso(T - 5 * min), dueSoonAt: iso(T - 30 * min) }),
  ]));
  const [first, second] = tile.rows(state, T);
  assert.equal(first.clock, "on-time");
  assert.equal(first.why, "Negatief");
  assert.deepEqual(first.reasons, ["privacy"]);
  assert.equal(first.privacyAdvice, "ga verder in een privékanaal");
  assert.equal(first.assignedTo, "sanne");
  assert.equal(first.waited, "10 min");
  assert.equal(second.clock, "breached");
  assert.equal(second.clockLabel, "5 min te laat");
});

test("the header shows waiting, median and share within SLA, and crisis mode", () => {
  const state = tile.createState();
  assert.equal(tile.summary(state), null);
  tile.applyBoard(state, board(T, [item("twitter:1")], { crisis: { setting: "On", active: true, reason: "door een operator aangezet" } }));
  assert.deepEqual(tile.summary(state), { waiting: 1, note: "mediaan 12 min · 75% binnen SLA", crisis: true, crisisReason: "door een operator aangezet" });
});

test("durations read like a control room reads them", () => {
  assert.equal(tile.duration(0), "0 min");
  assert.equal(tile.duration(45 * min), "45 min");
  assert.equal(tile.duration(120 * min), "2 u");
  assert.equal(tile.duration((26 * 60 + 5) * min), "1 d 2 u");
});

test("English on request (?lang=en): clocks, durations, reasons and the header; Dutch otherwise", () => {
  const state = tile.createState();
  tile.applyBoard(state, board(T, [item("twitter:1"), item("twitter:2", { dueAt: iso(T - 65 * min), dueSoonAt: iso(T - 90 * min) })]));
  const [first, second] = tile.rows(state, T, undefined, "en");
  assert.equal(first.clockLabel, "1 h 50 min left");
  assert.deepEqual(first.reasons, ["negative", "question"]);
  assert.equal(second.clockLabel, "1 h 5 min late");
  assert.equal(tile.summary(state, "en").note, "median 12 min · 75% within SLA");
  assert.equal(tile.labels("en").title, "Awaiting reply");
  assert.equal(tile.labels("fr").title, "Wacht op antwoord");
  assert.equal(tile.rows(state, T, undefined, "nl")[0].clockLabel, "nog 1 u 50 min");
});

test("an English wall says the server's reasons and advice by their codes; unknown codes and older servers keep the Dutch text", () => {
  const state = tile.createState();
  tile.applyBoard(state, board(T, [
    item("twitter:1", {
      priorityReasons: ["Zeer negatief", "Wacht 10 min"], priorityReasonCodes: [{ code: "very-negative", text: "Zeer negatief" }, { code: "waiting", text: "Wacht 10 min", waitedMinutes: 10 }],
      privacyAdvice: "Persoonsgegevens of medische details in het openbaar: …", privacyAdviceCode: "private-channel",
    }),
    item("facebook:2", { source: "facebook", priorityReasons: ["Bereik: 25.000 volgers"], priorityReasonCodes: [{ code: "reach", text: "Bereik: 25.000 volgers", count: 25000 }] }),
    item("news:3", { source: "news", priorityReasons: ["SLA verlopen, wacht al 2 u 5 min"], priorityReasonCodes: [{ code: "sla-breached", text: "…", waitedMinutes: 125 }] }),
    item("twitter:4", { priorityReasons: ["Iets nieuws"], priorityReasonCodes: [{ code: "something-new", text: "Iets nieuws" }] }),
    item("twitter:5", { priorityReasons: ["Negatief"], followUpAdvice: "Opgelost? Laat dat ook nog één keer in het openbare gesprek weten.", followUpAdviceCode: "say-it-is-solved" }),
  ]));
  const en = tile.rows(state, T, undefined, "en");
  assert.deepEqual(en.map((r) => r.why), ["Very negative", "Reach: 25,000 followers", "SLA breached, waiting 2 h 5 min", "Iets nieuws", "Negatief"]);
  assert.equal(en[0].privacyAdvice, "Personal data or medical details in public: reply briefly and continue in a private channel (DM or phone).");
  assert.equal(en[4].followUpAdvice, "Solved? Say so once more in the public conversation.");
  assert.deepEqual(en.map((r) => r.source), ["X", "Facebook", "News", "X", "X"]);

  const nl = tile.rows(state, T, undefined, "nl");
  assert.deepEqual(nl.map((r) => r.why), ["Zeer negatief", "Bereik: 25.000 volgers", "SLA verlopen, wacht al 2 u 5 min", "Iets nieuws", "Negatief"]);
  assert.equal(nl[0].privacyAdvice, "Persoonsgegevens of medische details in het openbaar: …");
  assert.deepEqual(nl.map((r) => r.source), ["X", "Facebook", "Nieuws", "X", "X"]);
});

test("the tile writes hub text as text only", () => {
  const js = fs.readFileSync(path.join(__dirname, "..", "webcare-tile.js"), "utf8");
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  const html = fs.readFileSync(path.join(__dirname, "..", "index.html"), "utf8");
  assert.ok(html.indexOf("webcare-tile.js") < html.indexOf("wall.js"), "the tile registers before the wall boots");
  assert.ok(html.indexOf("source-names.js") < html.indexOf("webcare-tile.js"), "source names load before the tile");
});
