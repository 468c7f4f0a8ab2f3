/*
 * Webcare Realtime — the "why" of an alert card: the words of the incident (top terms), the most-shared
 * mention, and for a tone shift the net sentiment against normal. Text only: every string from the hub
 * is written with textContent.
 *
 * Pure part (explain) exported for Node tests (test/alert-explain.test.js); render() needs a document.
 */
(function (root) {
  "use strict";

  const LABELS = {
    nl: { terms: "Woorden", shared: "meest gedeeld", shares: "{n}× gedeeld", net: "netto sentiment {o}, normaal {e}" },
    en: { terms: "Words", shared: "most shared", shares: "shared {n}×", net: "net sentiment {o}, normally {e}" },
  };
  const MAX_TERMS = 5;
  const MAX_TEXT = 200;

  function fill(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : m; });
  }

  /** −0.60 / +0.40 with a real minus sign: the sign is the message. */
  function signed(x, locale) {
    const s = Math.abs(x).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (x > 0.005 ? "+" : x < -0.005 ? "\u2212" : "") + s;
  }

  function clip(s, n) {
    return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
  }

  /**
   * What the card shows of an alert's explanation; null parts are left out. Tolerates alerts from an older
   * server (no topTerms / mostShared) and junk in every field.
   */
  function explain(alert, lang) {
    const L = LABELS[lang] || LABELS.nl;
    const locale = lang === "en" ? "en-GB" : "nl-NL";
    const a = alert || {};
    const terms = Array.isArray(a.topTerms)
      ? a.topTerms.map(function (x) { return x && typeof x.term === "string" ? x.term : ""; }).filter(Boolean).slice(0, MAX_TERMS)
      : [];
    const shared = Array.isArray(a.mostShared) && a.mostShared.length > 0 && a.mostShared[0] ? a.mostShared[0] : null;
    const net = typeof a.netSentiment === "number" && typeof a.expectedNetSentiment === "number" && isFinite(a.netSentiment) && isFinite(a.expectedNetSentiment)
      ? fill(L.net, { o: signed(a.netSentiment, locale), e: signed(a.expectedNetSentiment, locale) })
      : null;
    return {
      net: net,
      terms: terms.length ? L.terms + ": " + terms.join(" \u00b7 ") : null,
      mostShared: shared ? {
        label: L.shared + (Number(shared.shares) > 0 ? " (" + fill(L.shares, { n: Number(shared.shares).toLocaleString(locale) }) + ")" : ""),
        author: typeof shared.authorHandle === "string" && shared.authorHandle ? shared.authorHandle : (typeof shared.source === "string" ? shared.source : "?"),
        text: clip(typeof shared.text === "string" ? shared.text : "", MAX_TEXT),
      } : null,
    };
  }

  /** Replaces the children of node with the explanation's lines (createElement + textContent only). */
  function render(node, alert, lang) {
    const doc = node.ownerDocument;
    const line = function (cls, text) {
      const p = doc.createElement("p");
      p.className = cls;
      p.textContent = text;
      return p;
    };
    const why = explain(alert, lang);
    const children = [];
    if (why.net) children.push(line("alert-why-net", why.net));
    if (why.terms) children.push(line("alert-why-terms", why.terms));
    if (why.mostShared) {
      const p = line("alert-why-shared", "");
      const label = doc.createElement("span");
      label.className = "alert-why-label";
      label.textContent = why.mostShared.label + " \u00b7 " + why.mostShared.author + ": ";
      p.appendChild(label);
      p.appendChild(doc.createTextNode(why.mostShared.text));
      children.push(p);
    }
    node.replaceChildren.apply(node, children);
  }

  const api = { explain: explain, render: render };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.WebcareAlertExplain = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
