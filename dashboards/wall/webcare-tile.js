/*
 * Webcare Realtime — the "Wacht op antwoord" tile: the webcare queue with an SLA clock per item.
 *
 * A plug-in of wall.js: it registers in window.WebcareWallPlugins and gets every snapshot and frame,
 * and renders with the wall. The board (snapshot.webcare / frame.webcare) replaces the previous one
 * whole; a frame without it changes nothing. Clocks count down here, between boards: green while
 * on time, orange in the last fifth of the SLA (dueSoonAt), red once breached (dueAt).
 *
 * Every string from the hub (text, handles, reasons, advice) is written with textContent only.
 * The pure parts are exported for Node tests (test/webcare-tile.test.js).
 */
(function (root) {
  "use strict";

  const MAX_ROWS = 8;

  // The wall's language (?lang=en, else Dutch): wall.js sets it on <html lang>. Texts the server writes
  // (priority reasons, advice) arrive in Dutch with a code beside each (priorityReasonCodes,
  // privacyAdviceCode, followUpAdviceCode): an English wall says the code in English, and shows the Dutch
  // text only for a code it does not know (or from a server that sends none).
  const LABELS = {
    nl: {
      title: "Wacht op antwoord", empty: "Niets wacht op antwoord", waiting: "{n} wachtend", waited: "wacht {d}",
      left: "nog {d}", late: "{d} te laat", median: "mediaan {d}", withinSla: "{p}% binnen SLA", crisis: "CRISISMODUS",
      hours: "u", days: "d", reasons: { Negative: "negatief", Question: "vraag", PrivacySensitive: "privacy" },
      codes: null, advice: null,
    },
    en: {
      title: "Awaiting reply", empty: "Nothing awaits a reply", waiting: "{n} waiting", waited: "waiting {d}",
      left: "{d} left", late: "{d} late", median: "median {d}", withinSla: "{p}% within SLA", crisis: "CRISIS MODE",
      hours: "h", days: "d", reasons: { Negative: "negative", Question: "question", PrivacySensitive: "privacy" },
      codes: {
        privacy: "Privacy / data leak",
        "medical-error": "Possible medical error",
        "personal-data-in-public": "Personal data or medical details in public",
        reach: "Reach: {count} followers",
        shared: "Shared {count}×",
        "very-negative": "Very negative",
        negative: "Negative",
        question: "Question",
        spreading: "Spreading: {count} people in the conversation",
        reopened: "Reopened: the writer replied after it was resolved",
        "sla-breached": "SLA breached, waiting {waited}",
        "sla-due-soon": "SLA almost due, waiting {waited}",
        waiting: "Waiting {waited}",
      },
      advice: {
        "private-channel": "Personal data or medical details in public: reply briefly and continue in a private channel (DM or phone).",
        "say-it-is-solved": "Solved? Say so once more in the public conversation.",
      },
    },
  };

  function labels(lang) {
    return LABELS[lang] || LABELS.nl;
  }

  /** A priority reason in the wall's language: its code translated with its figures, else the server's Dutch text. */
  function reasonText(code, dutch, lang) {
    const l = labels(lang);
    const c = code && typeof code === "object" ? code : {};
    if (!l.codes || typeof c.code !== "string" || !Object.prototype.hasOwnProperty.call(l.codes, c.code)) return dutch;
    const count = Number(c.count);
    const minutes = Number(c.waitedMinutes);
    return fill(l.codes[c.code], {
      count: isFinite(count) ? count.toLocaleString("en-GB") : "?",
      waited: isFinite(minutes) ? duration(minutes * 60000, lang) : "?",
    });
  }

  /** The privacy or follow-up advice in the wall's language, else the server's Dutch text. */
  function adviceText(code, dutch, lang) {
    const l = labels(lang);
    return l.advice && typeof code === "string" && Object.prototype.hasOwnProperty.call(l.advice, code) ? l.advice[code] : dutch;
  }

  function sourceName(key, lang) {
    const names = root.WebcareSourceNames || (typeof require === "function" ? require("./source-names.js") : null);
    return names ? names.sourceName(key, lang) : key;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }

  function parseTime(value) {
    const ms = typeof value === "string" ? Date.parse(value) : NaN;
    return isFinite(ms) ? ms : NaN;
  }

  function createState() {
    return { board: null, boardAsOf: -Infinity };
  }

  /** Keeps the newest board: a late frame must not bring an older queue back. */
  function applyBoard(state, board) {
    if (!board || typeof board !== "object" || !Array.isArray(board.queue)) return false;
    const asOf = parseTime(board.asOf);
    if (isFinite(asOf) && asOf < state.boardAsOf) return false;
    state.board = board;
    state.boardAsOf = isFinite(asOf) ? asOf : state.boardAsOf;
    return true;
  }

  /** "on-time", "due-soon" or "breached", from the deadlines and the server's time now. */
  function clockClass(item, serverNow) {
    const due = parseTime(item.dueAt);
    const soon = parseTime(item.dueSoonAt);
    if (isFinite(due) && serverNow >= due) return "breached";
    if (isFinite(soon) && serverNow >= soon) return "due-soon";
    return "on-time";
  }

  /** "45 min", "2 u 5 min", "1 d 3 u" ("2 h 5 min" in English). */
  function duration(ms, lang) {
    const l = labels(lang);
    const minutes = Math.max(0, Math.floor(ms / 60000));
    if (minutes >= 1440) {
      const h = Math.floor((minutes % 1440) / 60);
      return Math.floor(minutes / 1440) + " " + l.days + (h ? " " + h + " " + l.hours : "");
    }
    if (minutes >= 60) {
      const m = minutes % 60;
      return Math.floor(minutes / 60) + " " + l.hours + (m ? " " + m + " min" : "");
    }
    return minutes + " min";
  }

  /** What the clock says: time left, or how late. */
  function clockLabel(item, serverNow, lang) {
    const due = parseTime(item.dueAt);
    if (!isFinite(due)) return "";
    const l = labels(lang);
    return serverNow >= due ? fill(l.late, { d: duration(serverNow - due, lang) }) : fill(l.left, { d: duration(due - serverNow, lang) });
  }

  /** The rows the tile shows, most important first (the server's order). */
  function rows(state, serverNow, max, lang) {
    const board = state.board;
    if (!board) return [];
    return board.queue.slice(0, max == null ? MAX_ROWS : max).map(function (item) {
      return {
        key: String(item.key),
        source: sourceName(String(item.source || ""), lang),
        author: item.authorHandle ? String(item.authorHandle) : "",
        text: item.text ? String(item.text) : "",
        clock: clockClass(item, serverNow),
        clockLabel: clockLabel(item, serverNow, lang),
        waited: duration(serverNow - parseTime(item.waitingSince), lang),
        reasons: (Array.isArray(item.reasons) ? item.reasons : []).map(function (r) { return labels(lang).reasons[r] || String(r); }),
        priority: Number(item.priority) || 0,
        why: Array.isArray(item.priorityReasons) && item.priorityReasons.length
          ? reasonText(Array.isArray(item.priorityReasonCodes) ? item.priorityReasonCodes[0] : null, String(item.priorityReasons[0]), lang) : "",
        privacyAdvice: item.privacyAdvice ? adviceText(item.privacyAdviceCode, String(item.privacyAdvice), lang) : "",
        followUpAdvice: item.followUpAdvice ? adviceText(item.followUpAdviceCode, String(item.followUpAdvice), lang) : "",
        assignedTo: item.assignedTo ? String(item.assignedTo) : "",
      };
    });
  }

  /** The header line: waiting, median first response, share within SLA, crisis. */
  function summary(state, lang) {
    const board = state.board;
    if (!board) return null;
    const l = labels(lang);
    const overall = board.metrics && board.metrics.overall || {};
    const share = typeof overall.withinSlaShare === "number" ? fill(l.withinSla, { p: Math.round(overall.withinSlaShare * 100) }) : "";
    const median = typeof overall.medianMinutes === "number" ? fill(l.median, { d: duration(overall.medianMinutes * 60000, lang) }) : "";
    return {
      waiting: Number(board.waiting) || 0,
      note: [median, share].filter(Boolean).join(" · "),
      crisis: !!(board.crisis && board.crisis.active),
      crisisReason: board.crisis && board.crisis.reason ? String(board.crisis.reason) : "",
    };
  }

  const core = {
    createState: createState, applyBoard: applyBoard, clockClass: clockClass, clockLabel: clockLabel,
    duration: duration, rows: rows, summary: summary, labels: labels, reasonText: reasonText,
  };
  if (typeof module === "object" && module.exports) module.exports = core;
  root.WebcareTile = core;
  if (typeof document === "undefined") return;

  // ---------------------------------------------------------------------------------------------
  // View: createElement/textContent only.
  // ---------------------------------------------------------------------------------------------

  const state = createState();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function render(serverNow) {
    const panel = document.getElementById("webcare-panel");
    if (!panel) return;
    const lang = document.documentElement.lang;
    const l = labels(lang);
    const head = summary(state, lang);
    panel.hidden = !head;
    if (!head) return;
    document.getElementById("webcare-title").textContent = l.title;
    document.getElementById("webcare-empty").textContent = l.empty;
    document.getElementById("webcare-count").textContent = fill(l.waiting, { n: head.waiting });
    document.getElementById("webcare-note").textContent = head.note;
    const crisis = document.getElementById("webcare-crisis");
    crisis.hidden = !head.crisis;
    crisis.textContent = head.crisis ? l.crisis : "";
    crisis.title = head.crisisReason;

    const list = document.getElementById("webcare-queue");
    const items = rows(state, serverNow, undefined, lang);
    const nodes = items.map(function (row) {
      const li = el("li", "wq-item wq-" + row.clock);
      li.setAttribute("data-key", row.key);
      const top = el("div", "wq-top");
      top.appendChild(el("span", "wq-clock", row.clockLabel));
      top.appendChild(el("span", "wq-source", row.source));
      top.appendChild(el("span", "wq-author", row.author));
      top.appendChild(el("span", "wq-waited", fill(l.waited, { d: row.waited })));
      if (row.assignedTo) top.appendChild(el("span", "wq-assigned", "→ " + row.assignedTo));
      li.appendChild(top);
      li.appendChild(el("p", "wq-text", row.text));
      const why = el("div", "wq-why");
      why.appendChild(el("span", "wq-priority", String(row.priority)));
      why.appendChild(el("span", "wq-reason", row.why));
      for (const reason of row.reasons) why.appendChild(el("span", "wq-chip", reason));
      li.appendChild(why);
      if (row.privacyAdvice) li.appendChild(el("p", "wq-privacy", row.privacyAdvice));
      if (row.followUpAdvice) li.appendChild(el("p", "wq-privacy", row.followUpAdvice));
      return li;
    });
    list.replaceChildren.apply(list, nodes);
    document.getElementById("webcare-empty").hidden = items.length > 0;
  }

  const plugins = root.WebcareWallPlugins || (root.WebcareWallPlugins = []);
  plugins.push({
    snapshot: function (message) { if (message) applyBoard(state, message.webcare); },
    frame: function (message) { if (message) applyBoard(state, message.webcare); },
    render: render,
  });
})(typeof window !== "undefined" ? window : globalThis);
