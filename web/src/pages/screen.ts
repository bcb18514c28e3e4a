import { h, qrImage, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { t } from "../i18n";
import { audienceBoard, freezeNotice, phoneLink } from "../leaderboards/audience";
import { moves, page, ranks, standingLines, type StandingLine } from "../leaderboards/standings";
import { followBoard, type LinkState } from "../matches/live";
import type { MatchRoundView } from "../matches/types";
import { mountShell } from "../shell";
import "../leaderboards/leaderboards.css";

// The hall's big screen (1920×1080, read from the back of the hall): the standings in large type, a page at a time
// (eleven lines fit under the title and a freeze notice),
// turning by itself; teams that change place slide to their new one; a QR code sends phones to the phone board.

const linesPerPage = 11;
// A hall may want pages to turn faster or slower: ?seconds=… (at least 3).
const secondsPerPage = Math.max(3, Number(new URLSearchParams(window.location.search).get("seconds")) || 12);

const main = mountShell("board");
document.body.classList.add("layout-screen");
const title = h("h1", { class: "screen-title", "data-testid": "screen-title" }, t("loading"));
const subtitle = h("p", { class: "screen-subtitle" });
const link = h("span", { class: "board-status", "data-testid": "link-state" });
const notice = h("p", { class: "screen-notice", "data-testid": "freeze-notice", hidden: true });
const rows = h("tbody", { "data-testid": "standings" });
const pageNumber = h("p", { class: "screen-page", "data-testid": "page-number" });
const phone = h("aside", { class: "screen-phone" });
const version = h("span", { class: "board-version", "data-testid": "board-version" });
replaceChildren(main,
  h("header", { class: "screen-head" }, h("div", {}, title, subtitle), link),
  notice,
  h("div", { class: "screen-body" },
    h("table", { class: "screen-table" },
      h("thead", {}, h("tr", {},
        h("th", { class: "rank" }, t("standingsRank")), h("th", {}, t("standingsTeam")), h("th", { class: "number" }, t("standingsPlayed")),
        h("th", { class: "number" }, t("standingsRecord")), h("th", { class: "number" }, t("standingsPointsFor")), h("th", { class: "number" }, t("standingsPoints")))),
      rows),
    phone),
  h("footer", { class: "screen-foot" }, pageNumber, version));

let lines: StandingLine[] = [];
let previousRanks = new Map<string, number>();
let pageIndex = 0;

function line(item: StandingLine, moved: "up" | "down" | undefined, groupStarts: boolean): HTMLElement {
  const groupLabel = groupStarts ? h("span", { class: "group-chip" }, t("standingsGroup", item.group)) : null;
  if (item.concealed) {
    return h("tr", { class: "concealed", "data-key": item.key, "data-testid": "concealed-line" },
      h("td", { class: "rank" }, "?"), h("td", { class: "team" }, groupLabel, h("span", { class: "name" }, t("standingsConcealed"))),
      h("td", { colspan: 4 }));
  }
  return h("tr", { "data-key": item.key, "data-team": item.team, class: moved ? `moved-${moved}` : undefined },
    h("td", { class: "rank" }, String(item.rank), moved ? h("span", { class: "arrow", title: t(moved === "up" ? "standingsUp" : "standingsDown") }, moved === "up" ? "▲" : "▼") : null),
    h("td", { class: "team" }, groupLabel, h("span", { class: "name" }, item.team), h("span", { class: "detail" }, `${item.school} · ${item.district}`)),
    h("td", { class: "number" }, String(item.played)),
    h("td", { class: "number" }, item.record),
    h("td", { class: "number" }, String(item.pointsFor)),
    h("td", { class: "number points", "data-testid": "points" }, String(item.points)));
}

/** Draws the current page; rows of teams that were on screen slide from where they were (FLIP). */
function drawPage(animate: boolean): void {
  const before = new Map([...rows.querySelectorAll<HTMLElement>("tr[data-key]")].map((row) => [row.dataset.key!, row.getBoundingClientRect().top]));
  const shown = page(lines, linesPerPage, pageIndex);
  pageIndex = shown.index;
  const moved = animate ? moves(previousRanks, lines) : new Map<string, "up" | "down">();
  replaceChildren(rows, ...shown.items.map((item, index) => line(item, moved.get(item.key), index === 0 || shown.items[index - 1]!.group !== item.group)));
  pageNumber.textContent = shown.count > 1 ? t("standingsPage", shown.index + 1, shown.count) : "";
  if (!animate) return;
  for (const row of rows.querySelectorAll<HTMLElement>("tr[data-key]")) {
    const top = before.get(row.dataset.key!);
    if (top === undefined) continue;
    const delta = top - row.getBoundingClientRect().top;
    if (delta === 0) continue;
    row.animate([{ transform: `translateY(${delta}px)` }, { transform: "translateY(0)" }], { duration: 900, easing: "cubic-bezier(.2,.8,.2,1)" });
  }
}

function render(view: MatchRoundView): void {
  previousRanks = ranks(lines);
  lines = standingLines(view);
  const text = freezeNotice(view);
  notice.textContent = text;
  notice.hidden = text === "";
  notice.dataset.revealed = String(view.freeze?.revealed ?? "");
  version.textContent = `${t("version")} ${view.version}`;
  drawPage(true);
}

function setLink(state: LinkState): void {
  link.textContent = t(state);
  link.dataset.state = state;
}

try {
  const board = await audienceBoard(() => setLink("offline"));
  if (!board) {
    title.textContent = t("matchesNoRound");
  } else {
    title.textContent = board.contest.name;
    subtitle.textContent = `${board.roundName} — ${t("standingsTitle")}`;
    document.title = `${board.contest.name} — ${t("standingsTitle")}`;
    void phoneLink(board).then((link) => replaceChildren(phone,
      qrImage(link.qrCodeSvg, t("standingsPhoneHint")),
      h("p", { class: "phone-hint" }, t("standingsPhoneHint")),
      h("p", { class: "phone-url", "data-testid": "phone-url" }, link.url.replace(/^https?:\/\//, "")))).catch(() => undefined);
    setInterval(() => {
      if (lines.length <= linesPerPage) return;
      pageIndex++;
      drawPage(false);
    }, secondsPerPage * 1000);
    await followBoard(board.contest.id, board.roundId, { board: render, link: setLink });
  }
} catch (error) {
  title.textContent = failureMessage(error, "loadFailed");
}
