// Unit tests for alert-kinds.js: each alert kind's label, colour and figures on a card. Run: npm test.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const kinds = require("../alert-kinds.js");
const wall = require("../wall.js");

const fmt = (lang) => wall.createFormat(wall.createI18n(lang));

test("every kind the server sends has its own label and colour, in Dutch and English", () => {
  const wire = ["volume-spike", "negative-spike", "spreading-conversation", "sentiment-shift", "sla-breach"];
  assert.deepEqual(wire.map((k) => kinds.label(k, "nl")), ["Volumepiek", "Negatieve piek", "Verspreidend gesprek", "Toon slaat om", "SLA overschreden"]);
  assert.deepEqual(wire.map((k) => kinds.label(k, "en")), ["Volume spike", "Negative spike", "Spreading conversation", "Tone turns", "SLA breached"]);
  assert.deepEqual(wire.map(kinds.styleOf), ["vol", "neg", "spread", "tone", "sla"]);
});

test("an SLA breach is never shown as a volume spike, also from an older server (PascalCase)", () => {
  for (const k of ["sla-breach", "SlaBreach"]) {
    assert.equal(kinds.label(k, "nl"), "SLA overschreden");
    assert.equal(kinds.styleOf(k), "sla");
  }
  assert.equal(kinds.label("NegativeSpike", "nl"), "Negatieve piek");
});

test("a kind this wall does not know gets a neutral label, not another kind's", () => {
  for (const k of ["some-new-kind", "", null, 42]) {
    assert.equal(kinds.label(k, "nl"), "Melding");
    assert.equal(kinds.label(k, "en"), "Alert");
    assert.equal(kinds.styleOf(k), "other");
  }
});

test("figures: per minute against expected for a spike; late conversations for an SLA breach", () => {
  assert.deepEqual(kinds.figures({ kind: "volume-spike", observed: 42, expected: 2.64, peakObserved: 57 }, "nl", fmt("nl")),
    { rate: "42 /min, verwacht 2,6", peak: "piek 57" });
  assert.deepEqual(kinds.figures({ kind: "volume-spike", observed: 42, expected: 3, peakObserved: 57 }, "en", fmt("en")),
    { rate: "42 /min, expected 3", peak: "peak 57" });
  assert.deepEqual(kinds.figures({ kind: "sla-breach", observed: 3, expected: 0, peakObserved: 4 }, "nl", fmt("nl")),
    { rate: "3 gesprekken over tijd", peak: "piek 4" });
  assert.deepEqual(kinds.figures({ kind: "sla-breach", observed: 1, expected: 0, peakObserved: 1 }, "en", fmt("en")),
    { rate: "1 conversation overdue", peak: "peak 1" });
});

test("the card's headline leaves out the subject the title above already shows", () => {
  assert.equal(kinds.headline({ subject: "Datalek", headline: "Datalek: 44 negatieve vermeldingen per minuut, verwacht 3" }),
    "44 negatieve vermeldingen per minuut, verwacht 3");
  assert.equal(kinds.headline({ subject: "facebook", headline: "Facebook: 26 negatieve vermeldingen per minuut, verwacht 4" }),
    "26 negatieve vermeldingen per minuut, verwacht 4");
  assert.equal(kinds.headline({ subject: "twitter:1", headline: "Gesprek twitter:1 verspreidt zich: 12 berichten in 10 minuten" }),
    "Gesprek twitter:1 verspreidt zich: 12 berichten in 10 minuten");
  assert.equal(kinds.headline({ subject: "Datalek", headline: "Datalek:" }), "Datalek:");
  assert.equal(kinds.headline({ subject: "x", headline: null }), "");
  assert.equal(kinds.headline(null), "");
});

test("an English wall reads the alert's figures in English, not the server's Dutch headline", () => {
  const format = { int: (n) => n.toLocaleString("en-GB"), rate: (n) => n.toFixed(1) };
  const spike = { kind: "negative-spike", subject: "Datalek", state: "Raised", isOpen: true, observed: 44, expected: 3.2, peakObserved: 57,
    headline: "Datalek: 44 negatieve vermeldingen per minuut, verwacht 3" };
  assert.equal(kinds.headline(spike, "en", format), "44 negative mentions per minute, expected 3.2");
  assert.equal(kinds.headline(spike, "nl", format), "44 negatieve vermeldingen per minuut, verwacht 3");
  assert.equal(kinds.headline({ ...spike, state: "Resolved", isOpen: false }, "en", format), "back to normal (peak 57 negative mentions per minute)");
  assert.equal(kinds.headline({ kind: "sla-breach", subject: "twitter", isOpen: true, observed: 1, headline: "twitter: 1 gesprek wacht" }, "en", format),
    "1 conversation waiting past the SLA");
  assert.equal(kinds.headline({ kind: "SpreadingConversation", isOpen: true, observed: 1200, headline: "Gesprek x verspreidt zich" }, "en", format),
    "spreading: 1,200 messages in 10 minutes");
  // A kind this wall does not know keeps the server's words.
  assert.equal(kinds.headline({ kind: "new-kind", subject: "x", headline: "x: iets nieuws" }, "en", format), "iets nieuws");
  assert.doesNotMatch(kinds.headline({ kind: "volume-spike", isOpen: true, observed: 5, expected: 1, headline: "<b>x</b>" }, "en", format), /verwacht/);
});

test("a spreading conversation and a tone turn are not counted per minute on the card", () => {
  const format = { int: (n) => String(n), rate: (n) => n.toFixed(1) };
  assert.deepEqual(kinds.figures({ kind: "spreading-conversation", observed: 12, expected: 0, peakObserved: 15 }, "nl", format),
    { rate: "12 berichten in 10 min", peak: "piek 15" });
  assert.deepEqual(kinds.figures({ kind: "sentiment-shift", observed: 32, expected: 12, peakObserved: 32 }, "en", format),
    { rate: "32 negative opinions, normally 12.0", peak: "peak 32" });
  assert.equal(kinds.figures({ kind: "volume-spike", observed: 7, expected: 1.8, peakObserved: 7 }, "nl", format).rate, "7 /min, verwacht 1.8");
});
