// Unit tests for source-names.js: display names of source keys in the wall's language. Run: npm test.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const names = require("../source-names.js");

test("well-known sources by their brand name; news in the wall's language; others as sent", () => {
  assert.deepEqual(["twitter", "X", "facebook", "zorgkaartnederland"].map((k) => names.sourceName(k)), ["X", "X", "Facebook", "Zorgkaart"]);
  assert.equal(names.sourceName("news"), "Nieuws");
  assert.equal(names.sourceName("news", "nl"), "Nieuws");
  assert.equal(names.sourceName("news", "en"), "News");
  assert.equal(names.sourceName("nieuws", "en"), "News");
  assert.equal(names.sourceName("twitter", "en"), "X");
  assert.equal(names.sourceName("ziekenhuisforum", "en"), "ziekenhuisforum");
  assert.equal(names.sourceName("", "en"), "?");
  assert.equal(names.sourceName(null), "?");
  assert.equal(names.sourceName("constructor"), "constructor");
});
