/*
 * Webcare Realtime — control-room wall.
 *
 * Plain script, no framework, no bundler. Structure:
 *   1. config + i18n       — constants and the label dictionary (Dutch default, ?lang=en)
 *   2. formatting           — numbers, ages, clock, sentiment classes
 *   3. state                — ONE state object, changed only by applySnapshot / applyFrame
 *   4. selectors            — what the view shows, derived from state (top conversations, tiles…)
 *   5. view                 — DOM built with createElement/textContent only (never innerHTML);
 *                             keyed elements are reused, render() runs at most ~4×/s
 *   6. sources of messages  — SignalR hub (/hubs/wall) or, for development, ?demo=fixture
 *   7. boot
 *
 * Every string that comes from the hub (mention text, handles, topics, sources…) is user input and
 * is only ever written with textContent. Links are only made for http(s) URLs.
 *
 * The pure parts (1–4) are exported for Node tests (test/wall.test.js); the browser part only runs
 * when there is a document.
 */
(function (root) {
  "use strict";

  // ---------------------------------------------------------------------------------------------
  // 1. Config + i18n
  // ---------------------------------------------------------------------------------------------

  const CONFIG = Object.freeze({
    hubUrl: "hubs/wall",                 // relative: resolves next to index.html
    ticketUrl: "api/wall/ticket",        // trades the #key for a short-lived hub ticket
    fixtureUrl: "dev/fixture.json",
    maxMentions: 60,
    maxTrackedConversations: 500,
    topConversations: 5,
    maxSourceTiles: 6,
    maxTopicTiles: 12,
    renderIntervalMs: 250,            // at most ~4 renders per second
    tickMs: 1000,                     // relative times and ages
    staleAfterMs: 30000,              // show the data age after this long without a message
    idleRefreshMs: 60000,             // connected but silent this long: ask for a fresh snapshot
    omittedWindowMs: 60000,           // "+N meer" sums omitted mentions over this window
    conversationWindowMs: 10 * 60000, // a conversation not seen for this long is not "spreading"
    tileAgeAfterMs: 60000,            // a tile shows its data's age once nothing new came for this long
    retryDelaysMs: [0, 1000, 2000, 5000, 10000], // then 10 s forever
    retryJitter: 0.2,
    demoFrameIntervalMs: 700,
    maxTextChars: 600,
    newHighlightMs: 4000,
    maxAlertCards: 4,                 // cards on the wall; the rest is "+N meer meldingen"
    alarmSeverity: 7,                 // any open alert at or above this turns the wall red
    resolvedVisibleMs: 10 * 60000,    // a resolved alert stays (dimmed) this long after resolvedAt
    maxExpiredAlerts: 500,            // remembered ids of expired alerts, so late repeats stay out
    maxAlertMentions: 3,
  });

  const MESSAGES = {
    nl: {
      locale: "nl-NL",
      accepted: "Geaccepteerd",
      duplicates: "Duplicaten",
      lastUpdate: "Laatste update",
      river: "Live vermeldingen",
      sources: "Bronnen",
      topics: "Onderwerpen",
      conversations: "Verspreidende gesprekken",
      perHour: "vermeldingen afgelopen uur · netto sentiment",
      lastTenMinutes: "laatste 10 min",
      noMentions: "Nog geen vermeldingen",
      noConversations: "Geen groeiende gesprekken",
      noSources: "Nog geen bronnen",
      noTopics: "Nog geen onderwerpen",
      "conn.connecting": "Verbinden…",
      "conn.connected": "Live",
      "conn.reconnecting": "Opnieuw verbinden…",
      "conn.disconnected": "Verbroken",
      "conn.demo": "Demo (fixture)",
      "conn.unavailable": "SignalR ontbreekt",
      "conn.unauthorized": "Geen toegang",
      "auth.missing": "Deze wall heeft een sleutel nodig: open hem als …/#key=<wall-sleutel>",
      "auth.invalid": "Wall-sleutel geweigerd (onbekend of ingetrokken) — vraag een nieuwe sleutel aan",
      "auth.forbidden": "Deze sleutel mag geen wall openen (scope 'wall' ontbreekt)",
      "auth.profile": "Wall-profiel '{name}' bestaat niet voor deze sleutel",
      profile: "Profiel",
      filtered: "gefilterd",
      banner: "Verbinding verbroken — opnieuw verbinden…",
      bannerUnavailable: "SignalR-client niet geladen (lib/signalr.min.js) — geen live gegevens",
      bannerFixture: "Demo-gegevens konden niet worden geladen",
      bannerAttempt: "poging {n}",
      more: "+{n} meer",
      moreTitle: "vermeldingen in de afgelopen minuut niet getoond",
      followers: "volgers",
      mentions: "vermeldingen",
      negative: "negatief",
      negativeShort: "neg.",
      net: "netto",
      ago: "{t} geleden",
      dataAge: "Gegevens {t} oud",
      authors: "auteurs",
      reach: "bereik",
      perMinute: "/min",
      link: "bron",
      unknownAuthor: "onbekend",
      "sent.Negative": "negatief",
      "sent.Neutral": "neutraal",
      "sent.Positive": "positief",
      "unit.s": "s",
      "unit.min": "min",
      "unit.h": "u",
      "unit.d": "d",
      alerts: "Meldingen",
      noAlerts: "Geen actieve meldingen",
      alertsActive: "{n} actief",
      alertCountOne: "1 actieve melding",
      alertCountMany: "{n} actieve meldingen",
      moreAlerts: "+{n} meer meldingen",
      recentlyResolved: "Opgelost:",
      "state.Raised": "Nieuw",
      "state.Updated": "Bijgewerkt",
      "state.Acknowledged": "Bevestigd",
      "state.Resolved": "Opgelost",
      "scope.topic": "Onderwerp",
      "scope.source": "Bron",
      severity: "ernst",
      alertOpenFor: "sinds {t}",
      resolvedAgo: "{t} geleden",
      incidentStart: "start",
      privateBadge: "privé",
      privateTitle: "Persoonsgegevens of medische details: verder in een privébericht",
    },
    en: {
      locale: "en-GB",
      accepted: "Accepted",
      duplicates: "Duplicates",
      lastUpdate: "Last update",
      river: "Live mentions",
      sources: "Sources",
      topics: "Topics",
      conversations: "Spreading conversations",
      perHour: "mentions last hour · net sentiment",
      lastTenMinutes: "last 10 min",
      noMentions: "No mentions yet",
      noConversations: "No growing conversations",
      noSources: "No sources yet",
      noTopics: "No topics yet",
      "conn.connecting": "Connecting…",
      "conn.connected": "Live",
      "conn.reconnecting": "Reconnecting…",
      "conn.disconnected": "Disconnected",
      "conn.demo": "Demo (fixture)",
      "conn.unavailable": "SignalR missing",
      "conn.unauthorized": "No access",
      "auth.missing": "This wall needs a key: open it as …/#key=<wall key>",
      "auth.invalid": "Wall key refused (unknown or revoked) — ask for a new key",
      "auth.forbidden": "This key may not open a wall (it lacks the 'wall' scope)",
      "auth.profile": "Wall profile '{name}' does not exist for this key",
      profile: "Profile",
      filtered: "filtered",
      banner: "Connection lost — reconnecting…",
      bannerUnavailable: "SignalR client not loaded (lib/signalr.min.js) — no live data",
      bannerFixture: "Demo data could not be loaded",
      bannerAttempt: "attempt {n}",
      more: "+{n} more",
      moreTitle: "mentions in the last minute not shown",
      followers: "followers",
      mentions: "mentions",
      negative: "negative",
      negativeShort: "neg.",
      net: "net",
      ago: "{t} ago",
      dataAge: "Data {t} old",
      authors: "authors",
      reach: "reach",
      perMinute: "/min",
      link: "source",
      unknownAuthor: "unknown",
      "sent.Negative": "negative",
      "sent.Neutral": "neutral",
      "sent.Positive": "positive",
      "unit.s": "s",
      "unit.min": "min",
      "unit.h": "h",
      "unit.d": "d",
      alerts: "Alerts",
      noAlerts: "No active alerts",
      alertsActive: "{n} active",
      alertCountOne: "1 active alert",
      alertCountMany: "{n} active alerts",
      moreAlerts: "+{n} more alerts",
      recentlyResolved: "Resolved:",
      "state.Raised": "New",
      "state.Updated": "Updated",
      "state.Acknowledged": "Acknowledged",
      "state.Resolved": "Resolved",
      "scope.topic": "Topic",
      "scope.source": "Source",
      severity: "severity",
      alertOpenFor: "for {t}",
      resolvedAgo: "{t} ago",
      incidentStart: "start",
      privateBadge: "private",
      privateTitle: "Personal data or medical details: continue in a private message",
    },
  };

  // Alert kinds (alert-kinds.js): labels, colours and figures per kind; loaded before this file, or required in Node.
  const alertKinds = root.WebcareAlertKinds || require("./alert-kinds.js");

  // Source display names in the wall's language (source-names.js), loaded before this file, or required in Node.
  const sourceNames = root.WebcareSourceNames || require("./source-names.js");

  function createI18n(lang) {
    const dict = MESSAGES[lang] || MESSAGES.nl;
    const t = function (key, vars) {
      let s = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key]
        : Object.prototype.hasOwnProperty.call(MESSAGES.nl, key) ? MESSAGES.nl[key] : key;
      if (vars) {
        s = s.replace(/\{(\w+)\}/g, function (m, name) {
          return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : m;
        });
      }
      return s;
    };
    t.lang = MESSAGES[lang] ? lang : "nl";
    t.locale = dict.locale;
    return t;
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Formatting
  // ---------------------------------------------------------------------------------------------

  function createFormat(t) {
    const integer = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(t.locale, { notation: "compact", maximumFractionDigits: 1 });
    const signed2 = new Intl.NumberFormat(t.locale, {
      minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero",
    });
    const decimal1 = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const upTo1 = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 });
    const clock = new Intl.DateTimeFormat(t.locale, {
      hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
    });
    const minus = function (s) { return s.replace("-", "\u2212"); };

    return {
      int: function (n) { return isFiniteNumber(n) ? minus(integer.format(n)) : "–"; },
      compact: function (n) { return isFiniteNumber(n) ? compact.format(n) : "–"; },
      /** Net sentiment −1..1 as "+0,42" / "−0,42"; null (no opinions) as "–". */
      net: function (x) { return isFiniteNumber(x) ? minus(signed2.format(x)) : "–"; },
      decimal1: function (n) { return isFiniteNumber(n) ? decimal1.format(n) : "–"; },
      /** "3", "2,6", "42": at most one decimal, none below 10 % of a unit. */
      rate: function (n) { return isFiniteNumber(n) ? minus(n >= 10 ? integer.format(n) : upTo1.format(n)) : "–"; },
      clock: function (ms) { return ms ? clock.format(new Date(ms)) : "--:--:--"; },
      /** A duration as "12 s", "3 min", "2 u", "4 d". */
      age: function (ms) {
        if (!isFiniteNumber(ms)) return "–";
        const s = Math.max(0, Math.floor(ms / 1000));
        if (s < 60) return s + " " + t("unit.s");
        const m = Math.floor(s / 60);
        if (m < 60) return m + " " + t("unit.min");
        const h = Math.floor(m / 60);
        if (h < 48) return h + " " + t("unit.h");
        return Math.floor(h / 24) + " " + t("unit.d");
      },
    };
  }

  function isFiniteNumber(n) {
    return typeof n === "number" && isFinite(n);
  }

  /** "neg" | "neu" | "pos" from a WallMention label (falls back on the score). */
  function labelClass(label, score) {
    if (label === "Negative") return "neg";
    if (label === "Positive") return "pos";
    if (label === "Neutral") return "neu";
    return netClass(score);
  }

  /** "neg" | "neu" | "pos" | "none" for a net sentiment −1..1 (null: nothing opinionated). */
  function netClass(x) {
    if (!isFiniteNumber(x)) return "none";
    if (x <= -0.2) return "neg";
    if (x >= 0.2) return "pos";
    return "neu";
  }

  const CLASS_LABEL = { neg: "Negative", neu: "Neutral", pos: "Positive", none: "Neutral" };

  /** The URL to link to, or null: only absolute http(s) URLs become links. */
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    const trimmed = url.trim();
    if (!/^https?:\/\//i.test(trimmed)) return null;
    try {
      const parsed = new URL(trimmed);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function sourceName(key, lang) {
    return sourceNames.sourceName(key, lang);
  }

  function handleText(m, t) {
    const handle = typeof m.authorHandle === "string" ? m.authorHandle.trim() : "";
    if (handle) return handle.charAt(0) === "@" ? handle : "@" + handle;
    const name = typeof m.authorName === "string" ? m.authorName.trim() : "";
    return name || t("unknownAuthor");
  }

  function clip(text, max) {
    const s = typeof text === "string" ? text : text == null ? "" : String(text);
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
  }

  function parseTime(value) {
    if (typeof value !== "string" && typeof value !== "number") return NaN;
    const ms = typeof value === "number" ? value : Date.parse(value);
    return isFinite(ms) ? ms : NaN;
  }

  // ---------------------------------------------------------------------------------------------
  // 3. State — the single source of truth. Only these functions change it.
  // ---------------------------------------------------------------------------------------------

  function createState() {
    return {
      mentions: [],                // WallMention, newest first, at most CONFIG.maxMentions
      mentionKeys: new Set(),      // source + "\u0000" + id of everything in `mentions`
      sources: new Map(),          // key → ActivitySummary
      topics: new Map(),           // key → ActivitySummary
      conversations: new Map(),    // key → ConversationSummary
      totals: null,                // { accepted, duplicates, rejected }
      totalsStamp: -Infinity,      // server time (ms) of `totals`
      omitted: [],                 // [{ at: local ms, count }]
      lastSequence: null,
      snapshots: 0,
      frames: 0,
      lastMessageAt: 0,            // local ms of the last snapshot/frame
      serverSkewMs: 0,             // server clock − local clock, from asOf/sentAt
      version: 0,                  // bumped on every change; the view compares it
      connection: { status: "connecting", attempt: 0, detail: "" },
      alerts: new Map(),           // id → Alert (open, and resolved until hidden)
      expiredAlerts: new Map(),    // id → stamp of the version that expired (late repeats stay out)
      filter: createFilter(),      // the wall profile: which topics and sources this wall shows
    };
  }

  // Wall profile ------------------------------------------------------------------------------------

  /**
   * Which topics and sources a wall shows (from ?topics=a,b&sources=x, or a saved profile the hub hands
   * out). null means "all". Topics compare without case; source keys are lower case on the server.
   */
  function createFilter(topics, sources, name) {
    const set = function (list, lower) {
      const items = (Array.isArray(list) ? list : []).map(function (x) { return String(x).trim(); })
        .filter(function (x) { return x !== ""; }).map(function (x) { return lower ? x.toLowerCase() : x; });
      return items.length ? new Set(items) : null;
    };
    return { topics: set(topics, true), sources: set(sources, true), name: name || "" };
  }

  function topicPasses(filter, topic) {
    return !filter.topics || (typeof topic === "string" && filter.topics.has(topic.toLowerCase()));
  }

  function sourcePasses(filter, source) {
    return !filter.sources || (typeof source === "string" && filter.sources.has(source.toLowerCase()));
  }

  /** A mention shows when its source is wanted and (with a topic filter) one of its topics is. */
  function mentionPasses(filter, m) {
    if (!sourcePasses(filter, m.source)) return false;
    if (!filter.topics) return true;
    return Array.isArray(m.topics) && m.topics.some(function (t) { return topicPasses(filter, t); });
  }

  function alertPasses(filter, a) {
    return a.scope === "source" ? sourcePasses(filter, a.subject) : topicPasses(filter, a.subject);
  }

  function mentionKey(m) {
    return m.source + "\u0000" + m.id;
  }

  function isMention(m) {
    return m !== null && typeof m === "object" && typeof m.source === "string" && m.id != null && m.id !== "";
  }

  function normalizeMention(m) {
    return Object.assign({}, m, {
      id: String(m.id),
      topics: Array.isArray(m.topics) ? m.topics.filter(function (x) { return typeof x === "string"; }) : [],
      privacySensitive: m.privacySensitive === true,
      pii: Array.isArray(m.pii) ? m.pii.filter(function (x) { return typeof x === "string"; }) : [],
      categories: Array.isArray(m.categories) ? m.categories.filter(function (x) { return typeof x === "string"; }) : [],
    });
  }

  // Alerts --------------------------------------------------------------------------------------

  const ALERT_STATES = ["Raised", "Updated", "Acknowledged", "Resolved"];

  function isAlert(a) {
    return a !== null && typeof a === "object" && typeof a.id === "string" && a.id !== "";
  }

  function normalizeAlert(a) {
    const severity = Math.round(Number(a.severity));
    const state = ALERT_STATES.indexOf(a.state) >= 0 ? a.state : "Raised";
    return Object.assign({}, a, {
      kind: alertKinds.wireName(a.kind),
      severity: isFinite(severity) ? Math.min(10, Math.max(1, severity)) : 1,
      state: state,
      // isOpen follows the state (the server's IsOpen is derived from it too).
      isOpen: state !== "Resolved",
      minuteVolume: Array.isArray(a.minuteVolume) ? a.minuteVolume.map(function (v) { return Math.max(0, Number(v) || 0); }) : [],
      firstMentions: (Array.isArray(a.firstMentions) ? a.firstMentions : [])
        .filter(isMention).slice(0, CONFIG.maxAlertMentions).map(normalizeMention),
    });
  }

  function alertStamp(a) {
    const t = parseTime(a && a.updatedAt);
    return isFinite(t) ? t : -Infinity;
  }

  /** true when `incoming` is not older than `existing`: a later updatedAt wins; on a tie, the later state. */
  function alertIsNewer(incoming, existing) {
    const a = alertStamp(incoming);
    const b = alertStamp(existing);
    if (a !== b) return a > b;
    return ALERT_STATES.indexOf(incoming.state) >= ALERT_STATES.indexOf(existing.state);
  }

  /** Server time (ms) after which a resolved alert leaves the wall; Infinity while open. */
  function alertHiddenAt(a) {
    if (a.isOpen) return Infinity;
    const resolved = parseTime(a.resolvedAt);
    const at = isFinite(resolved) ? resolved : alertStamp(a);
    return isFinite(at) ? at + CONFIG.resolvedVisibleMs : -Infinity;
  }

  function upsertAlerts(state, list) {
    if (!Array.isArray(list)) return 0;
    let changed = 0;
    for (const raw of list) {
      if (!isAlert(raw)) continue;
      const a = normalizeAlert(raw);
      const expired = state.expiredAlerts.get(a.id);
      if (expired != null && alertStamp(a) <= expired) continue;
      const existing = state.alerts.get(a.id);
      if (existing && !alertIsNewer(a, existing)) continue;
      state.alerts.set(a.id, a);
      changed++;
    }
    return changed;
  }

  /**
   * Forgets resolved alerts whose ten minutes are over (server time), remembering their id and stamp so a
   * late frame repeating an old version cannot bring them back. Returns how many went.
   */
  function pruneAlerts(state, serverNow) {
    let removed = 0;
    for (const [id, a] of state.alerts) {
      if (alertHiddenAt(a) > serverNow) continue;
      state.alerts.delete(id);
      state.expiredAlerts.delete(id);
      state.expiredAlerts.set(id, alertStamp(a));
      removed++;
    }
    while (state.expiredAlerts.size > CONFIG.maxExpiredAlerts) {
      state.expiredAlerts.delete(state.expiredAlerts.keys().next().value);
    }
    if (removed) state.version++;
    return removed;
  }

  function summaryStamp(s) {
    const t = parseTime(s && s.asOf);
    return isFinite(t) ? t : -Infinity;
  }

  /** Puts `incoming` under its key unless what is there is newer (frames may repeat older data). */
  function upsertByKey(map, list) {
    if (!Array.isArray(list)) return 0;
    let changed = 0;
    for (const item of list) {
      if (!item || typeof item.key !== "string") continue;
      const existing = map.get(item.key);
      if (existing && summaryStamp(existing) > summaryStamp(item)) continue;
      map.set(item.key, item);
      changed++;
    }
    return changed;
  }

  function mapByKey(list) {
    const map = new Map();
    upsertByKey(map, list);
    return map;
  }

  function trimConversations(map) {
    const excess = map.size - CONFIG.maxTrackedConversations;
    if (excess <= 0) return;
    const oldest = Array.from(map.values())
      .sort(function (a, b) { return (parseTime(a.lastSeen) || 0) - (parseTime(b.lastSeen) || 0); })
      .slice(0, excess);
    for (const c of oldest) map.delete(c.key);
  }

  function noteServerTime(state, serverTime, receivedAt) {
    const ms = parseTime(serverTime);
    if (isFinite(ms)) state.serverSkewMs = ms - receivedAt;
  }

  /** `snapshot`: replaces everything. Safe to apply any number of times. */
  function applySnapshot(state, snapshot, receivedAt) {
    if (!snapshot || typeof snapshot !== "object") return state;
    const now = receivedAt == null ? Date.now() : receivedAt;

    const mentions = [];
    const keys = new Set();
    for (const raw of Array.isArray(snapshot.mentions) ? snapshot.mentions : []) {
      if (!isMention(raw)) continue;
      const m = normalizeMention(raw);
      if (!mentionPasses(state.filter, m)) continue;
      const key = mentionKey(m);
      if (keys.has(key)) continue;
      keys.add(key);
      mentions.push(m);
      if (mentions.length >= CONFIG.maxMentions) break;
    }
    state.mentions = mentions;
    state.mentionKeys = keys;
    state.sources = mapByKey(snapshot.sources);
    state.topics = mapByKey(snapshot.topics);
    state.conversations = mapByKey(snapshot.conversations);
    trimConversations(state.conversations);
    // The snapshot's alerts are the whole truth (open ones + resolved in the last hour).
    // Tombstones of expired alerts are kept: a late frame must not bring one back.
    state.alerts = new Map();
    upsertAlerts(state, snapshot.alerts);
    state.totals = snapshot.totals || null;
    state.totalsStamp = isFinite(parseTime(snapshot.asOf)) ? parseTime(snapshot.asOf) : -Infinity;
    state.omitted = [];
    state.lastSequence = null;
    state.snapshots++;
    state.lastMessageAt = now;
    noteServerTime(state, snapshot.asOf, now);
    state.version++;
    return state;
  }

  /** `frame`: only what changed since the previous frame. Repeats are harmless. */
  function applyFrame(state, frame, receivedAt) {
    if (!frame || typeof frame !== "object") return state;
    const now = receivedAt == null ? Date.now() : receivedAt;

    // Mentions arrive oldest first: walking them in order and putting each on top leaves the newest on top.
    const fresh = [];
    for (const raw of Array.isArray(frame.mentions) ? frame.mentions : []) {
      if (!isMention(raw)) continue;
      const m = normalizeMention(raw);
      if (!mentionPasses(state.filter, m)) continue;
      const key = mentionKey(m);
      if (state.mentionKeys.has(key)) continue;
      state.mentionKeys.add(key);
      fresh.push(m);
    }
    if (fresh.length) {
      fresh.reverse();
      state.mentions = fresh.concat(state.mentions);
      if (state.mentions.length > CONFIG.maxMentions) {
        for (const dropped of state.mentions.slice(CONFIG.maxMentions)) state.mentionKeys.delete(mentionKey(dropped));
        state.mentions = state.mentions.slice(0, CONFIG.maxMentions);
      }
    }

    const omitted = Number(frame.omittedMentions);
    if (omitted > 0 && isFinite(omitted)) state.omitted.push({ at: now, count: omitted });
    pruneOmitted(state, now);

    upsertByKey(state.sources, frame.sources);
    upsertByKey(state.topics, frame.topics);
    upsertByKey(state.conversations, frame.conversations);
    trimConversations(state.conversations);
    upsertAlerts(state, frame.alerts); // only the alerts that changed; upsert by id, never back in time

    const stamp = parseTime(frame.sentAt);
    if (frame.totals && (!isFinite(stamp) || stamp >= state.totalsStamp)) {
      state.totals = frame.totals;
      if (isFinite(stamp)) state.totalsStamp = stamp;
    }
    if (frame.sequence != null) state.lastSequence = frame.sequence;
    state.frames++;
    state.lastMessageAt = now;
    noteServerTime(state, frame.sentAt, now);
    state.version++;
    return state;
  }

  function pruneOmitted(state, now) {
    const since = now - CONFIG.omittedWindowMs;
    while (state.omitted.length && state.omitted[0].at <= since) state.omitted.shift();
  }

  /** Applies a wall profile: the river keeps only what passes; the next snapshot fills it again. */
  function setFilter(state, filter) {
    state.filter = filter;
    state.mentions = state.mentions.filter(function (m) { return mentionPasses(filter, m); });
    state.mentionKeys = new Set(state.mentions.map(mentionKey));
    state.version++;
    return state;
  }

  function setConnection(state, status, attempt, detail) {
    state.connection = { status: status, attempt: attempt || 0, detail: detail || "" };
    state.version++;
    return state;
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Selectors
  // ---------------------------------------------------------------------------------------------

  function omittedInWindow(state, now) {
    const since = now - CONFIG.omittedWindowMs;
    let sum = 0;
    for (const o of state.omitted) if (o.at > since) sum += o.count;
    return sum;
  }

  function sourceTiles(state) {
    return Array.from(state.sources.values())
      .filter(function (s) { return sourcePasses(state.filter, s.key); })
      .sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; })
      .slice(0, CONFIG.maxSourceTiles);
  }

  function lastHourVolume(s) {
    return (s.lastHour && Number(s.lastHour.volume)) || 0;
  }

  function topicTiles(state) {
    return Array.from(state.topics.values())
      .filter(function (s) { return topicPasses(state.filter, s.key); })
      .sort(function (a, b) {
        return lastHourVolume(b) - lastHourVolume(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      })
      .slice(0, CONFIG.maxTopicTiles);
  }

  /**
   * Top conversations by lastTenMinutes (then reach, lastSeen, key — as ConversationRanking on the
   * server). A conversation not seen for ten minutes (server time) is no longer spreading, even if its
   * last summary said so: summaries are only re-sent when something new arrives.
   */
  function topConversations(state, serverNow) {
    return Array.from(state.conversations.values())
      .filter(function (c) {
        if (!(Number(c.lastTenMinutes) > 0) || !sourcePasses(state.filter, c.source)) return false;
        const lastSeen = parseTime(c.lastSeen);
        return !isFinite(lastSeen) || serverNow - lastSeen < CONFIG.conversationWindowMs;
      })
      .sort(function (a, b) {
        return (b.lastTenMinutes - a.lastTenMinutes)
          || ((b.reach || 0) - (a.reach || 0))
          || ((parseTime(b.lastSeen) || 0) - (parseTime(a.lastSeen) || 0))
          || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      })
      .slice(0, CONFIG.topConversations);
  }

  /**
   * The alerts the wall shows, in order: open ones first (severity high→low, then the newest opened),
   * then resolved ones (most recently resolved first) until ten minutes after resolvedAt.
   */
  function visibleAlerts(state, serverNow) {
    return Array.from(state.alerts.values())
      .filter(function (a) { return alertHiddenAt(a) > serverNow && alertPasses(state.filter, a); })
      .sort(compareAlerts);
  }

  function compareAlerts(a, b) {
    if (a.isOpen !== b.isOpen) return a.isOpen ? -1 : 1;
    if (a.isOpen) {
      return (b.severity - a.severity)
        || ((parseTime(b.openedAt) || 0) - (parseTime(a.openedAt) || 0))
        || (alertStamp(b) - alertStamp(a))
        || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    }
    return ((parseTime(b.resolvedAt) || 0) - (parseTime(a.resolvedAt) || 0))
      || (b.severity - a.severity)
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /**
   * What the alerts area shows: up to maxAlertCards cards, how many more there are, the open count and
   * whether the wall is red (an open alert with severity ≥ alarmSeverity; acknowledged ones are still open).
   */
  function alertSummary(state, serverNow) {
    const list = visibleAlerts(state, serverNow);
    const open = list.filter(function (a) { return a.isOpen; });
    return {
      cards: list.slice(0, CONFIG.maxAlertCards),
      more: Math.max(0, list.length - CONFIG.maxAlertCards),
      open: open.length,
      resolved: list.length - open.length,
      maxSeverity: open.reduce(function (m, a) { return Math.max(m, a.severity); }, 0),
      alarm: isAlarm(open),
    };
  }

  function isAlarm(alerts) {
    return alerts.some(function (a) { return a.isOpen && a.severity >= CONFIG.alarmSeverity; });
  }

  /** 1..10 → "high" (≥ alarmSeverity), "mid" (≥ 4) or "low". */
  function severityClass(severity) {
    return severity >= CONFIG.alarmSeverity ? "high" : severity >= 4 ? "mid" : "low";
  }

  /**
   * Index in minuteVolume (oldest first, the last bucket is the minute of updatedAt) of the minute the
   * incident opened; null when that is before the chart's hour or unknown.
   */
  function incidentStartIndex(a) {
    const n = Array.isArray(a.minuteVolume) ? a.minuteVolume.length : 0;
    const opened = parseTime(a.openedAt);
    const updated = parseTime(a.updatedAt);
    if (!n || !isFinite(opened) || !isFinite(updated)) return null;
    const index = n - 1 - Math.floor(Math.max(0, updated - opened) / 60000);
    return index >= 0 ? index : null;
  }

  /**
   * Why the hub refused this wall, from a failed (re)connect: "missing" (no key, and the server wants one),
   * "invalid" (unknown key) or "forbidden" (a key without the wall scope); null for network trouble.
   */
  function authProblem(err, hasKey) {
    // SignalR wraps a failed negotiate (and a refused ticket inside it) in an error that keeps only the
    // message, e.g. "…: Status code '401'" or "…: Error: ticket refused: 401".
    const found = /(?:Status code '|ticket refused: )(\d{3})/.exec(err && err.message || "");
    const status = err && err.statusCode ? Number(err.statusCode) : found ? Number(found[1]) : 0;
    if (status === 401) return hasKey ? "invalid" : "missing";
    if (status === 403) return "forbidden";
    return null;
  }

  /** Automatic-reconnect policy: never gives up, backs off to 10 s (with a little jitter). */
  function createRetryPolicy(delays, jitter, random) {
    const table = delays && delays.length ? delays : CONFIG.retryDelaysMs;
    const spread = jitter == null ? CONFIG.retryJitter : jitter;
    const rnd = random || Math.random;
    return {
      nextRetryDelayInMilliseconds: function (retryContext) {
        const n = retryContext && retryContext.previousRetryCount ? retryContext.previousRetryCount : 0;
        const base = table[Math.min(n, table.length - 1)];
        return Math.round(base * (1 + spread * rnd()));
      },
    };
  }

  const core = {
    CONFIG: CONFIG,
    MESSAGES: MESSAGES,
    createI18n: createI18n,
    createFormat: createFormat,
    createState: createState,
    applySnapshot: applySnapshot,
    applyFrame: applyFrame,
    setConnection: setConnection,
    createFilter: createFilter,
    setFilter: setFilter,
    mentionPasses: mentionPasses,
    authProblem: authProblem,
    omittedInWindow: omittedInWindow,
    sourceTiles: sourceTiles,
    topicTiles: topicTiles,
    topConversations: topConversations,
    visibleAlerts: visibleAlerts,
    alertSummary: alertSummary,
    pruneAlerts: pruneAlerts,
    isAlarm: isAlarm,
    severityClass: severityClass,
    incidentStartIndex: incidentStartIndex,
    createRetryPolicy: createRetryPolicy,
    safeUrl: safeUrl,
    labelClass: labelClass,
    netClass: netClass,
    sourceName: sourceName,
    readParams: readParams,
  };

  if (typeof module === "object" && module.exports) module.exports = core;
  root.WebcareWall = core;
  if (typeof document === "undefined") return;

  // ---------------------------------------------------------------------------------------------
  // 5. View
  // ---------------------------------------------------------------------------------------------

  /** createElement with a class and optional text (always textContent). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function setText(node, text) {
    const s = text == null ? "" : String(text);
    if (node.textContent !== s) node.textContent = s;
  }

  function setHidden(node, hidden) {
    if (node.hidden !== hidden) node.hidden = hidden;
  }

  /** A shape as well as a colour, so sentiment is readable without colour vision. */
  function sentimentIcon(cls, t) {
    const icon = el("span", "sent-icon sent-" + cls);
    icon.setAttribute("role", "img");
    icon.setAttribute("aria-label", t("sent." + CLASS_LABEL[cls]));
    return icon;
  }

  function setSentimentIcon(icon, cls, t) {
    const name = "sent-icon sent-" + cls;
    if (icon.className !== name) {
      icon.className = name;
      icon.setAttribute("aria-label", t("sent." + CLASS_LABEL[cls]));
    }
  }

  function createView(doc, t) {
    const byId = function (id) { return doc.getElementById(id); };
    return {
      t: t,
      fmt: createFormat(t),
      wall: byId("wall"),
      conn: byId("conn"),
      connLabel: byId("conn-label"),
      demoBadge: byId("demo-badge"),
      profileBadge: byId("profile-badge"),
      totalAccepted: byId("total-accepted"),
      totalDuplicates: byId("total-duplicates"),
      clock: byId("updated-clock"),
      dataAge: byId("data-age"),
      banner: byId("banner"),
      bannerText: byId("banner-text"),
      river: byId("river"),
      riverEmpty: byId("river-empty"),
      omitted: byId("omitted"),
      sources: byId("sources"),
      topics: byId("topics"),
      convos: byId("convos"),
      convosEmpty: byId("convos-empty"),
      colMain: byId("col-main"),
      colSide: byId("col-side"),
      convoPanel: byId("convo-panel"),
      alertsPanel: byId("alerts-panel"),
      alertsCount: byId("alerts-count"),
      alertsMore: byId("alerts-more"),
      alertsResolved: byId("alerts-resolved"),
      alertCards: byId("alert-cards"),
      alarmStatus: byId("alarm-status"),
      alarmText: byId("alarm-text"),
      alertEls: new Map(),       // alert id → card parts
      alertMode: "",             // "none" | "open": which layout is in place
      mentionEls: new Map(),     // mention key → { li, time }
      tileEls: new Map(),        // "source:"/"topic:" + key → tile parts
      renderedSnapshots: 0,      // to tell a first paint from live arrivals
      lastRenderAt: 0,
      renders: 0,
      renderQueued: false,
      sparkSize: "",             // last layout size, to redraw sparklines after a resize
    };
  }

  function applyStaticLabels(doc, t) {
    doc.documentElement.lang = t.lang;
    for (const node of doc.querySelectorAll("[data-i18n]")) setText(node, t(node.getAttribute("data-i18n")));
  }

  function render(state, view, localNow) {
    const serverNow = localNow + state.serverSkewMs;
    renderHeader(state, view, localNow);
    renderAlerts(state, view, localNow, serverNow); // first: it decides the layout the others fill
    renderRiver(state, view, localNow, serverNow);
    renderTiles(view, view.sources, "source", sourceTiles(state), serverNow);
    renderTiles(view, view.topics, "topic", topicTiles(state), serverNow);
    pruneTiles(view, state);
    renderConversations(state, view, serverNow);
    notifyPlugins("render", serverNow);
    view.renderedSnapshots = state.snapshots;
  }

  function renderHeader(state, view, now) {
    const t = view.t;
    const fmt = view.fmt;
    const c = state.connection;

    view.conn.setAttribute("data-state", c.status);
    setText(view.connLabel, t("conn." + c.status));
    setHidden(view.demoBadge, c.status !== "demo");
    // A filtered wall says so, so nobody reads a quiet screen as a quiet day.
    const f = state.filter;
    const filtered = !!(f.topics || f.sources);
    setHidden(view.profileBadge, !filtered);
    if (filtered) {
      setText(view.profileBadge, f.name ? t("profile") + ": " + f.name : t("filtered"));
      view.profileBadge.title = [f.topics ? Array.from(f.topics).join(", ") : "", f.sources ? Array.from(f.sources).join(", ") : ""]
        .filter(Boolean).join(" · ");
    }

    setText(view.totalAccepted, state.totals ? fmt.int(state.totals.accepted) : "–");
    setText(view.totalDuplicates, state.totals ? fmt.int(state.totals.duplicates) : "–");
    setText(view.clock, fmt.clock(state.lastMessageAt));

    const age = state.lastMessageAt ? now - state.lastMessageAt : NaN;
    const stale = c.status !== "demo" && isFinite(age) && age > CONFIG.staleAfterMs;
    setHidden(view.dataAge, !stale);
    if (stale) setText(view.dataAge, t("dataAge", { t: fmt.age(age) }));
    // Quiet-but-connected only shows the age; the panels dim when the data can no longer be trusted.
    view.wall.classList.toggle("is-stale", c.status !== "connected" && c.status !== "demo");

    const down = c.status === "reconnecting" || c.status === "disconnected" || c.status === "unavailable"
      || c.status === "unauthorized";
    setHidden(view.banner, !down);
    view.banner.setAttribute("data-kind", c.status === "unauthorized" ? "auth" : "link");
    if (down) {
      let text = c.status === "unavailable" ? t("bannerUnavailable")
        : c.status === "unauthorized" ? t("auth." + c.detail, { name: state.filter.name })
        : c.detail === "fixture" ? t("bannerFixture") : t("banner");
      if (c.attempt > 1 && c.status !== "unavailable" && c.status !== "unauthorized") text += "  (" + t("bannerAttempt", { n: c.attempt }) + ")";
      setText(view.bannerText, text);
    }
  }

  // River ---------------------------------------------------------------------------------------

  function buildMention(m, view) {
    const t = view.t;
    const fmt = view.fmt;
    const cls = labelClass(m.label, m.sentiment);
    const li = el("li", "mention sent-" + cls);
    li.appendChild(el("span", "mention-bar"));

    const body = el("div", "mention-body");
    const meta = el("div", "mention-meta");
    meta.appendChild(sentimentIcon(cls, t));
    meta.appendChild(el("span", "chip chip-source", sourceName(m.source, t.lang)));
    meta.appendChild(el("span", "mention-author", handleText(m, t)));
    const followers = Number(m.followers);
    if (followers > 0) meta.appendChild(el("span", "mention-followers", fmt.compact(followers) + " " + t("followers")));
    if (m.privacySensitive) meta.appendChild(privateBadge(t));
    // Complaint categories (categories.js): short text badges, the full name as a tooltip.
    const categories = root.webcareCategories;
    if (categories) {
      for (const b of categories.categoryBadges(m.categories, t.lang)) {
        const badge = el("span", b.compliment ? "badge-category is-compliment" : "badge-category", b.text);
        badge.title = b.title;
        meta.appendChild(badge);
      }
    }
    const time = el("span", "mention-time");
    meta.appendChild(time);
    body.appendChild(meta);

    body.appendChild(el("p", "mention-text", clip(m.text, CONFIG.maxTextChars)));

    const url = safeUrl(m.url);
    if (m.topics.length || url) {
      const foot = el("div", "mention-foot");
      for (const topic of m.topics.slice(0, 4)) foot.appendChild(el("span", "chip chip-topic", topic));
      if (url) {
        const a = el("a", "mention-link", t("link") + " \u2197");
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        foot.appendChild(a);
      }
      body.appendChild(foot);
    }
    li.appendChild(body);
    return { li: li, time: time, created: mentionTime(m) };
  }

  function mentionTime(m) {
    const created = parseTime(m.createdAt);
    return isFinite(created) ? created : parseTime(m.receivedAt);
  }

  function renderRiver(state, view, localNow, serverNow) {
    const firstPaint = view.renderedSnapshots === 0 || state.snapshots !== view.renderedSnapshots;
    const wanted = new Set();
    let index = 0;
    for (const m of state.mentions) {
      const key = mentionKey(m);
      wanted.add(key);
      let item = view.mentionEls.get(key);
      if (!item) {
        item = buildMention(m, view);
        view.mentionEls.set(key, item);
        if (!firstPaint) {
          item.li.classList.add("is-new");
          item.newUntil = localNow + CONFIG.newHighlightMs;
        }
      }
      if (item.newUntil && localNow > item.newUntil) {
        item.li.classList.remove("is-new");
        item.newUntil = 0;
      }
      setText(item.time, isFinite(item.created) ? view.fmt.age(serverNow - item.created) : "");
      const at = view.river.children[index];
      if (at !== item.li) view.river.insertBefore(item.li, at || null);
      index++;
    }
    for (const [key, item] of view.mentionEls) {
      if (wanted.has(key)) continue;
      item.li.remove();
      view.mentionEls.delete(key);
    }
    setHidden(view.riverEmpty, state.mentions.length > 0);

    const omitted = omittedInWindow(state, localNow);
    setHidden(view.omitted, omitted <= 0);
    if (omitted > 0) {
      setText(view.omitted, view.t("more", { n: view.fmt.int(omitted) }));
      view.omitted.title = view.t("moreTitle");
    }
  }

  /** "privé": the mention holds personal or medical details; the answer belongs in a private message. */
  function privateBadge(t) {
    const badge = el("span", "badge-private", t("privateBadge"));
    badge.title = t("privateTitle");
    badge.setAttribute("aria-label", t("privateTitle"));
    return badge;
  }

  // Alerts --------------------------------------------------------------------------------------

  function alertSubject(a, lang) {
    const subject = typeof a.subject === "string" ? a.subject : "";
    return a.scope === "source" ? sourceName(subject, lang) : subject || "?";
  }

  function buildAlertCard(view) {
    const t = view.t;
    const li = el("li", "alert-card");
    const sev = el("div", "alert-sev");
    const sevValue = el("span", "alert-sev-value");
    sev.appendChild(sevValue);
    sev.appendChild(el("span", "alert-sev-label", t("severity")));
    const sevBar = el("span", "sev-bar");
    sevBar.setAttribute("aria-hidden", "true");
    for (let i = 0; i < 10; i++) sevBar.appendChild(el("span", "sev-seg"));
    sev.appendChild(sevBar);
    const stateChip = el("span", "alert-state");
    sev.appendChild(stateChip);
    const age = el("span", "alert-age");
    sev.appendChild(age);
    li.appendChild(sev);

    const body = el("div", "alert-body");
    const top = el("div", "alert-top");
    const kind = el("span", "alert-kind");
    const subject = el("span", "alert-subject");
    const scope = el("span", "alert-scope");
    const name = el("span", "alert-name");
    name.appendChild(subject);
    name.appendChild(scope);
    top.appendChild(kind);
    top.appendChild(name);
    body.appendChild(top);

    const headline = el("p", "alert-headline");
    body.appendChild(headline);

    const figures = el("div", "alert-figures");
    const rate = el("span", "alert-rate");
    const peak = el("span", "alert-peak");
    figures.appendChild(rate);
    figures.appendChild(peak);
    body.appendChild(figures);

    const why = el("div", "alert-why"); // top terms, most shared, net sentiment (alert-explain.js)
    body.appendChild(why);

    const chart = el("canvas", "alert-chart");
    chart.setAttribute("aria-hidden", "true");
    body.appendChild(chart);

    const mentions = el("ol", "alert-mentions");
    body.appendChild(mentions);
    li.appendChild(body);
    return {
      li: li, sevValue: sevValue, sevBar: sevBar, kind: kind, scope: scope, subject: subject,
      stateChip: stateChip, age: age, headline: headline, rate: rate, peak: peak, chart: chart,
      mentions: mentions, why: why, alert: null, drawn: null, drawnSize: "",
    };
  }

  function updateAlertCard(parts, a, view, serverNow) {
    const t = view.t;
    const fmt = view.fmt;
    const sevCls = severityClass(a.severity);
    parts.li.className = "alert-card sev-" + sevCls + " state-" + a.state.toLowerCase()
      + " kind-" + alertKinds.styleOf(a.kind) + (a.isOpen ? " is-open" : " is-resolved")
      + (parts.li.classList.contains("is-new") ? " is-new" : "");
    setText(parts.sevValue, String(a.severity));
    const segs = parts.sevBar.children;
    for (let i = 0; i < segs.length; i++) segs[i].classList.toggle("on", i < a.severity);

    if (parts.alert !== a) {
      setText(parts.kind, alertKinds.label(a.kind, t.lang));
      setText(parts.scope, t(a.scope === "source" ? "scope.source" : "scope.topic"));
      setText(parts.subject, alertSubject(a, t.lang));
      parts.subject.title = typeof a.subject === "string" ? a.subject : "";
      setText(parts.stateChip, t("state." + a.state));
      setText(parts.headline, clip(alertKinds.headline(a, t.lang, fmt), 240));
      const figures = alertKinds.figures(a, t.lang, fmt);
      setText(parts.rate, figures.rate);
      setText(parts.peak, figures.peak);
      const items = a.firstMentions.map(function (m) {
        const li = el("li", "alert-mention sent-" + labelClass(m.label, m.sentiment));
        li.appendChild(el("span", "alert-mention-author", handleText(m, t)));
        if (m.privacySensitive) li.appendChild(privateBadge(t));
        li.appendChild(el("span", "alert-mention-text", clip(m.text, 300)));
        return li;
      });
      parts.mentions.replaceChildren.apply(parts.mentions, items);
      if (root.WebcareAlertExplain) root.WebcareAlertExplain.render(parts.why, a, t.lang);
      parts.alert = a;
    }

    // Open: how long the incident has run; resolved: how long ago it ended.
    const opened = parseTime(a.openedAt);
    const resolved = parseTime(a.resolvedAt);
    setText(parts.age, a.isOpen
      ? (isFinite(opened) ? fmt.age(serverNow - opened) : "")
      : (isFinite(resolved) ? t("resolvedAgo", { t: fmt.age(serverNow - resolved) }) : ""));
  }

  function renderAlerts(state, view, localNow, serverNow) {
    const t = view.t;
    const fmt = view.fmt;
    const summary = alertSummary(state, serverNow);
    const firstPaint = view.renderedSnapshots === 0 || state.snapshots !== view.renderedSnapshots;

    // Layout: with open alerts the cards take the top of the right column and the conversations move
    // under the river; without, the panel is a slim bar and everything stays where it was.
    const mode = summary.open > 0 ? "open" : "none";
    if (mode !== view.alertMode) {
      view.alertMode = mode;
      view.wall.classList.toggle("has-alerts", mode === "open");
      view.alertsPanel.setAttribute("data-state", mode);
      const column = mode === "open" ? view.colMain : view.colSide;
      if (view.convoPanel.parentNode !== column) column.appendChild(view.convoPanel);
    }
    view.wall.classList.toggle("is-alarm", summary.alarm);
    setHidden(view.alarmStatus, !summary.alarm);
    if (summary.alarm) {
      setText(view.alarmText, t(summary.open === 1 ? "alertCountOne" : "alertCountMany", { n: fmt.int(summary.open) }));
    }

    setText(view.alertsCount, summary.open > 0 ? t("alertsActive", { n: fmt.int(summary.open) }) : t("noAlerts"));
    setHidden(view.alertsMore, summary.more <= 0 || mode !== "open");
    if (summary.more > 0) setText(view.alertsMore, t("moreAlerts", { n: fmt.int(summary.more) }));

    // Slim bar: recently resolved alerts as small chips, so the last incident does not vanish at once.
    const resolvedChips = mode === "none"
      ? visibleAlerts(state, serverNow).slice(0, 3).map(function (a) {
        const chip = el("li", "resolved-chip");
        chip.appendChild(el("span", "resolved-chip-label", t("state.Resolved")));
        chip.appendChild(el("span", "resolved-chip-subject", alertSubject(a, t.lang)));
        const resolved = parseTime(a.resolvedAt);
        if (isFinite(resolved)) chip.appendChild(el("span", "resolved-chip-age", fmt.age(serverNow - resolved)));
        return chip;
      })
      : [];
    view.alertsResolved.replaceChildren.apply(view.alertsResolved, resolvedChips);

    const cards = mode === "open" ? summary.cards : [];
    const keep = new Set();
    let index = 0;
    for (const a of cards) {
      keep.add(a.id);
      let parts = view.alertEls.get(a.id);
      if (!parts) {
        parts = buildAlertCard(view);
        view.alertEls.set(a.id, parts);
        if (!firstPaint) {
          parts.li.classList.add("is-new");
          parts.newUntil = localNow + CONFIG.newHighlightMs * 2;
        }
      }
      if (parts.newUntil && localNow > parts.newUntil) {
        parts.li.classList.remove("is-new");
        parts.newUntil = 0;
      }
      updateAlertCard(parts, a, view, serverNow);
      const at = view.alertCards.children[index];
      if (at !== parts.li) view.alertCards.insertBefore(parts.li, at || null);
      index++;
    }
    for (const [id, parts] of view.alertEls) {
      if (keep.has(id)) continue;
      parts.li.remove();
      view.alertEls.delete(id);
    }
    view.alertCards.setAttribute("data-count", String(cards.length));
    for (const a of cards) drawAlertChartIfNeeded(view.alertEls.get(a.id), t);
  }

  function drawAlertChartIfNeeded(parts, t) {
    const canvas = parts.chart;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (!width || !height) return;
    const size = width + "x" + height + "@" + (root.devicePixelRatio || 1);
    if (parts.drawn === parts.alert && parts.drawnSize === size) return;
    drawAlertChart(canvas, parts.alert, width, height, t);
    parts.drawn = parts.alert;
    parts.drawnSize = size;
  }

  /** Sizes a canvas for the screen's pixel ratio and clears it; null where the browser gives no 2D context. */
  function prepareCanvas(canvas, cssWidth, cssHeight) {
    const ratio = root.devicePixelRatio || 1;
    canvas.width = Math.round(cssWidth * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    return ctx;
  }

  /**
   * minuteVolume as bars (oldest left); the incident's minutes (from openedAt) are drawn in the alert
   * colour behind a marked start line, and the expected rate is a dashed line.
   */
  function drawAlertChart(canvas, a, cssWidth, cssHeight, t) {
    const ctx = prepareCanvas(canvas, cssWidth, cssHeight);
    if (!ctx) return;

    const styles = getComputedStyle(canvas);
    const colour = function (name, fallback) { return styles.getPropertyValue(name).trim() || fallback; };
    const barColour = colour("--chart-bar", "rgba(160,175,200,0.55)");
    const hotColour = colour("--chart-hot", "#ff5a4a");
    const hotFill = colour("--chart-hot-fill", "rgba(255,90,74,0.12)");
    const expectColour = colour("--chart-expected", "rgba(255,255,255,0.7)");
    const baseColour = colour("--chart-base", "rgba(255,255,255,0.25)");
    const fontPx = parseFloat(styles.fontSize) || 12;

    const vol = a.minuteVolume;
    const n = Math.max(vol.length, 1);
    const expected = Math.max(0, Number(a.expected) || 0);
    const max = Math.max(1, expected, Math.max.apply(null, vol.concat([0])));
    const top = fontPx * 0.2;
    const h = cssHeight - top - 1;
    const slot = cssWidth / n;
    const barWidth = Math.max(1, slot * 0.72);
    const y = function (v) { return top + h - (v / max) * h; };
    const start = incidentStartIndex(a);

    if (start != null) {
      ctx.fillStyle = hotFill;
      ctx.fillRect(start * slot, 0, cssWidth - start * slot, cssHeight);
    }
    for (let i = 0; i < vol.length; i++) {
      if (!vol[i]) continue;
      ctx.fillStyle = start != null && i >= start ? hotColour : barColour;
      const yy = y(vol[i]);
      ctx.fillRect(i * slot + (slot - barWidth) / 2, yy, barWidth, cssHeight - 1 - yy);
    }
    ctx.fillStyle = baseColour;
    ctx.fillRect(0, cssHeight - 1, cssWidth, 1);

    if (expected > 0) {
      ctx.save();
      ctx.setLineDash([fontPx * 0.35, fontPx * 0.3]);
      ctx.strokeStyle = expectColour;
      ctx.lineWidth = Math.max(1, fontPx / 10);
      ctx.beginPath();
      ctx.moveTo(0, Math.round(y(expected)) + 0.5);
      ctx.lineTo(cssWidth, Math.round(y(expected)) + 0.5);
      ctx.stroke();
      ctx.restore();
    }

    if (start != null) {
      const x = Math.round(start * slot) + 0.5;
      ctx.strokeStyle = hotColour;
      ctx.lineWidth = Math.max(1.5, fontPx / 7);
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, cssHeight);
      ctx.stroke();
      // A small flag with "start" at the top of the line, on whichever side has room.
      ctx.font = "700 " + Math.round(fontPx * 0.8) + "px system-ui, sans-serif";
      const label = t("incidentStart");
      const w = ctx.measureText(label).width + fontPx * 0.5;
      const flagH = fontPx * 1.05;
      const left = x + w > cssWidth ? x - w : x;
      ctx.fillStyle = hotColour;
      ctx.fillRect(left, 0, w, flagH);
      ctx.fillStyle = "#fff";
      ctx.textBaseline = "middle";
      ctx.fillText(label, left + fontPx * 0.25, flagH / 2 + 0.5);
    }
  }

  // Tiles ---------------------------------------------------------------------------------------

  function buildTile(kind, summary, view) {
    const t = view.t;
    const tile = el("div", "tile tile-" + kind);
    const head = el("div", "tile-head");
    const name = el("span", "tile-name", kind === "source" ? sourceName(summary.key, t.lang) : summary.key);
    name.title = summary.key;
    head.appendChild(name);
    const age = el("span", "tile-age");
    age.appendChild(el("span", "age-icon"));
    const ageValue = el("span", "tile-age-value");
    age.appendChild(ageValue);
    head.appendChild(age);

    const main = el("div", "tile-main");
    const volume = el("span", "tile-volume");
    main.appendChild(volume);
    const negative = el("span", "tile-neg");
    if (kind === "topic") main.appendChild(negative);
    const net = el("span", "tile-net");
    const netIcon = sentimentIcon("none", t);
    const netValue = el("span", "tile-net-value");
    net.appendChild(netIcon);
    net.appendChild(netValue);
    main.appendChild(net);

    const spark = el("canvas", "spark");
    spark.setAttribute("aria-hidden", "true");

    tile.appendChild(head);
    tile.appendChild(main);
    tile.appendChild(spark);
    return {
      tile: tile, netIcon: netIcon, netValue: netValue, volume: volume,
      negative: negative, spark: spark, age: ageValue, drawn: null, drawnSize: "",
    };
  }

  function renderTiles(view, container, kind, list, serverNow) {
    const t = view.t;
    const fmt = view.fmt;
    let index = 0;
    const keep = new Set();
    for (const s of list) {
      const id = kind + ":" + s.key;
      keep.add(id);
      let parts = view.tileEls.get(id);
      if (!parts) {
        parts = buildTile(kind, s, view);
        view.tileEls.set(id, parts);
      }
      const hour = s.lastHour || {};
      const net = isFiniteNumber(hour.netSentiment) ? hour.netSentiment : s.netSentiment;
      const cls = netClass(net);
      parts.tile.setAttribute("data-sent", cls);
      setSentimentIcon(parts.netIcon, cls, t);
      setText(parts.netValue, fmt.net(net));
      setText(parts.volume, fmt.int(Number(hour.volume) || 0));
      if (kind === "topic") setText(parts.negative, fmt.int(Number(hour.negative) || 0) + " " + t("negativeShort"));
      const lastSeen = parseTime(s.lastSeen);
      const quietFor = isFinite(lastSeen) ? serverNow - lastSeen : Infinity;
      setText(parts.age, isFinite(lastSeen) ? fmt.age(quietFor) : "–");
      // Live data needs no age; when a source or topic stops, its age shows, then the tile dims.
      parts.tile.classList.toggle("is-aging", quietFor > CONFIG.tileAgeAfterMs);
      parts.tile.classList.toggle("is-quiet", quietFor > CONFIG.conversationWindowMs);

      const at = container.children[index];
      if (at !== parts.tile) container.insertBefore(parts.tile, at || null);
      index++;
      parts.summary = s;
    }
    const wantedTiles = new Set(Array.from(keep).map(function (id) { return view.tileEls.get(id).tile; }));
    for (const child of Array.from(container.children)) {
      if (!wantedTiles.has(child)) child.remove();
    }
    container.setAttribute("data-count", String(list.length));
    if (!list.length) {
      container.appendChild(el("p", "empty", t(kind === "source" ? "noSources" : "noTopics")));
    }
    // Sparklines after layout changes are in the DOM: the canvas takes its size from CSS.
    for (const id of keep) drawSparkIfNeeded(view.tileEls.get(id));
  }

  function pruneTiles(view, state) {
    for (const [id, parts] of view.tileEls) {
      if (!parts.tile.isConnected) view.tileEls.delete(id);
    }
  }

  function drawSparkIfNeeded(parts) {
    const canvas = parts.spark;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (!width || !height) return;
    const size = width + "x" + height + "@" + (root.devicePixelRatio || 1);
    if (parts.drawn === parts.summary && parts.drawnSize === size) return;
    drawSparkline(canvas, parts.summary.minuteVolume, parts.summary.minuteNegative, width, height);
    parts.drawn = parts.summary;
    parts.drawnSize = size;
  }

  /** minuteVolume as an area + line, minuteNegative as bars underneath; oldest left, newest right. */
  function drawSparkline(canvas, volume, negative, cssWidth, cssHeight) {
    const ctx = prepareCanvas(canvas, cssWidth, cssHeight);
    if (!ctx) return;

    const styles = getComputedStyle(canvas);
    const lineColour = styles.getPropertyValue("--spark-line").trim() || "#8ab4ff";
    const fillColour = styles.getPropertyValue("--spark-fill").trim() || "rgba(138,180,255,0.25)";
    const negColour = styles.getPropertyValue("--spark-neg").trim() || "#ff6b4a";
    const baseColour = styles.getPropertyValue("--spark-base").trim() || "rgba(255,255,255,0.2)";

    const vol = Array.isArray(volume) ? volume.map(function (v) { return Math.max(0, Number(v) || 0); }) : [];
    const neg = Array.isArray(negative) ? negative.map(function (v) { return Math.max(0, Number(v) || 0); }) : [];
    const n = Math.max(vol.length, 2);
    const max = Math.max(1, Math.max.apply(null, vol.concat(neg, [0])));
    const pad = 2;
    const h = cssHeight - pad * 2;
    const x = function (i) { return (i / (n - 1)) * cssWidth; };
    const y = function (v) { return pad + h - (v / max) * h; };

    ctx.fillStyle = baseColour;
    ctx.fillRect(0, cssHeight - 1, cssWidth, 1);

    if (neg.length) {
      const barWidth = Math.max(1, cssWidth / n - 1);
      ctx.fillStyle = negColour;
      for (let i = 0; i < neg.length; i++) {
        if (!neg[i]) continue;
        const top = y(neg[i]);
        ctx.fillRect(x(i) - barWidth / 2, top, barWidth, cssHeight - pad - top);
      }
    }
    if (!vol.length) return;

    ctx.beginPath();
    ctx.moveTo(x(0), y(vol[0]));
    for (let i = 1; i < vol.length; i++) ctx.lineTo(x(i), y(vol[i]));
    ctx.lineTo(x(vol.length - 1), cssHeight);
    ctx.lineTo(x(0), cssHeight);
    ctx.closePath();
    ctx.fillStyle = fillColour;
    ctx.fill();

    ctx.beginPath();
    ctx.moveTo(x(0), y(vol[0]));
    for (let i = 1; i < vol.length; i++) ctx.lineTo(x(i), y(vol[i]));
    ctx.lineWidth = Math.max(1.5, cssHeight / 28);
    ctx.lineJoin = "round";
    ctx.strokeStyle = lineColour;
    ctx.stroke();

    // The newest minute, emphasised.
    const last = vol.length - 1;
    ctx.beginPath();
    ctx.arc(x(last) - ctx.lineWidth, y(vol[last]), ctx.lineWidth * 1.6, 0, Math.PI * 2);
    ctx.fillStyle = lineColour;
    ctx.fill();
  }

  // Conversations -------------------------------------------------------------------------------

  function buildConversation(c, rank, view, serverNow) {
    const t = view.t;
    const fmt = view.fmt;
    const li = el("li", "convo");
    li.appendChild(el("span", "convo-rank", String(rank)));

    const body = el("div", "convo-body");
    const meta = el("div", "convo-meta");
    const cls = netClass(c.sentiment ? c.sentiment.netSentiment : null);
    meta.appendChild(sentimentIcon(cls, t));
    meta.appendChild(el("span", "chip chip-source", sourceName(c.source, t.lang)));
    const author = typeof c.rootAuthor === "string" && c.rootAuthor.trim()
      ? (c.rootAuthor.charAt(0) === "@" ? c.rootAuthor : "@" + c.rootAuthor) : t("unknownAuthor");
    meta.appendChild(el("span", "convo-author", author));
    const lastSeen = parseTime(c.lastSeen);
    if (isFinite(lastSeen)) meta.appendChild(el("span", "convo-age", fmt.age(serverNow - lastSeen)));
    body.appendChild(meta);
    body.appendChild(el("p", "convo-text", clip(c.rootText || "", CONFIG.maxTextChars)));
    li.appendChild(body);

    const stats = el("div", "convo-stats");
    const growth = el("div", "convo-growth");
    growth.appendChild(el("span", "convo-growth-value", "+" + fmt.decimal1(Number(c.growthPerMinute) || 0)));
    growth.appendChild(el("span", "convo-growth-unit", t("perMinute")));
    stats.appendChild(growth);
    const figures = el("div", "convo-figures");
    figures.appendChild(el("span", "convo-authors", fmt.int(Number(c.uniqueAuthors) || 0) + " " + t("authors")));
    figures.appendChild(el("span", "convo-reach", t("reach") + " " + fmt.compact(Number(c.reach) || 0)));
    stats.appendChild(figures);
    li.appendChild(stats);
    return li;
  }

  function renderConversations(state, view, serverNow) {
    const list = topConversations(state, serverNow);
    const items = list.map(function (c, i) { return buildConversation(c, i + 1, view, serverNow); });
    view.convos.replaceChildren.apply(view.convos, items);
    setHidden(view.convosEmpty, list.length > 0);
  }

  // Scheduling ----------------------------------------------------------------------------------

  /** Marks the view dirty; renders on the next animation frame, at most once per renderIntervalMs. */
  function createScheduler(state, view) {
    let dirty = false;
    const run = function () {
      view.renderQueued = false;
      if (!dirty) return;
      dirty = false;
      view.lastRenderAt = Date.now();
      view.renders++;
      try {
        render(state, view, view.lastRenderAt);
      } catch (e) {
        console.error("wall: render failed", e);
      }
    };
    return function requestRender() {
      dirty = true;
      if (view.renderQueued) return;
      view.renderQueued = true;
      const wait = Math.max(0, view.lastRenderAt + CONFIG.renderIntervalMs - Date.now());
      setTimeout(run, wait);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // 6. Sources of messages
  // ---------------------------------------------------------------------------------------------

  // Tiles in files of their own (webcare-tile.js) register here: they see every message and render with the wall.
  const plugins = root.WebcareWallPlugins || (root.WebcareWallPlugins = []);
  function notifyPlugins(kind, argument) {
    for (const plugin of plugins) {
      try {
        if (plugin[kind]) plugin[kind](argument);
      } catch (e) {
        console.error("wall: plugin failed", e);
      }
    }
  }

  function createHandlers(state, requestRender) {
    return {
      snapshot: function (snapshot) {
        applySnapshot(state, snapshot, Date.now());
        notifyPlugins("snapshot", snapshot);
        requestRender();
      },
      frame: function (frame) {
        applyFrame(state, frame, Date.now());
        notifyPlugins("frame", frame);
        requestRender();
      },
      connection: function (status, attempt, detail) {
        setConnection(state, status, attempt, detail);
        requestRender();
      },
      filter: function (filter) {
        setFilter(state, filter);
        requestRender();
      },
    };
  }

  function connectHub(params, state, handlers) {
    const signalR = root.signalR;
    if (!signalR || !signalR.HubConnectionBuilder) {
      handlers.connection("unavailable");
      return null;
    }
    const options = {};
    if (params.key) {
      // The key never goes into a URL (URLs end up in logs): it buys a short-lived ticket over a header,
      // and only the ticket travels in the hub's query string. SignalR asks again on every (re)connect.
      const key = params.key;
      options.accessTokenFactory = function () {
        return root.fetch(CONFIG.ticketUrl, { method: "POST", headers: { "X-Api-Key": key }, cache: "no-store" })
          .then(function (response) {
            if (!response.ok) {
              const refused = new Error("ticket refused: " + response.status);
              refused.statusCode = response.status; // read by authProblem, like SignalR's own HttpError
              throw refused;
            }
            return response.json();
          })
          .then(function (answer) { return answer.ticket; });
      };
    }
    // Automatic reconnect that never gives up; each retry is shown as an attempt on the banner.
    const reconnectPolicy = createRetryPolicy();
    const retryPolicy = {
      nextRetryDelayInMilliseconds: function (retryContext) {
        const attempt = (retryContext && retryContext.previousRetryCount || 0) + 1;
        if (state.connection.status === "reconnecting") handlers.connection("reconnecting", attempt);
        return reconnectPolicy.nextRetryDelayInMilliseconds(retryContext);
      },
    };
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(CONFIG.hubUrl, options)
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    connection.on("snapshot", handlers.snapshot);
    connection.on("frame", handlers.frame);

    let restartAttempt = 0;
    let restartTimer = 0;
    const restartPolicy = createRetryPolicy();

    const requestSnapshot = function () {
      state.lastSnapshotRequestAt = Date.now();
      return connection.invoke("RequestSnapshot").catch(function (err) {
        console.warn("wall: RequestSnapshot failed", err);
      });
    };

    // A saved profile (?profile=name) is resolved by the hub, which only hands out this tenant's profiles.
    const loadProfile = function () {
      if (!params.profile) return Promise.resolve();
      return connection.invoke("GetProfile", params.profile).then(function (profile) {
        handlers.filter(createFilter(profile.topics, profile.sources, profile.name));
        return requestSnapshot();
      }, function (err) {
        console.warn("wall: profile refused", err);
        handlers.filter(Object.assign(createFilter(), { topics: new Set(), name: params.profile })); // show nothing
        handlers.connection("unauthorized", 0, "profile");
      });
    };

    const start = function () {
      restartTimer = 0;
      if (connection.state !== signalR.HubConnectionState.Disconnected) return;
      if (state.connection.status !== "unauthorized") handlers.connection(restartAttempt ? "disconnected" : "connecting", restartAttempt);
      connection.start().then(function () {
        restartAttempt = 0;
        handlers.connection("connected");
        // The server sends a snapshot on connect by itself; only a profile needs one more.
        loadProfile();
      }, function (err) {
        console.warn("wall: connect failed", err);
        scheduleStart(authProblem(err, !!params.key));
      });
    };

    // Used when start() fails or automatic reconnect ever gives up: start again, backing off, forever.
    // A refused key says so on the wall (instead of a blank wall) and is retried at the slowest pace.
    const scheduleStart = function (problem) {
      if (restartTimer) return;
      restartAttempt++;
      if (problem) handlers.connection("unauthorized", restartAttempt, problem);
      else handlers.connection("disconnected", restartAttempt);
      const delay = restartPolicy.nextRetryDelayInMilliseconds({
        previousRetryCount: problem ? CONFIG.retryDelaysMs.length : restartAttempt - 1,
      });
      restartTimer = setTimeout(start, Math.max(delay, 500));
    };

    connection.onreconnecting(function () {
      handlers.connection("reconnecting", 1);
    });
    connection.onreconnected(function () {
      handlers.connection("connected");
      requestSnapshot(); // the server sends one too; applying both is harmless
      loadProfile();
    });
    connection.onclose(function (err) {
      if (err) console.warn("wall: connection closed", err);
      scheduleStart();
    });

    start();
    return { connection: connection, requestSnapshot: requestSnapshot };
  }

  function runFixture(params, handlers) {
    handlers.connection("demo");
    fetch(CONFIG.fixtureUrl, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (fixture) {
        handlers.snapshot(fixture.snapshot);
        const frames = Array.isArray(fixture.frames) ? fixture.frames : [];
        frames.forEach(function (frame, i) {
          setTimeout(function () { handlers.frame(frame); }, CONFIG.demoFrameIntervalMs * (i + 1));
        });
        // Dev aid: ?demo=fixture&conn=reconnecting shows the disconnected state on fixture data.
        if (params.conn) {
          setTimeout(function () { handlers.connection(params.conn, 3); },
            CONFIG.demoFrameIntervalMs * (frames.length + 1));
        }
      })
      .catch(function (err) {
        console.error("wall: fixture failed", err);
        handlers.connection("disconnected", 0, "fixture");
      });
  }

  // ---------------------------------------------------------------------------------------------
  // 7. Boot
  // ---------------------------------------------------------------------------------------------

  /** The key comes from the fragment (#key=…): a browser never sends the fragment to a server or its logs. */
  function readParams(search, hash) {
    const query = new URLSearchParams(search);
    const fragment = new URLSearchParams((hash || "").replace(/^#/, ""));
    const conn = query.get("conn");
    const list = function (name) { return (query.get(name) || "").split(",").filter(function (x) { return x.trim() !== ""; }); };
    return {
      topics: list("topics"),
      sources: list("sources"),
      profile: (query.get("profile") || "").trim(),
      key: fragment.get("key") || "",
      lang: (query.get("lang") || "nl").toLowerCase() === "en" ? "en" : "nl",
      demo: query.get("demo") === "fixture",
      conn: ["reconnecting", "disconnected", "connecting"].indexOf(conn) >= 0 ? conn : "",
    };
  }

  function boot() {
    const params = readParams(root.location.search, root.location.hash);
    const t = createI18n(params.lang);
    applyStaticLabels(document, t);

    const state = createState();
    state.lastSnapshotRequestAt = 0;
    state.filter = createFilter(params.topics, params.sources, params.profile);
    const view = createView(document, t);
    const requestRender = createScheduler(state, view);
    const handlers = createHandlers(state, requestRender);

    const hub = params.demo ? (runFixture(params, handlers), null) : connectHub(params, state, handlers);

    // Relative times, ages and the stale indicator move every second even without messages.
    setInterval(function () {
      const now = Date.now();
      pruneOmitted(state, now);
      pruneAlerts(state, now + state.serverSkewMs);
      if (hub && state.connection.status === "connected" && state.lastMessageAt
        && now - state.lastMessageAt > CONFIG.idleRefreshMs
        && now - state.lastSnapshotRequestAt > CONFIG.idleRefreshMs) {
        hub.requestSnapshot(); // silent for a minute: refresh the hour windows (and probe the link)
      }
      requestRender();
    }, CONFIG.tickMs);

    let resizeTimer = 0;
    root.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(requestRender, 150);
    });

    requestRender();
    root.webcareWall = { state: state, view: view, hub: hub }; // for debugging from the console
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})(typeof window !== "undefined" ? window : globalThis);
