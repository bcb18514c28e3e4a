import { api } from "../api/client";
import type { components } from "../api/schema";
import { appPath } from "../address";
import { resolveContest } from "../contests";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { formatDateTime, formatNumber } from "../format";
import { t } from "../i18n";
import { mountShell } from "../shell";

// The public list of award winners: every round of the contest whose results are published, by division and prize,
// and under a judged round's winners its full ranking per division.

type PublicAwardsView = components["schemas"]["PublicAwardsView"];
type PublicDivisionAwards = components["schemas"]["PublicDivisionAwards"];
type PublicRankingView = components["schemas"]["PublicRankingView"];
type PublicDivisionRanking = components["schemas"]["PublicDivisionRanking"];

const main = mountShell();
const content = h("div", { "data-testid": "awards" }, t("loading"));
main.append(h("h1", {}, t("awardsPublicTitle")), content);

function division(awards: PublicDivisionAwards): HTMLElement {
  return h("section", { class: "panel", "data-division": awards.divisionCode },
    h("h3", {}, awards.divisionName),
    h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, t("awardsTeam")), h("th", {}, t("awardsSchool")), h("th", {}, t("awardsDistrict")))),
      h("tbody", {}, ...awards.awards.map((award) => h("tr", { "data-tier": award.tier },
        h("td", {}, h("strong", {}, award.tierName)),
        h("td", {}, award.teamName, award.memberNames.length > 0 ? h("div", { class: "muted" }, award.memberNames.join(", ")) : null),
        h("td", {}, award.school),
        h("td", {}, award.district)))))));
}

/** A division's ranking, closed by default so that the winners stay the first thing one sees. */
function divisionRanking(ranking: PublicDivisionRanking): HTMLElement {
  return h("details", { class: "panel", "data-ranking": ranking.divisionCode },
    h("summary", {}, t("awardsRankingOf", ranking.divisionName)),
    h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, h("th", {}, t("awardsRank")), h("th", {}, t("awardsTeam")), h("th", {}, t("awardsSchool")),
        h("th", {}, t("awardsDistrict")), h("th", {}, t("awardsScore", formatNumber(ranking.maximum))))),
      h("tbody", {}, ...ranking.rows.map((row) => h("tr", { "data-rank": String(row.rank) },
        h("td", {}, row.tied ? t("awardsRankTied", row.rank) : String(row.rank)),
        h("td", {}, row.teamName),
        h("td", {}, row.school),
        h("td", {}, row.district),
        h("td", {}, formatNumber(row.score))))))));
}

function round(view: PublicAwardsView, ranking: PublicRankingView | null): HTMLElement {
  const body = !view.published
    ? h("p", { class: "notice" }, view.publishAt ? t("awardsNotYetPublished", formatDateTime(view.publishAt)) : t("awardsNotScheduled"))
    : view.divisions.length === 0
      ? h("p", { class: "muted" }, t("awardsNoneDecided"))
      : h("div", {}, ...view.divisions.map(division));
  const rankings = ranking?.published && ranking.divisions.length > 0
    ? h("section", { "data-testid": "ranking" }, h("h3", {}, t("awardsRankingTitle")), ...ranking.divisions.map(divisionRanking))
    : null;
  return h("section", { "data-round": view.roundId, "data-published": String(view.published) }, h("h2", {}, view.roundName), body, rankings);
}

try {
  const contest = await resolveContest();
  if (contest) {
    const rounds = await Promise.all(contest.rounds.map(async (item) => {
      const base = `/api/contests/${contest.id}/rounds/${item.id}`;
      // Only a judged round has a ranking of scores; a match round's standing is its bracket.
      const [awards, ranking] = await Promise.all([
        api<PublicAwardsView>("GET", `${base}/awards/public`),
        item.type === "JudgedSubmissions" ? api<PublicRankingView>("GET", `${base}/results/public`) : Promise.resolve(null),
      ]);
      return round(awards, ranking);
    }));
    replaceChildren(content,
      h("p", { class: "big" }, contest.name),
      ...rounds,
      h("p", { class: "muted" }, t("awardsVerifyHint"), " ", h("a", { href: appPath("/verify/") }, t("exportsVerifyTitle"))));
  } else {
    replaceChildren(content, h("p", { class: "muted" }, t("noContests")));
  }
} catch (error) {
  replaceChildren(content, h("p", { class: "error", role: "alert" }, failureMessage(error, "loadFailed")));
}
