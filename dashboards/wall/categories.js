/*
 * Webcare Realtime — complaint-category badges on the wall's mentions.
 *
 * A mention carries `categories`: the names of the complaint categories the enrichment found
 * (WaitingTime, Reachability, …; see the README's WallMention). This turns them into short badge labels
 * in the wall's language. Unknown names are dropped (a newer server must not put raw enum names on a
 * TV), duplicates shown once, in the order the server sent them. Plain data out: wall.js writes the
 * labels with textContent.
 */
(function (root) {
  "use strict";

  const LABELS = Object.freeze({
    nl: {
      WaitingTime: ["wachttijd", "Wachttijd of wachtlijst"],
      Reachability: ["bereikbaarheid", "Telefoon, afspraak maken of app"],
      StaffAttitude: ["bejegening", "Houding van medewerkers"],
      QualityOfCare: ["zorgkwaliteit", "Kwaliteit van zorg of medische fout"],
      Privacy: ["privacy", "Privacy of datalek"],
      Costs: ["kosten", "Kosten, rekening of eigen risico"],
      Facilities: ["faciliteiten", "Parkeren, eten, schoonmaak of gebouw"],
      Information: ["informatie", "Informatie en communicatie"],
      Compliment: ["compliment", "Compliment of bedankje"],
    },
    en: {
      WaitingTime: ["waiting", "Waiting time or waiting list"],
      Reachability: ["reachability", "Phone, appointments or app"],
      StaffAttitude: ["attitude", "Staff attitude"],
      QualityOfCare: ["care quality", "Quality of care or medical error"],
      Privacy: ["privacy", "Privacy or data leak"],
      Costs: ["costs", "Costs, bill or own risk"],
      Facilities: ["facilities", "Parking, food, cleanliness or building"],
      Information: ["information", "Information and communication"],
      Compliment: ["compliment", "Compliment or thanks"],
    },
  });

  const MAX_BADGES = 3;

  /** [{ key, text, title, compliment }] for a mention's categories, at most MAX_BADGES. */
  function categoryBadges(categories, lang) {
    if (!Array.isArray(categories)) return [];
    const labels = LABELS[lang] || LABELS.nl;
    const seen = new Set();
    const badges = [];
    for (const name of categories) {
      if (typeof name !== "string" || seen.has(name) || !Object.prototype.hasOwnProperty.call(labels, name)) continue;
      seen.add(name);
      const [text, title] = labels[name];
      badges.push({ key: name, text: text, title: title, compliment: name === "Compliment" });
      if (badges.length === MAX_BADGES) break;
    }
    return badges;
  }

  const api = { categoryBadges: categoryBadges, MAX_BADGES: MAX_BADGES };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.webcareCategories = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
