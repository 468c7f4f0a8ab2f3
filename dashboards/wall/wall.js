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
    retryDelaysMs: [0, 1000, 2000, 5000, 10000], // then 10 s forever
    retryJitter: 0.2,
    demoFrameIntervalMs: 700,
    maxTextChars: 600,
    newHighlightMs: 4000,
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
    },
  };

  /** Display names for well-known source keys; anything else is shown as sent. */
  const SOURCE_NAMES = {
    x: "X",
    twitter: "X",
    facebook: "Facebook",
    instagram: "Instagram",
    linkedin: "LinkedIn",
    reddit: "Reddit",
    tiktok: "TikTok",
    youtube: "YouTube",
    mastodon: "Mastodon",
    bluesky: "Bluesky",
    zorgkaart: "Zorgkaart",
    zorgkaartnederland: "Zorgkaart",
    google: "Google",
    trustpilot: "Trustpilot",
    news: "Nieuws",
    nieuws: "Nieuws",
    forum: "Forum",
  };

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

  function sourceName(key) {
    if (typeof key !== "string" || key === "") return "?";
    return SOURCE_NAMES[key.toLowerCase()] || key;
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
    };
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
    });
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
      .sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; })
      .slice(0, CONFIG.maxSourceTiles);
  }

  function lastHourVolume(s) {
    return (s.lastHour && Number(s.lastHour.volume)) || 0;
  }

  function topicTiles(state) {
    return Array.from(state.topics.values())
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
        if (!(Number(c.lastTenMinutes) > 0)) return false;
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
    omittedInWindow: omittedInWindow,
    sourceTiles: sourceTiles,
    topicTiles: topicTiles,
    topConversations: topConversations,
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
    renderRiver(state, view, localNow, serverNow);
    renderTiles(view, view.sources, "source", sourceTiles(state), serverNow);
    renderTiles(view, view.topics, "topic", topicTiles(state), serverNow);
    pruneTiles(view, state);
    renderConversations(state, view, serverNow);
    view.renderedSnapshots = state.snapshots;
  }

  function renderHeader(state, view, now) {
    const t = view.t;
    const fmt = view.fmt;
    const c = state.connection;

    view.conn.setAttribute("data-state", c.status);
    setText(view.connLabel, t("conn." + c.status));
    setHidden(view.demoBadge, c.status !== "demo");

    setText(view.totalAccepted, state.totals ? fmt.int(state.totals.accepted) : "–");
    setText(view.totalDuplicates, state.totals ? fmt.int(state.totals.duplicates) : "–");
    setText(view.clock, fmt.clock(state.lastMessageAt));

    const age = state.lastMessageAt ? now - state.lastMessageAt : NaN;
    const stale = c.status !== "demo" && isFinite(age) && age > CONFIG.staleAfterMs;
    setHidden(view.dataAge, !stale);
    if (stale) setText(view.dataAge, t("dataAge", { t: fmt.age(age) }));
    // Quiet-but-connected only shows the age; the panels dim when the data can no longer be trusted.
    view.wall.classList.toggle("is-stale", c.status !== "connected" && c.status !== "demo");

    const down = c.status === "reconnecting" || c.status === "disconnected" || c.status === "unavailable";
    setHidden(view.banner, !down);
    if (down) {
      let text = c.status === "unavailable" ? t("bannerUnavailable")
        : c.detail === "fixture" ? t("bannerFixture") : t("banner");
      if (c.attempt > 1 && c.status !== "unavailable") text += "  (" + t("bannerAttempt", { n: c.attempt }) + ")";
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
    meta.appendChild(el("span", "chip chip-source", sourceName(m.source)));
    meta.appendChild(el("span", "mention-author", handleText(m, t)));
    const followers = Number(m.followers);
    if (followers > 0) meta.appendChild(el("span", "mention-followers", fmt.compact(followers) + " " + t("followers")));
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

  // Tiles ---------------------------------------------------------------------------------------

  function buildTile(kind, summary, view) {
    const t = view.t;
    const tile = el("div", "tile tile-" + kind);
    const head = el("div", "tile-head");
    const name = el("span", "tile-name", kind === "source" ? sourceName(summary.key) : summary.key);
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
      setText(parts.age, isFinite(lastSeen) ? fmt.age(serverNow - lastSeen) : "–");
      parts.tile.classList.toggle("is-quiet", !isFinite(lastSeen) || serverNow - lastSeen > CONFIG.conversationWindowMs);

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
    const ratio = root.devicePixelRatio || 1;
    canvas.width = Math.round(cssWidth * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);

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
    meta.appendChild(el("span", "chip chip-source", sourceName(c.source)));
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
      setTimeout(function () { root.requestAnimationFrame(run); }, wait);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // 6. Sources of messages
  // ---------------------------------------------------------------------------------------------

  function createHandlers(state, requestRender) {
    return {
      snapshot: function (snapshot) {
        applySnapshot(state, snapshot, Date.now());
        requestRender();
      },
      frame: function (frame) {
        applyFrame(state, frame, Date.now());
        requestRender();
      },
      connection: function (status, attempt, detail) {
        setConnection(state, status, attempt, detail);
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
            if (!response.ok) throw new Error("ticket refused: " + response.status);
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

    const start = function () {
      restartTimer = 0;
      if (connection.state !== signalR.HubConnectionState.Disconnected) return;
      handlers.connection(restartAttempt ? "disconnected" : "connecting", restartAttempt);
      connection.start().then(function () {
        restartAttempt = 0;
        handlers.connection("connected");
        // The server sends a snapshot on connect by itself; nothing to ask for here.
      }, function (err) {
        console.warn("wall: connect failed", err);
        scheduleStart();
      });
    };

    // Used when start() fails or automatic reconnect ever gives up: start again, backing off, forever.
    const scheduleStart = function () {
      if (restartTimer) return;
      restartAttempt++;
      handlers.connection("disconnected", restartAttempt);
      const delay = restartPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: restartAttempt - 1 });
      restartTimer = setTimeout(start, Math.max(delay, 500));
    };

    connection.onreconnecting(function () {
      handlers.connection("reconnecting", 1);
    });
    connection.onreconnected(function () {
      handlers.connection("connected");
      requestSnapshot(); // the server sends one too; applying both is harmless
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
    return {
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
    const view = createView(document, t);
    const requestRender = createScheduler(state, view);
    const handlers = createHandlers(state, requestRender);

    const hub = params.demo ? (runFixture(params, handlers), null) : connectHub(params, state, handlers);

    // Relative times, ages and the stale indicator move every second even without messages.
    setInterval(function () {
      const now = Date.now();
      pruneOmitted(state, now);
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
