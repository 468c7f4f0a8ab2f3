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

  /** "45 min", "2 u 5 min", "1 d 3 u". */
  function duration(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    if (minutes >= 1440) {
      const h = Math.floor((minutes % 1440) / 60);
      return Math.floor(minutes / 1440) + " d" + (h ? " " + h + " u" : "");
    }
    if (minutes >= 60) {
      const m = minutes % 60;
      return Math.floor(minutes / 60) + " u" + (m ? " " + m + " min" : "");
    }
    return minutes + " min";
  }

  /** What the clock says: time left, or how late. */
  function clockLabel(item, serverNow) {
    const due = parseTime(item.dueAt);
    if (!isFinite(due)) return "";
    return serverNow >= due ? duration(serverNow - due) + " te laat" : "nog " + duration(due - serverNow);
  }

  const REASONS = { Negative: "negatief", Question: "vraag", PrivacySensitive: "privacy" };

  /** The rows the tile shows, most important first (the server's order). */
  function rows(state, serverNow, max) {
    const board = state.board;
    if (!board) return [];
    return board.queue.slice(0, max == null ? MAX_ROWS : max).map(function (item) {
      return {
        key: String(item.key),
        source: String(item.source || ""),
        author: item.authorHandle ? String(item.authorHandle) : "",
        text: item.text ? String(item.text) : "",
        clock: clockClass(item, serverNow),
        clockLabel: clockLabel(item, serverNow),
        waited: duration(serverNow - parseTime(item.waitingSince)),
        reasons: (Array.isArray(item.reasons) ? item.reasons : []).map(function (r) { return REASONS[r] || String(r); }),
        priority: Number(item.priority) || 0,
        why: Array.isArray(item.priorityReasons) && item.priorityReasons.length ? String(item.priorityReasons[0]) : "",
        privacyAdvice: item.privacyAdvice ? String(item.privacyAdvice) : "",
        assignedTo: item.assignedTo ? String(item.assignedTo) : "",
      };
    });
  }

  /** The header line: waiting, median first response, share within SLA, crisis. */
  function summary(state) {
    const board = state.board;
    if (!board) return null;
    const overall = board.metrics && board.metrics.overall || {};
    const share = typeof overall.withinSlaShare === "number" ? Math.round(overall.withinSlaShare * 100) + "% binnen SLA" : "";
    const median = typeof overall.medianMinutes === "number" ? "mediaan " + duration(overall.medianMinutes * 60000) : "";
    return {
      waiting: Number(board.waiting) || 0,
      note: [median, share].filter(Boolean).join(" · "),
      crisis: !!(board.crisis && board.crisis.active),
      crisisReason: board.crisis && board.crisis.reason ? String(board.crisis.reason) : "",
    };
  }

  const core = {
    createState: createState, applyBoard: applyBoard, clockClass: clockClass, clockLabel: clockLabel,
    duration: duration, rows: rows, summary: summary,
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
    const head = summary(state);
    panel.hidden = !head;
    if (!head) return;
    document.getElementById("webcare-count").textContent = head.waiting + " wachtend";
    document.getElementById("webcare-note").textContent = head.note;
    const crisis = document.getElementById("webcare-crisis");
    crisis.hidden = !head.crisis;
    crisis.textContent = head.crisis ? "CRISISMODUS" : "";
    crisis.title = head.crisisReason;

    const list = document.getElementById("webcare-queue");
    const items = rows(state, serverNow);
    const nodes = items.map(function (row) {
      const li = el("li", "wq-item wq-" + row.clock);
      li.setAttribute("data-key", row.key);
      const top = el("div", "wq-top");
      top.appendChild(el("span", "wq-clock", row.clockLabel));
      top.appendChild(el("span", "wq-source", row.source));
      top.appendChild(el("span", "wq-author", row.author));
      top.appendChild(el("span", "wq-waited", "wacht " + row.waited));
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
