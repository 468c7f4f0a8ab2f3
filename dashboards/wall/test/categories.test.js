// Unit tests for categories.js: the complaint-category badges on the wall's mentions. Run: npm test.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { categoryBadges, MAX_BADGES } = require("../categories.js");
const wall = require("../wall.js");

test("badges: Dutch labels by default, in the server's order, with a tooltip", () => {
  const badges = categoryBadges(["WaitingTime", "Costs"], "nl");
  assert.deepEqual(badges.map((b) => b.text), ["wachttijd", "kosten"]);
  assert.equal(badges[0].title, "Wachttijd of wachtlijst");
  assert.equal(badges[0].compliment, false);
});

test("badges: English with ?lang=en, an unknown language falls back to Dutch", () => {
  assert.deepEqual(categoryBadges(["StaffAttitude"], "en").map((b) => b.text), ["attitude"]);
  assert.deepEqual(categoryBadges(["StaffAttitude"], "fr").map((b) => b.text), ["bejegening"]);
});

test("badges: a compliment is marked so it can look different", () => {
  assert.equal(categoryBadges(["Compliment"], "nl")[0].compliment, true);
});

test("badges: unknown names, non-strings and duplicates are dropped; at most MAX_BADGES", () => {
  assert.deepEqual(categoryBadges(["Bogus", 7, null, "Privacy", "Privacy", "__proto__", "toString"], "nl").map((b) => b.key), ["Privacy"]);
  const all = ["WaitingTime", "Reachability", "StaffAttitude", "QualityOfCare", "Privacy"];
  assert.equal(categoryBadges(all, "nl").length, MAX_BADGES);
  assert.deepEqual(categoryBadges(undefined, "nl"), []);
  assert.deepEqual(categoryBadges("WaitingTime", "nl"), []);
});

test("mentions: categories survive normalisation as a list of strings, missing means none", () => {
  const state = wall.createState();
  wall.applySnapshot(state, {
    mentions: [
      { source: "x", id: "1", createdAt: "2026-11-23T14:00:00Z", text: "a", categories: ["Costs", 3] },
      { source: "x", id: "2", createdAt: "2026-11-23T14:00:00Z", text: "b" },
    ],
    sources: [], topics: [], conversations: [], totals: { accepted: 2, duplicates: 0, rejected: 0 }, asOf: "2026-11-23T14:00:00Z",
  });
  const byId = new Map(state.mentions.map((m) => [m.id, m]));
  assert.deepEqual(byId.get("1").categories, ["Costs"]);
  assert.deepEqual(byId.get("2").categories, []);
});
