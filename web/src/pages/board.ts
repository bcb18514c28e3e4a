import { api } from "../api/client";
import { isRefusal } from "../api/problems";
import type { ContestView, DistrictBoardView } from "../api/types";
import { followBoard, type LinkState } from "../boardFeed";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { retryUntilDone } from "../retry";
import { mountShell } from "../shell";
import { resolveContest } from "../contests";

const main = mountShell("board");
const title = h("h1", { class: "board-title" }, t("loading"));
const status = h("span", { class: "board-status" });
const failure = h("p", { class: "board-alert", role: "status", hidden: true }, t("loadFailed"), " ", t("retrying"));
const totalTeams = h("span", { class: "total-number", "data-testid": "total-teams" }, "–");
const totalPeople = h("span", { class: "total-people" });
const version = h("span", { class: "board-version", "data-testid": "board-version" });
const rows = h("tbody");
const table = h("table", { class: "board-table" },
  h("thead", {}, h("tr", {}, h("th", {}, t("district")), h("th", { class: "number" }, t("teams")), h("th", { class: "number" }, t("people")))),
  rows);
main.append(
  h("div", { class: "board-head" }, title, status),
  failure,
  h("div", { class: "board-total" }, h("span", { class: "total-label" }, t("totalTeams")), totalTeams, totalPeople),
  table,
  h("footer", { class: "board-footer" }, version),
);

let shown: DistrictBoardView | undefined;

function render(board: DistrictBoardView): void {
  const previous = new Map(shown?.districts.map((tally) => [tally.district, tally.teams]));
  shown = board;
  failure.hidden = true;
  totalTeams.textContent = formatNumber(board.totalTeams);
  totalPeople.textContent = `${formatNumber(board.totalPeople)} ${t("totalPeople")}`;
  version.textContent = `${t("version")} ${board.version}`;
  // The stylesheet sizes the rows so that every district fits on one screen, and each bar by its share of the busiest.
  table.style.setProperty("--district-count", String(board.districts.length));
  const busiest = Math.max(1, ...board.districts.map((tally) => tally.teams));
  replaceChildren(rows, ...board.districts.map((tally) => {
    const bar = h("span", { class: "bar" });
    bar.style.setProperty("--share", String(tally.teams / busiest));
    const changed = previous.size > 0 && previous.get(tally.district) !== tally.teams;
    return h("tr", { "data-district": tally.district, class: changed ? "changed" : undefined },
      h("td", { class: "district-name" }, tally.district, bar),
      h("td", { class: "number", "data-testid": "district-count" }, formatNumber(tally.teams)),
      h("td", { class: "number muted" }, formatNumber(tally.people)));
  }));
}

function setStatus(key: LinkState): void {
  status.textContent = t(key);
  status.dataset.state = key;
  // With numbers on screen the status pill is enough; with none, say why the board is empty.
  failure.hidden = key !== "offline" || shown !== undefined;
}

async function follow(contest: ContestView): Promise<void> {
  await followBoard<DistrictBoardView>({
    name: `contest/${contest.id}/districts`,
    snapshot: () => api<DistrictBoardView>("GET", `/api/contests/${contest.id}/districts`),
    show: render,
    link: setStatus,
  }).ready;
}

try {
  const contest = await retryUntilDone(resolveContest, (error) => {
    if (isRefusal(error)) throw error; // an unknown contest id does not come right by waiting
    setStatus("offline");
  });
  if (contest) {
    title.textContent = contest.name;
    document.title = contest.name;
    await follow(contest);
  } else {
    title.textContent = t("noContests");
  }
} catch (error) {
  title.textContent = failureMessage(error, "loadFailed");
}
