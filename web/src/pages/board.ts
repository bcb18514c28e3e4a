import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { api } from "../api/client";
import type { BoardUpdate, ContestView, DistrictBoardView } from "../api/types";
import { decide } from "../boardVersions";
import { h, replaceChildren } from "../dom";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { mountShell } from "../shell";
import { resolveContest } from "../contests";

const main = mountShell("board");
const title = h("h1", { class: "board-title" }, t("loading"));
const status = h("span", { class: "board-status" });
const totalTeams = h("span", { class: "total-number", "data-testid": "total-teams" }, "–");
const totalPeople = h("span", { class: "total-people" });
const version = h("span", { class: "board-version", "data-testid": "board-version" });
const rows = h("tbody");
main.append(
  h("div", { class: "board-head" }, title, status),
  h("div", { class: "board-total" }, h("span", { class: "total-label" }, t("totalTeams")), totalTeams, totalPeople),
  h("table", { class: "board-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("district")), h("th", { class: "number" }, t("teams")), h("th", { class: "number" }, t("people")))),
    rows),
  h("footer", { class: "board-footer" }, version),
);

let shown: DistrictBoardView | undefined;

function render(board: DistrictBoardView): void {
  if (decide(shown?.version, board.version) === "ignore") return;
  const previous = new Map(shown?.districts.map((tally) => [tally.district, tally.teams]));
  shown = board;
  totalTeams.textContent = formatNumber(board.totalTeams);
  totalPeople.textContent = `${formatNumber(board.totalPeople)} ${t("totalPeople")}`;
  version.textContent = `${t("version")} ${board.version}`;
  const busiest = Math.max(1, ...board.districts.map((tally) => tally.teams));
  replaceChildren(rows, ...board.districts.map((tally) => {
    const bar = h("span", { class: "bar" });
    bar.style.width = `${(100 * tally.teams) / busiest}%`;
    const changed = previous.size > 0 && previous.get(tally.district) !== tally.teams;
    return h("tr", { "data-district": tally.district, class: changed ? "changed" : undefined },
      h("td", { class: "district-name" }, tally.district, bar),
      h("td", { class: "number", "data-testid": "district-count" }, formatNumber(tally.teams)),
      h("td", { class: "number muted" }, formatNumber(tally.people)));
  }));
}

function setStatus(key: "live" | "reconnecting" | "offline"): void {
  status.textContent = t(key);
  status.dataset.state = key;
}

async function follow(contest: ContestView): Promise<void> {
  const boardName = `contest/${contest.id}/districts`;
  const snapshot = () => api<DistrictBoardView>("GET", `/api/contests/${contest.id}/districts`).then(render);
  const connection = new HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(10_000, 500 * 2 ** retry.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on("BoardUpdated", (update: BoardUpdate<DistrictBoardView>) => {
    if (update.board === boardName) render(update.data);
  });
  connection.onreconnecting(() => setStatus("reconnecting"));
  connection.onreconnected(async () => {
    // Messages sent while we were away are gone: subscribe again, then catch up from the snapshot.
    await connection.invoke("Subscribe", boardName);
    await snapshot();
    setStatus("live");
  });
  connection.onclose(() => setStatus("offline"));

  await connection.start();
  await connection.invoke("Subscribe", boardName);
  await snapshot();
  setStatus("live");
  window.addEventListener("online", () => {
    if (connection.state === HubConnectionState.Connected) void snapshot();
  });
}

try {
  const contest = await resolveContest();
  if (contest) {
    title.textContent = contest.name;
    document.title = contest.name;
    await follow(contest);
  } else {
    title.textContent = t("noContests");
  }
} catch {
  setStatus("offline");
  main.prepend(h("p", { class: "error" }, t("loadFailed")));
}
