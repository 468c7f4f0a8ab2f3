/*
 * Webcare Realtime — alert kinds on the wall: the wire name (kebab-case, e.g. "sla-breach"), the card's
 * label in Dutch and English, its colour class, what its figures line says, and its headline.
 *
 * A server from before the kebab-case names sends "SlaBreach": such a name is read as its new one. A kind
 * this wall does not know yet gets a neutral "Melding" label, never another kind's.
 *
 * Pure: exported for Node tests (test/alert-kinds.test.js) and used by wall.js.
 */
(function (root) {
  "use strict";

  const KINDS = {
    "volume-spike": { cls: "vol", nl: "Volumepiek", en: "Volume spike", legacy: "VolumeSpike" },
    "negative-spike": { cls: "neg", nl: "Negatieve piek", en: "Negative spike", legacy: "NegativeSpike" },
    "spreading-conversation": { cls: "spread", nl: "Verspreidend gesprek", en: "Spreading conversation", legacy: "SpreadingConversation" },
    "sentiment-shift": { cls: "tone", nl: "Toon slaat om", en: "Tone turns", legacy: "SentimentShift" },
    "sla-breach": { cls: "sla", nl: "SLA overschreden", en: "SLA breached", legacy: "SlaBreach" },
  };
  const UNKNOWN = { cls: "other", nl: "Melding", en: "Alert" };

  const LEGACY = {};
  for (const name of Object.keys(KINDS)) LEGACY[KINDS[name].legacy] = name;

  // What the figures line says: per minute for the spikes, messages in ten minutes for a spreading
  // conversation, negative opinions in twenty minutes for a tone turn, late conversations for an SLA breach.
  const FIGURES = {
    nl: {
      rate: "{o} /min, verwacht {e}", peak: "piek {n}", late: "{o} gesprekken over tijd", lateOne: "1 gesprek over tijd",
      spread: "{o} berichten in 10 min", tone: "{o} negatieve meningen, normaal {e}",
    },
    en: {
      rate: "{o} /min, expected {e}", peak: "peak {n}", late: "{o} conversations overdue", lateOne: "1 conversation overdue",
      spread: "{o} messages in 10 min", tone: "{o} negative opinions, normally {e}",
    },
  };

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /** The wire name of a kind: kebab-case as sent, an older server's PascalCase translated; anything else as a string. */
  function wireName(kind) {
    const s = typeof kind === "string" ? kind : "";
    return has(LEGACY, s) ? LEGACY[s] : s;
  }

  function info(kind) {
    const name = wireName(kind);
    return has(KINDS, name) ? KINDS[name] : UNKNOWN;
  }

  /** The card's class suffix: "vol", "neg", "spread", "tone", "sla" or "other". */
  function styleOf(kind) {
    return info(kind).cls;
  }

  /** The card's kind label in the wall's language (Dutch unless "en"). */
  function label(kind, lang) {
    const k = info(kind);
    return lang === "en" ? k.en : k.nl;
  }

  function fill(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return has(vars, k) ? String(vars[k]) : m; });
  }

  /**
   * The card's two figures: { rate, peak }. format is { int, rate } (wall.js's formatting), so numbers read
   * in the wall's locale.
   */
  function figures(alert, lang, format) {
    const L = FIGURES[lang] || FIGURES.nl;
    const a = alert || {};
    const observed = format.int(Number(a.observed));
    const peak = format.int(Number(a.peakObserved));
    const name = wireName(a.kind);
    if (name === "sla-breach") {
      return { rate: Number(a.observed) === 1 ? L.lateOne : fill(L.late, { o: observed }), peak: fill(L.peak, { n: peak }) };
    }
    if (name === "spreading-conversation") return { rate: fill(L.spread, { o: observed }), peak: fill(L.peak, { n: peak }) };
    if (name === "sentiment-shift") return { rate: fill(L.tone, { o: observed, e: format.rate(Number(a.expected)) }), peak: fill(L.peak, { n: peak }) };
    return { rate: fill(L.rate, { o: observed, e: format.rate(Number(a.expected)) }), peak: fill(L.peak, { n: peak }) };
  }

  // English headlines, from the alert's own figures: the server writes its headline in Dutch (for the API,
  // webhooks and Dutch walls). {o} observed, {e} expected, {p} the incident's peak.
  const HEADLINES_EN = {
    "volume-spike": { open: "{o} mentions per minute, expected {e}", resolved: "back to normal (peak {p} mentions per minute)" },
    "negative-spike": { open: "{o} negative mentions per minute, expected {e}", resolved: "back to normal (peak {p} negative mentions per minute)" },
    "spreading-conversation": { open: "spreading: {o} messages in 10 minutes", resolved: "no longer spreading (peak {p} messages in 10 minutes)" },
    "sentiment-shift": { open: "the tone turns: {o} negative opinions in 20 minutes, normally {e}", resolved: "the tone is back to normal" },
    "sla-breach": {
      open: "{o} conversations waiting past the SLA", openOne: "1 conversation waiting past the SLA",
      resolved: "all answered within the SLA again (peak {p} late)",
    },
  };

  function englishHeadline(a, format) {
    const name = wireName(a.kind);
    if (!has(HEADLINES_EN, name)) return null;
    const h = HEADLINES_EN[name];
    const resolved = a.state === "Resolved" || a.isOpen === false;
    const template = resolved ? h.resolved : (Number(a.observed) === 1 && h.openOne) || h.open;
    const int = format && format.int ? format.int : String;
    const rate = format && format.rate ? format.rate : String;
    return fill(template, { o: int(Number(a.observed)), e: rate(Number(a.expected)), p: int(Number(a.peakObserved)) });
  }

  /**
   * The headline under the card's title. The server starts most headlines with the subject ("Datalek: 44
   * negatieve vermeldingen…"); the title above already says it in large type, so the card leaves it out
   * and has room for the rest. An English wall reads the same figures in English.
   */
  function headline(alert, lang, format) {
    const a = alert || {};
    if (lang === "en") {
      const english = englishHeadline(a, format);
      if (english !== null) return english;
    }
    const text = typeof a.headline === "string" ? a.headline : "";
    const subject = typeof a.subject === "string" ? a.subject : "";
    if (subject && text.length > subject.length + 2 && text.slice(0, subject.length + 1).toLowerCase() === subject.toLowerCase() + ":") {
      return text.slice(subject.length + 1).trim();
    }
    return text;
  }

  const api = { KINDS: KINDS, wireName: wireName, styleOf: styleOf, label: label, figures: figures, headline: headline };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.WebcareAlertKinds = api;
})(typeof window !== "undefined" ? window : globalThis);
