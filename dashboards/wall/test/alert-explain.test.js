// Unit tests for alert-explain.js: what an alert card shows of an alert's explanation. Run: npm test.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const why = require("../alert-explain.js");

const shared = { source: "twitter", id: "9", authorHandle: "@boos", text: "<img src=x onerror=alert(1)> gelekt!", shares: 1200, followers: 8000, label: "Negative" };
const alert = {
  id: "topic:Waterdal:SentimentShift:1", kind: "SentimentShift", netSentiment: -0.6, expectedNetSentiment: 0.4,
  topTerms: [{ term: "gelekt", count: 12, expected: 0.4 }, { term: "hackers", count: 7, expected: 0.2 }],
  mostShared: [shared],
};

test("explain: net sentiment, the top terms and the most-shared mention, in Dutch and English", () => {
  const nl = why.explain(alert, "nl");
  assert.equal(nl.net, "netto sentiment \u22120,60, normaal +0,40");
  assert.equal(nl.terms, "Woorden: gelekt \u00b7 hackers");
  assert.equal(nl.mostShared.author, "@boos");
  assert.match(nl.mostShared.label, /^meest gedeeld \(1\.200× gedeeld\)$/);
  assert.equal(nl.mostShared.text, shared.text); // kept as text; render writes it with textContent
  const en = why.explain(alert, "en");
  assert.equal(en.net, "net sentiment \u22120.60, normally +0.40");
  assert.equal(en.terms, "Words: gelekt \u00b7 hackers");
});

test("explain: an alert without an explanation (older server, spikes without opinions) shows nothing extra", () => {
  const e = why.explain({ kind: "VolumeSpike", netSentiment: null }, "nl");
  assert.deepEqual(e, { net: null, terms: null, mostShared: null });
  const junk = why.explain({ topTerms: [null, 3, { term: 5 }, { term: "ok" }], mostShared: [null], netSentiment: "x" }, "nl");
  assert.deepEqual(junk, { net: null, terms: "Woorden: ok", mostShared: null });
});

test("explain: at most five terms and a clipped text", () => {
  const many = why.explain({ topTerms: "abcdefg".split("").map((c) => ({ term: c + c + c })),
    mostShared: [{ source: "forum", text: "x".repeat(500) }] }, "nl");
  assert.equal(many.terms, "Woorden: aaa \u00b7 bbb \u00b7 ccc \u00b7 ddd \u00b7 eee");
  assert.equal(many.mostShared.author, "forum");
  assert.equal(many.mostShared.text.length, 200);
});

// A minimal document: enough to check that render builds text nodes only.
function fakeDocument() {
  const doc = {
    createElement(tag) {
      return { tag, className: "", _text: "", children: [], ownerDocument: doc,
        set textContent(v) { this._text = String(v); this.children = []; },
        get textContent() { return this._text + this.children.map((c) => c.textContent).join(""); },
        appendChild(c) { this.children.push(c); return c; },
        replaceChildren(...cs) { this.children = cs; } };
    },
    createTextNode(text) { return { tag: "#text", textContent: String(text), children: [] }; },
  };
  return doc;
}

test("render: one line per part, mention text as a text node", () => {
  const doc = fakeDocument();
  const node = doc.createElement("div");
  why.render(node, alert, "nl");
  assert.deepEqual(node.children.map((c) => c.className), ["alert-why-net", "alert-why-terms", "alert-why-shared"]);
  const sharedLine = node.children[2];
  assert.equal(sharedLine.children[1].tag, "#text");
  assert.equal(sharedLine.children[1].textContent, shared.text);
  why.render(node, { kind: "VolumeSpike" }, "nl");
  assert.equal(node.children.length, 0);
});
