import { h } from "../dom";
import { t } from "../i18n";
import type { GroupTable, MatchRoundView, MatchView } from "./types";
import { teamName } from "./live";

// Pieces the audience screen, the organiser console and the referee tablet draw alike: a group table, the bracket,
// a match's time.

const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hour12: false });

export function matchTime(match: MatchView): string {
  return timeFormat.format(new Date(match.startsAt));
}

export function groupTable(view: MatchRoundView, table: GroupTable): HTMLElement {
  return h("section", { class: "group-table", "data-group": table.group },
    h("h3", {}, t("matchesGroup", table.group)),
    h("table", {},
      h("thead", {}, h("tr", {},
        h("th", {}, "#"), h("th", {}, t("teamName")), h("th", { class: "number" }, t("matchesPlayed")),
        h("th", { class: "number" }, t("matchesWonDrawnLost")), h("th", { class: "number" }, t("matchesPoints")), h("th", { class: "number" }, t("matchesRankingPoints")))),
      h("tbody", {}, ...table.rows.map((row) => h("tr", { "data-team": teamName(view, row.teamId) },
        h("td", {}, String(row.rank), row.awaitingLot ? h("span", { class: "lot", title: t("matchesAwaitingLot") }, " ⚄") : null),
        h("td", { class: "team" }, teamName(view, row.teamId)),
        h("td", { class: "number" }, String(row.played)),
        h("td", { class: "number" }, `${row.won}-${row.drawn}-${row.lost}`),
        h("td", { class: "number" }, String(row.pointsFor)),
        h("td", { class: "number strong", "data-testid": "ranking-points" }, String(row.rankingPoints)))))));
}

export function scoreText(match: MatchView): string {
  return match.score ? `${match.score.red.points} : ${match.score.blue.points}` : "–";
}

/** The knockout stage as columns, one per round, the third-place match under the final. */
export function bracket(view: MatchRoundView): HTMLElement | null {
  const knockout = view.matches.filter((match) => match.stage === "Knockout");
  if (knockout.length === 0) return null;
  const rounds = [...new Set(knockout.map((match) => match.round))].sort((a, b) => a - b);
  return h("section", { class: "bracket", "data-testid": "bracket" }, ...rounds.map((round) =>
    h("div", { class: "bracket-round" }, ...knockout.filter((match) => match.round === round)
      // The final above the third-place match, the others in their bracket order.
      .sort((a, b) => Number(a.code === "3P") - Number(b.code === "3P") || a.code.localeCompare(b.code, "en", { numeric: true }))
      .map((match) => {
        const winner = match.official && match.score?.winner ? (match.score.winner === "Red" ? match.red : match.blue) : null;
        const side = (team: string | null) => h("div", { class: `bracket-team${winner && winner === team ? " winner" : ""}` }, team ? teamName(view, team) : t("matchesToBeDecided"));
        return h("div", { class: "bracket-match", "data-match": match.code },
          h("div", { class: "bracket-code" }, match.code, " · ", matchTime(match), match.needsReview ? h("span", { class: "review" }, ` ${t("matchesNeedsReview")}`) : null),
          side(match.red), side(match.blue),
          h("div", { class: "bracket-score" }, scoreText(match), match.score && !match.official ? ` (${t("matchesUnofficial")})` : ""));
      }))));
}
