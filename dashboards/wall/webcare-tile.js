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
  // (priority reasons, privacy advice) arrive in Dutch and are shown as they are.
  const LABELS = {
    nl: {
      title: "Wacht op antwoord", empty: "Niets wacht op antwoord", waiting: "{n} wachtend", waited: "wacht {d}",
      left: "nog {d}", late: "{d} te laat", median: "mediaan {d}", withinSla: "{p}% binnen SLA", crisis: "CRISISMODUS",
      hours: "u", days: "d", reasons: { Negative: "negatief", Question: "vraag", PrivacySensitive: "privacy" },
    },
    en: {
      title: "Awaiting reply", empty: "Nothing awaits a reply", waiting: "{n} waiting", waited: "waiting {d}",
      left: "{d} left", late: "{d} late", median: "median {d}", withinSla: "{p}% within SLA", crisis: "CRISIS MODE",
      hours: "h", days: "d", reasons: { Negative: "negative", Question: "question", PrivacySensitive: "privacy" },
    },
  };

  function labels(lang) {
    return LABELS[lang] || LABELS.nl;
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
        source: String(item.source || ""),
        author: item.authorHandle ? String(item.authorHandle) : "",
        text: item.text ? String(item.text) : "",
        clock: clockClass(item, serverNow),
        clockLabel: clockLabel(item, serverNow, lang),
        waited: duration(serverNow - parseTime(item.waitingSince), lang),
        reasons: (Array.isArray(item.reasons) ? item.reasons : []).map(function (r) { return labels(lang).reasons[r] || String(r); }),
        priority: Number(item.priority) || 0,
        why: Array.isArray(item.priorityReasons) && item.priorityReasons.length ? String(item.priorityReasons[0]) : "",
        privacyAdvice: item.privacyAdvice ? String(item.privacyAdvice) : "",
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
    duration: duration, rows: rows, summary: summary, labels: labels,
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
