/*
 * Webcare Realtime — display names of well-known source keys ("twitter" → "X"), in the wall's language
 * ("news" is "Nieuws" on a Dutch wall, "News" on an English one). Anything else is shown as sent.
 * Shared by wall.js (river, tiles, alerts, conversations) and webcare-tile.js (the queue).
 *
 * Pure: exported for Node tests (test/source-names.test.js).
 */
(function (root) {
  "use strict";

  const NAMES = {
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
  const ENGLISH = { news: "News", nieuws: "News" };

  function sourceName(key, lang) {
    if (typeof key !== "string" || key === "") return "?";
    const k = key.toLowerCase();
    if (lang === "en" && Object.prototype.hasOwnProperty.call(ENGLISH, k)) return ENGLISH[k];
    return Object.prototype.hasOwnProperty.call(NAMES, k) ? NAMES[k] : key;
  }

  const api = { sourceName: sourceName };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.WebcareSourceNames = api;
})(typeof window !== "undefined" ? window : globalThis);
