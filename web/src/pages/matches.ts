import { api } from "../api/client";
import { isRefusal } from "../api/problems";
import type { ContestView } from "../api/types";
import { resolveContest } from "../contests";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { t } from "../i18n";
import { followBoard, matchRounds, teamName, type LinkState } from "../matches/live";
import { bracket, groupTable, matchTime, scoreText } from "../matches/render";
import { fieldsNow } from "../matches/scoring";
import type { LiveScore, MatchRoundView, MatchView } from "../matches/types";
import { retryUntilDone } from "../retry";
import { mountShell } from "../shell";
import "../matches/matches.css";

// The hall's big screen for a match round (1920×1080, read from the back of the hall): what each field is playing
// now and next, with the live score marked unofficial until the head referee confirms; the group tables; the
// bracket. With ?view=schedule it is instead the printable timetable per field and per team.

const params = new URLSearchParams(window.location.search);
const printable = params.get("view") === "schedule";
const main = mountShell(printable ? "default" : "board");
main.classList.add(printable ? "schedule-print" : "matches-board");
const title = h("h1", { class: "board-title" }, t("loading"));
const link = h("span", { class: "board-status", "data-testid": "link-state" });
const fields = h("section", { class: "fields-now", "data-testid": "fields-now" });
const groups = h("section", { class: "group-tables", "data-testid": "group-tables" });
const knockout = h("div");
const version = h("span", { class: "board-version", "data-testid": "board-version" });

const live = new Map<string, LiveScore>();
let shown: MatchRoundView | undefined;

function fieldCard(view: MatchRoundView, field: string, current?: MatchView, next?: MatchView): HTMLElement {
  const liveScore = current ? live.get(current.code) : undefined;
  // A pushed running score shows until a submitted or confirmed result for the match arrives on the board.
  const unofficial = current && current.status !== "AwaitingConfirmation" && liveScore;
  const scoreLine = current
    ? unofficial
      ? `${liveScore.score.red.points} : ${liveScore.score.blue.points}`
      : scoreText(current)
    : "";
  return h("article", { class: "field-card", "data-field": field },
    h("h2", {}, field),
    current
      ? h("div", { class: "now" },
        h("div", { class: "match-meta" }, `${current.code} · ${matchTime(current)}`,
          unofficial || current.status === "AwaitingConfirmation" ? h("span", { class: "unofficial", "data-testid": "unofficial" }, t("matchesUnofficial")) : null),
        h("div", { class: "versus" },
          h("span", { class: "side red" }, teamName(view, current.red)),
          h("span", { class: "score", "data-testid": "field-score" }, scoreLine),
          h("span", { class: "side blue" }, teamName(view, current.blue))))
      : h("p", { class: "muted" }, t("matchesFieldDone")),
    next ? h("p", { class: "next" }, `${t("matchesNext")}: ${next.code} · ${matchTime(next)} · ${teamName(view, next.red)} – ${teamName(view, next.blue)}`) : null);
}

function render(view: MatchRoundView): void {
  shown = view;
  replaceChildren(fields, ...fieldsNow(view.matches, view.fields).map((now) => fieldCard(view, now.field, now.current, now.next)));
  replaceChildren(groups, ...view.groups.map((table) => groupTable(view, table)));
  replaceChildren(knockout, bracket(view));
  version.textContent = `${t("version")} ${view.version}`;
}

function setLink(state: LinkState): void {
  link.textContent = t(state);
  link.dataset.state = state;
}

function scheduleTable(view: MatchRoundView, matches: MatchView[]): HTMLElement {
  return h("table", { class: "data schedule" },
    h("thead", {}, h("tr", {}, ...[t("matchesTime"), t("matchesMatch"), t("matchesField"), t("matchesRed"), t("matchesBlue"), t("matchesResult")].map((label) => h("th", {}, label)))),
    h("tbody", {}, ...matches.map((match) => h("tr", {},
      h("td", {}, matchTime(match)), h("td", {}, match.code), h("td", {}, match.field),
      h("td", {}, match.red ? teamName(view, match.red) : t("matchesToBeDecided")),
      h("td", {}, match.blue ? teamName(view, match.blue) : t("matchesToBeDecided")),
      h("td", {}, match.official ? scoreText(match) : "")))));
}

/** One page per field, then one per team: what the field marshals and the teams' coaches pin up. */
function renderSchedule(view: MatchRoundView, contest: ContestView): void {
  const print = h("button", { type: "button", class: "primary no-print", "data-testid": "print" }, t("matchesPrint"));
  print.addEventListener("click", () => window.print());
  const byTime = [...view.matches].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  replaceChildren(main,
    h("div", { class: "row spread no-print" }, h("h1", {}, t("matchesScheduleTitle")), print),
    ...view.fields.map((field) => h("section", { class: "print-page", "data-print-field": field },
      h("h2", {}, `${contest.name} — ${field}`),
      scheduleTable(view, byTime.filter((match) => match.field === field)))),
    ...view.teams.map((team) => h("section", { class: "print-page", "data-print-team": team.name },
      h("h2", {}, `${contest.name} — ${team.name}`),
      h("p", { class: "muted" }, `${team.school} · ${team.district}`),
      scheduleTable(view, byTime.filter((match) => match.red === team.teamId || match.blue === team.teamId)))));
}

try {
  const contest = await retryUntilDone(resolveContest, (error) => {
    if (isRefusal(error)) throw error;
    setLink("offline");
  });
  const roundId = params.get("round") ?? (contest ? (await matchRounds(contest.id))[0]?.id : undefined);
  if (!contest || !roundId) {
    replaceChildren(main, h("h1", {}, t("matchesNoRound")));
  } else if (printable) {
    // Officials (the organiser printing right after the draw) read the round as the draw wrote it; anyone else gets
    // the public board, which the projection daemon brings up to date a moment later.
    const round = `/api/contests/${contest.id}/rounds/${roundId}/matches`;
    renderSchedule(await api<MatchRoundView>("GET", `${round}/`).catch(() => api<MatchRoundView>("GET", `${round}/board`)), contest);
  } else {
    const round = contest.rounds.find((item) => item.id === roundId);
    title.textContent = `${contest.name} — ${round?.name ?? ""}`;
    document.title = title.textContent;
    replaceChildren(main,
      h("div", { class: "board-head" }, title, link),
      fields,
      h("div", { class: "stage-columns" }, groups, knockout),
      h("footer", { class: "board-footer" }, version));
    await followBoard(contest.id, roundId, {
      board: render,
      live: (score) => {
        live.set(score.code, score);
        if (shown) render(shown);
      },
      link: setLink,
    });
  }
} catch (error) {
  replaceChildren(main, h("h1", {}, failureMessage(error, "loadFailed")));
}
